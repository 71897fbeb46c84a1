import { createRoute, z } from "@hono/zod-openapi";
import { and, desc, eq, gte, lt } from "drizzle-orm";
import { database } from "../db/client";
import { auditLog } from "../db/schema";
import { idFloor } from "../ids";
import { adminRouter } from "./app";
import { errorResponses, iso, isoTime, jsonResponse, listQuery, page, timeWindowQuery, toPage } from "./common";

// GET /v1/audit-log (spec §8): who changed what through /v1, and when. Written by src/audit/audit-trail.ts.

const entry = z
  .object({
    id: z.string(),
    key_id: z.string().openapi({ description: "The API key's id, or admin_token for the bootstrap token." }),
    method: z.string(),
    route: z.string().openapi({ description: "The route's pattern, e.g. /v1/sources/{id}." }),
    object_id: z.string().nullable().openapi({ description: "The object the route acted on, or created." }),
    status: z.number().int().openapi({ description: "The answer's status: failed and denied attempts are entries too." }),
    created_at: isoTime,
  })
  .openapi("AuditEntry");

const filters = listQuery.extend(timeWindowQuery.shape).extend({
  key_id: z.string().optional(),
  object_id: z.string().optional(),
});

const list = createRoute({ method: "get", path: "/v1/audit-log", tags: ["Audit log"], "x-role": "read", request: { query: filters },
  responses: { 200: jsonResponse(page(entry), "A page of entries, newest first."), ...errorResponses } });

export function auditLogRoutes() {
  const app = adminRouter();

  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    // Time bounds become id bounds (ids sort by creation time), so they use the same indexes.
    const rows = await database(c.env.DB).select().from(auditLog)
      .where(and(
        q.cursor ? lt(auditLog.id, q.cursor) : undefined,
        q.created_before ? lt(auditLog.id, idFloor("audit", Date.parse(q.created_before))) : undefined,
        q.created_after ? gte(auditLog.id, idFloor("audit", Date.parse(q.created_after))) : undefined,
        q.key_id ? eq(auditLog.keyId, q.key_id) : undefined,
        q.object_id ? eq(auditLog.objectId, q.object_id) : undefined,
      ))
      .orderBy(desc(auditLog.id)).limit(q.limit + 1).all();
    const { data, next_cursor } = toPage(rows, q.limit);
    return c.json({
      data: data.map((r) => ({ id: r.id, key_id: r.keyId, method: r.method, route: r.route, object_id: r.objectId, status: r.status, created_at: iso(r.createdAt)! })),
      next_cursor,
    }, 200);
  });

  return app;
}
