import { createRoute, z } from "@hono/zod-openapi";
import { asc, eq } from "drizzle-orm";
import { database } from "../db/client";
import { attempts, destinations, events, sources } from "../db/schema";
import { maskUrl, sensitiveOf, type Sensitive } from "../observability/credential-mask";
import { searchEvents } from "../observability/search/event-search";
import { searchCursor, searchFilters, textFiltersOf } from "../observability/search/search-params";
import { attemptTriggers } from "../queue/messages";
import { adminRouter } from "./app";
import { assertFound, errorResponses, idParam, iso, isoTime, jsonResponse, listQuery, page, timeWindowQuery } from "./common";

// /v1/events (spec §2 Event, Attempt): one request routed through one connection, and its tries.

const eventStatus = z.enum(["scheduled", "paused", "successful", "failed", "cancelled"]);

const event = z
  .object({
    id: z.string(),
    request_id: z.string(),
    connection_id: z.string(),
    source_id: z.string(),
    destination_id: z.string(),
    status: eventStatus,
    attempts_count: z.number().int(),
    next_attempt_at: isoTime.nullable(),
    last_attempt_at: isoTime.nullable(),
    last_response_status: z.number().int().nullable(),
    created_at: isoTime,
    updated_at: isoTime,
  })
  .openapi("Event");

const attempt = z
  .object({
    id: z.string(),
    event_id: z.string(),
    number: z.number().int(),
    trigger: z.enum(attemptTriggers),
    url: z.string(),
    status_code: z.number().int().nullable(),
    error: z.string().nullable().openapi({ description: "timeout, connection_refused, connection_lost, dns, tls, too_many_redirects, blocked_address (a hop the address guard refused) or network; interrupted (the worker died mid-attempt) or dead_lettered (the queue gave up on its message)." }),
    error_detail: z.string().nullable(),
    response_headers: z.record(z.string(), z.string()),
    response_body: z.string().nullable().openapi({ description: "The first 2 KB of the answer." }),
    duration_ms: z.number().int(),
    started_at: isoTime,
  })
  .openapi("Attempt");

const filters = listQuery.extend(timeWindowQuery.shape).extend(searchFilters.shape).extend({
  cursor: searchCursor("evt"),
  status: eventStatus.optional(),
  source_id: z.string().optional(),
  connection_id: z.string().optional(),
  destination_id: z.string().optional(),
  request_id: z.string().optional(),
});

const list = createRoute({ method: "get", path: "/v1/events", tags: ["Events"], "x-role": "read", request: { query: filters },
  description: "Search events, newest first. Besides the parameters below, `body.<path>=<value>` matches a field of the request body (`?body.data.object.id=pi_123`) and `headers.<name>=<value>` a request header. Text filters look at the request as received. A page may hold fewer than `limit` events while `next_cursor` is set: follow it to search further (docs/observability.md).",
  responses: { 200: jsonResponse(page(event), "A page of events, newest first."), ...errorResponses } });
const get = createRoute({ method: "get", path: "/v1/events/{id}", tags: ["Events"], "x-role": "read", request: { params: idParam("evt") },
  responses: { 200: jsonResponse(event, "The event."), ...errorResponses } });
const listAttempts = createRoute({ method: "get", path: "/v1/events/{id}/attempts", tags: ["Events"], "x-role": "read", request: { params: idParam("evt") },
  responses: { 200: jsonResponse(page(attempt), "The event's attempts, first to last."), ...errorResponses } });

type Row = typeof events.$inferSelect;

export function presentEvent(row: Row): z.infer<typeof event> {
  return {
    id: row.id,
    request_id: row.requestId,
    connection_id: row.connectionId,
    source_id: row.sourceId,
    destination_id: row.destinationId,
    status: row.status,
    attempts_count: row.attemptsCount,
    next_attempt_at: iso(row.nextAttemptAt),
    last_attempt_at: iso(row.lastAttemptAt),
    last_response_status: row.lastResponseStatus,
    created_at: iso(row.createdAt)!,
    updated_at: iso(row.updatedAt)!,
  };
}

/** An attempt as the API shows it: its URL with credentials masked (credential-mask.ts). */
function presentAttempt(row: typeof attempts.$inferSelect, sensitive: Sensitive): z.infer<typeof attempt> {
  return {
    id: row.id,
    event_id: row.eventId,
    number: row.number,
    trigger: row.trigger as z.infer<typeof attempt>["trigger"],
    url: maskUrl(row.url, sensitive),
    status_code: row.statusCode,
    error: row.error,
    error_detail: row.errorDetail,
    response_headers: row.responseHeaders,
    response_body: row.responseBody,
    duration_ms: row.durationMs,
    started_at: iso(row.startedAt)!,
  };
}

export function eventRoutes() {
  const app = adminRouter();

  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const { rows, next_cursor } = await searchEvents(database(c.env.DB), { ...q, text: textFiltersOf(c.req.url, q.body_contains) });
    return c.json({ data: rows.map(presentEvent), next_cursor }, 200);
  });

  app.openapi(get, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(presentEvent(assertFound(await database(c.env.DB).select().from(events).where(eq(events.id, id)).get(), "Event")), 200);
  });

  app.openapi(listAttempts, async (c) => {
    const { id } = c.req.valid("param");
    const db = database(c.env.DB);
    // The source's verification and the destination's auth name the credentials to mask.
    const configs = assertFound(await db.select({ id: events.id, verification: sources.verification, auth: destinations.auth }).from(events)
      .leftJoin(sources, eq(sources.id, events.sourceId)).leftJoin(destinations, eq(destinations.id, events.destinationId))
      .where(eq(events.id, id)).get(), "Event");
    const sensitive = sensitiveOf([configs.verification, configs.auth]);
    const rows = await db.select().from(attempts).where(eq(attempts.eventId, id)).orderBy(asc(attempts.number)).all();
    return c.json({ data: rows.map((row) => presentAttempt(row, sensitive)), next_cursor: null }, 200);
  });

  return app;
}
