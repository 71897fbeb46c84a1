import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { bodyColumns, loadBody } from "../db/request-body";
import { connections, events, requests } from "../db/schema";
import { newId } from "../ids";
import { deliverMsg, type DeliverMessage } from "../queue/messages";
import { evaluateRules } from "../rules/evaluate";
import { matchFilter } from "../rules/filter-rule";
import { payloadStatements, type EventPayload } from "./event-payload";
import type { Rule } from "../rules/schema";

type Scheduled = { id: string; destinationId: string; nextAttemptAt: number | null };

/**
 * Routes one stored request through its source's active connections: one event per connection whose
 * rules pass, all written in one D1 batch together with the request's routing outcome. Safe to
 * run twice for the same request (a redelivered queue message): only the run that marks the request
 * routed creates events, and a later run re-sends messages for the events that were never tried.
 */
export async function routeRequest(db: Db, requestId: string, now: number): Promise<{ messages: { body: DeliverMessage; delaySeconds: number }[] }> {
  // The request and its source's connections in one round trip.
  const [[request], active] = await db.batch([
    db.select({ ...bodyColumns, method: requests.method, path: requests.path, query: requests.query, headers: requests.headers,
      sourceId: requests.sourceId, rejection: requests.rejection, routedAt: requests.routedAt })
      .from(requests).where(eq(requests.id, requestId)),
    db.select().from(connections)
      .where(and(eq(connections.sourceId, sql`(SELECT source_id FROM ${requests} WHERE ${requests.id} = ${requestId})`), isNull(connections.disabledAt))),
  ]);
  if (!request || request.rejection) return { messages: [] };
  if (request.routedAt !== null) return { messages: toMessages(await untried(db, requestId), now) };

  const body = active.length > 0 ? await loadBody(db, request) : new Uint8Array(0);
  const routed = { method: request.method, path: request.path, query: request.query, headers: request.headers, body };
  const created: (typeof events.$inferInsert & Scheduled)[] = [];
  const payloads: EventPayload[] = [];
  const ignored: { connection_id: string; cause: string; detail?: string }[] = [];
  for (const connection of active) {
    const outcome = await evaluateRules(connection.rules as Rule[], routed, { db, requestId, connectionId: connection.id, now, matchFilter });
    if (!outcome.pass) {
      ignored.push({ connection_id: connection.id, cause: outcome.cause, ...(outcome.detail ? { detail: outcome.detail } : {}) });
      continue;
    }
    const id = newId("event", now);
    if (outcome.transformed) payloads.push({ eventId: id, ...outcome.transformed });
    created.push({
      id,
      requestId,
      connectionId: connection.id,
      sourceId: request.sourceId,
      destinationId: connection.destinationId,
      status: "scheduled",
      nextAttemptAt: now + outcome.delayMs,
      createdAt: now,
      updatedAt: now,
    });
  }
  const markRouted = db
    .update(requests)
    .set({ routedAt: now, eventsCount: created.length, ignored })
    .where(and(eq(requests.id, requestId), isNull(requests.routedAt)));
  const [marked] = await db.batch([
    markRouted,
    ...created.map((event) => db.insert(events).values(event).onConflictDoNothing()),
    ...payloads.flatMap((payload) => payloadStatements(db, payload)),
  ]);
  // Another run routed this request first: its events stand, and ours were not inserted.
  if (marked.meta.changes === 0) return { messages: toMessages(await untried(db, requestId), now) };
  return { messages: toMessages(created, now) };
}

function untried(db: Db, requestId: string): Promise<Scheduled[]> {
  return db
    .select({ id: events.id, destinationId: events.destinationId, nextAttemptAt: events.nextAttemptAt })
    .from(events)
    .where(and(eq(events.requestId, requestId), eq(events.status, "scheduled"), eq(events.attemptsCount, 0)))
    .all();
}

function toMessages(scheduled: Scheduled[], now: number) {
  return scheduled.map((e) => ({
    body: deliverMsg(e.id, e.destinationId, "initial"),
    delaySeconds: Math.max(0, Math.ceil(((e.nextAttemptAt ?? now) - now) / 1000)),
  }));
}
