import { createRoute, z } from "@hono/zod-openapi";
import { eq, inArray } from "drizzle-orm";
import { database, type Db } from "../db/client";
import { loadBody } from "../db/request-body";
import { requests, sources } from "../db/schema";
import { maskParts, sensitiveOf } from "../observability/credential-mask";
import { searchRequests } from "../observability/search/request-search";
import { searchCursor, searchFilters, textFiltersOf } from "../observability/search/search-params";
import { SOURCE_SECRETS } from "../secrets/secret-columns";
import { openValue } from "../secrets/sealed-row";
import { adminRouter } from "./app";
import { bodyView } from "./body-view";
import { assertFound, errorResponses, idParam, iso, isoTime, jsonResponse, listQuery, page, timeWindowQuery } from "./common";

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
  .extend({
    body: z.string(),
    body_encoding: z.enum(["utf8", "base64"]),
    body_truncated: z.boolean().openapi({ description: "True when only a prefix of the body was kept (a rejected request keeps its first 64 KiB; body_size is the size received)." }),
  })
  .openapi("Request");

const filters = listQuery.extend(timeWindowQuery.shape).extend(searchFilters.shape).extend({
  cursor: searchCursor("req"),
  source_id: z.string().optional(),
  verified: z.enum(["true", "false"]).optional(),
  rejection: z.union([rejection, z.literal("none"), z.literal("any")]).optional().openapi({ description: "A rejection cause, `none` (accepted) or `any` (rejected)." }),
});

const list = createRoute({ method: "get", path: "/v1/requests", tags: ["Requests"], "x-role": "read", request: { query: filters },
  description: "Search requests, newest first. Besides the parameters below, `body.<path>=<value>` matches a field of the body (`?body.data.object.id=pi_123`) and `headers.<name>=<value>` a header. A page may hold fewer than `limit` requests while `next_cursor` is set: follow it to search further (docs/observability.md).",
  responses: { 200: jsonResponse(page(requestSummary), "A page of requests, newest first."), ...errorResponses } });
const get = createRoute({ method: "get", path: "/v1/requests/{id}", tags: ["Requests"], "x-role": "read", request: { params: idParam("req") },
  responses: { 200: jsonResponse(requestDetail, "The request, with its body."), ...errorResponses } });

type Row = typeof requests.$inferSelect;

/**
 * Headers and query as stored, with credentials masked as everywhere else in the API: a sender's
 * bearer token or API key (and the source's own verification secrets) are write-only here too.
 * Delivery and replays use the stored values, not these.
 */
async function masked<T extends Pick<Row, "sourceId" | "headers" | "query">>(db: Db, rows: T[]): Promise<T[]> {
  if (rows.length === 0) return rows;
  const configs = await db.select({ id: sources.id, verification: sources.verification }).from(sources)
    .where(inArray(sources.id, [...new Set(rows.map((r) => r.sourceId))])).all();
  // Masking looks for the secrets themselves, so it needs them decrypted.
  const bySource = new Map(await Promise.all(configs.map(async (c) => [c.id, sensitiveOf([await openValue(SOURCE_SECRETS, "verification", c.id, c.verification)])] as const)));
  return rows.map((row) => maskParts(row, bySource.get(row.sourceId) ?? sensitiveOf([])));
}

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
    const db = database(c.env.DB);
    const { rows, next_cursor } = await searchRequests(db, { ...q, text: textFiltersOf(c.req.url, q.body_contains) });
    return c.json({ data: (await masked(db, rows)).map(summary), next_cursor }, 200);
  });

  app.openapi(get, async (c) => {
    const { id } = c.req.valid("param");
    const db = database(c.env.DB);
    const { request, verification } = assertFound(await db.select({ request: requests, verification: sources.verification }).from(requests)
      .leftJoin(sources, eq(sources.id, requests.sourceId)).where(eq(requests.id, id)).get(), "Request");
    const sensitive = sensitiveOf([await openValue(SOURCE_SECRETS, "verification", request.sourceId, verification)]);
    const body = await loadBody(db, request);
    return c.json({ ...summary(maskParts(request, sensitive)), ...bodyView(body), body_truncated: body.byteLength < request.bodySize }, 200);
  });

  return app;
}
