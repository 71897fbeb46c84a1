import { createRoute, z } from "@hono/zod-openapi";
import { and, desc, eq, getTableColumns, gte, isNotNull, isNull, lt } from "drizzle-orm";
import { database } from "../db/client";
import { loadBody } from "../db/request-body";
import { requests } from "../db/schema";
import { idFloor } from "../ids";
import { adminRouter } from "./app";
import { bodyView } from "./body-view";
import { assertFound, errorResponses, idParam, iso, isoTime, jsonResponse, listQuery, page, timeWindowQuery, toPage } from "./common";

// /v1/requests (spec §2 Request): every HTTP request that reached an ingest URL, accepted or not.

const rejection = z.enum(["verification_failed", "method_not_allowed", "payload_too_large", "source_disabled"]);

const requestSummary = z
  .object({
    id: z.string(),
    source_id: z.string(),
    received_at: isoTime,
    method: z.string(),
    path: z.string(),
    query: z.string(),
    headers: z.record(z.string(), z.string()),
    body_size: z.number().int(),
    verified: z.boolean(),
    rejection: rejection.nullable(),
    rejection_detail: z.string().nullable().openapi({ description: "Why it was rejected, for the operator." }),
    events_count: z.number().int(),
    ignored: z.array(z.object({ connection_id: z.string(), cause: z.string(), detail: z.string().optional() })),
    routed_at: isoTime.nullable(),
  })
  .openapi("RequestSummary");

const requestDetail = requestSummary
  .extend({ body: z.string(), body_encoding: z.enum(["utf8", "base64"]) })
  .openapi("Request");

const filters = listQuery.extend(timeWindowQuery.shape).extend({
  source_id: z.string().optional(),
  verified: z.enum(["true", "false"]).optional(),
  rejection: z.union([rejection, z.literal("none"), z.literal("any")]).optional().openapi({ description: "A rejection cause, `none` (accepted) or `any` (rejected)." }),
});

const list = createRoute({ method: "get", path: "/v1/requests", tags: ["Requests"], request: { query: filters },
  responses: { 200: jsonResponse(page(requestSummary), "A page of requests, newest first."), ...errorResponses } });
const get = createRoute({ method: "get", path: "/v1/requests/{id}", tags: ["Requests"], request: { params: idParam("req") },
  responses: { 200: jsonResponse(requestDetail, "The request, with its body."), ...errorResponses } });

type Row = typeof requests.$inferSelect;

function summary(row: Omit<Row, "body">): z.infer<typeof requestSummary> {
  return {
    id: row.id,
    source_id: row.sourceId,
    received_at: iso(row.receivedAt)!,
    method: row.method,
    path: row.path,
    query: row.query,
    headers: row.headers,
    body_size: row.bodySize,
    verified: row.verified,
    rejection: row.rejection as z.infer<typeof rejection> | null,
    rejection_detail: row.rejectionDetail,
    events_count: row.eventsCount,
    ignored: row.ignored,
    routed_at: iso(row.routedAt),
  };
}

export function requestRoutes() {
  const app = adminRouter();

  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const { body: _body, ...columns } = getTableColumns(requests);
    const rows = await database(c.env.DB).select(columns).from(requests)
      .where(and(
        q.cursor ? lt(requests.id, q.cursor) : undefined,
        q.created_after ? gte(requests.id, idFloor("request", Date.parse(q.created_after))) : undefined,
        q.created_before ? lt(requests.id, idFloor("request", Date.parse(q.created_before))) : undefined,
        q.source_id ? eq(requests.sourceId, q.source_id) : undefined,
        q.verified ? eq(requests.verified, q.verified === "true") : undefined,
        q.rejection === "none" ? isNull(requests.rejection) : q.rejection === "any" ? isNotNull(requests.rejection) : q.rejection ? eq(requests.rejection, q.rejection) : undefined,
      ))
      .orderBy(desc(requests.id)).limit(q.limit + 1).all();
    const { data, next_cursor } = toPage(rows, q.limit);
    return c.json({ data: data.map(summary), next_cursor }, 200);
  });

  app.openapi(get, async (c) => {
    const { id } = c.req.valid("param");
    const db = database(c.env.DB);
    const row = assertFound(await db.select().from(requests).where(eq(requests.id, id)).get(), "Request");
    return c.json({ ...summary(row), ...bodyView(await loadBody(db, row)) }, 200);
  });

  return app;
}
