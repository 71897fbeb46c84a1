import { createRoute, z } from "@hono/zod-openapi";
import { and, desc, eq, isNull, lt } from "drizzle-orm";
import { hashApiKey, newApiKeySecret } from "../auth/api-key-token";
import { forgetKeys } from "../auth/key-cache";
import { database } from "../db/client";
import { apiKeys } from "../db/schema";
import { badRequest } from "../http/problem";
import { newId } from "../ids";
import { adminRouter } from "./app";
import { assertFound, errorResponses, idParam, iso, isoTime, jsonBody, jsonResponse, listQuery, page, toPage } from "./common";

// /v1/api-keys (spec §8): keys with a role. The key itself is in the answer to its creation and
// nowhere else; the gateway keeps its hash.

const role = z.enum(["admin", "read", "publish"]);

const keyInput = z
  .object({
    name: z.string().min(1).max(100),
    role,
    expires_at: z.iso.datetime({ offset: true }).optional().openapi({ description: "When the key stops working; in the future." }),
  })
  .strict()
  .openapi("ApiKeyInput");

const apiKey = z
  .object({
    id: z.string(),
    name: z.string(),
    role,
    created_at: isoTime,
    last_used_at: isoTime.nullable().openapi({ description: "To the minute: written at most once a minute." }),
    expires_at: isoTime.nullable(),
    revoked_at: isoTime.nullable(),
  })
  .openapi("ApiKey");

const createdKey = apiKey.extend({ key: z.string().openapi({ description: "The key (egk_…). Shown this once: store it now." }) }).openapi("CreatedApiKey");

const tag = ["API keys"];
const params = idParam("key");
const create = createRoute({ method: "post", path: "/v1/api-keys", tags: tag, "x-role": "admin", request: jsonBody(keyInput),
  responses: { 201: jsonResponse(createdKey, "Created; `key` is shown only here."), ...errorResponses } });
const list = createRoute({ method: "get", path: "/v1/api-keys", tags: tag, "x-role": "read",
  request: { query: listQuery.extend({ role: role.optional() }) },
  responses: { 200: jsonResponse(page(apiKey), "A page of API keys, newest first."), ...errorResponses } });
const get = createRoute({ method: "get", path: "/v1/api-keys/{id}", tags: tag, "x-role": "read", request: { params },
  responses: { 200: jsonResponse(apiKey, "The key (never the key itself)."), ...errorResponses } });
const revoke = createRoute({ method: "post", path: "/v1/api-keys/{id}/revoke", tags: tag, "x-role": "admin", request: { params },
  description: "Stops the key: at once in this isolate, within 5 seconds in every other. Revoking a revoked key changes nothing.",
  responses: { 200: jsonResponse(apiKey, "The revoked key."), ...errorResponses } });

type Row = typeof apiKeys.$inferSelect;

const present = (row: Row): z.infer<typeof apiKey> => ({
  id: row.id,
  name: row.name,
  role: row.role,
  created_at: iso(row.createdAt)!,
  last_used_at: iso(row.lastUsedAt),
  expires_at: iso(row.expiresAt),
  revoked_at: iso(row.revokedAt),
});

export function apiKeyRoutes() {
  const app = adminRouter();

  app.openapi(create, async (c) => {
    const body = c.req.valid("json");
    const now = Date.now();
    const expiresAt = body.expires_at === undefined ? null : Date.parse(body.expires_at);
    if (expiresAt !== null && expiresAt <= now) throw badRequest([{ path: "expires_at", message: "must be in the future" }]);
    const key = newApiKeySecret();
    const row: Row = { id: newId("apiKey", now), name: body.name, role: body.role, keyHash: await hashApiKey(key), createdAt: now, lastUsedAt: null, expiresAt, revokedAt: null };
    await database(c.env.DB).insert(apiKeys).values(row);
    return c.json({ ...present(row), key }, 201);
  });

  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const rows = await database(c.env.DB).select().from(apiKeys)
      .where(and(q.cursor ? lt(apiKeys.id, q.cursor) : undefined, q.role ? eq(apiKeys.role, q.role) : undefined))
      .orderBy(desc(apiKeys.id)).limit(q.limit + 1).all();
    const { data, next_cursor } = toPage(rows, q.limit);
    return c.json({ data: data.map(present), next_cursor }, 200);
  });

  app.openapi(get, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(present(assertFound(await database(c.env.DB).select().from(apiKeys).where(eq(apiKeys.id, id)).get(), "API key")), 200);
  });

  app.openapi(revoke, async (c) => {
    const { id } = c.req.valid("param");
    const db = database(c.env.DB);
    // Only a key not yet revoked is revoked: a second revocation keeps the first one's time.
    await db.update(apiKeys).set({ revokedAt: Date.now() }).where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)));
    forgetKeys();
    return c.json(present(assertFound(await db.select().from(apiKeys).where(eq(apiKeys.id, id)).get(), "API key")), 200);
  });

  return app;
}
