import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { bodyColumns, loadBody } from "../db/request-body";
import { connections, events, requests } from "../db/schema";
import { newId } from "../ids";
import { log } from "../log";
import { deliverMsg, type DeliverMessage } from "../queue/messages";
import { evaluateRules } from "../rules/evaluate";
import type { Rule } from "../rules/schema";

/**
 * Routes one stored request through its source's active connections: one event per connection whose
 * rules pass, all written in one D1 batch together with the request's routing outcome. Safe to
 * run twice for the same request (a redelivered queue message): the (request, connection) unique
 * index turns the second insert into a no-op, and the messages returned are for the events that
 * exist, whichever run created them.
 */
export async function routeRequest(db: Db, requestId: string, now: number): Promise<{ messages: { body: DeliverMessage; delaySeconds: number }[] }> {
  const request = await db
    .select({ ...bodyColumns, method: requests.method, path: requests.path, query: requests.query, headers: requests.headers, sourceId: requests.sourceId, rejection: requests.rejection, routedAt: requests.routedAt })
    .from(requests)
    .where(eq(requests.id, requestId))
    .get();
  if (!request || request.rejection) return { messages: [] };

  if (request.routedAt === null) {
    const active = await db
      .select()
      .from(connections)
      .where(and(eq(connections.sourceId, request.sourceId), isNull(connections.disabledAt)))
      .all();
    const body = active.length > 0 ? await loadBody(db, request) : new Uint8Array(0);
    const routed = { method: request.method, path: request.path, query: request.query, headers: request.headers, body };

    const created: (typeof events.$inferInsert)[] = [];
    const ignored: { connection_id: string; cause: string; detail?: string }[] = [];
    for (const connection of active) {
      const outcome = await evaluateRules(connection.rules as Rule[], routed);
      if (!outcome.pass) {
        ignored.push({ connection_id: connection.id, cause: outcome.cause, ...(outcome.detail ? { detail: outcome.detail } : {}) });
        continue;
      }
      created.push({
        id: newId("event", now),
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
    const inserts = created.map((event) => db.insert(events).values(event).onConflictDoNothing());
    await db.batch([markRouted, ...inserts]);
    log("info", "request.routed", { request_id: requestId, events: created.length, ignored: ignored.length });
  }

  // Enqueue every event of this request that has not been tried yet: on a first run these are the
  // ones just created; on a rerun, the ones a crash may have left without a message.
  const pending = await db
    .select({ id: events.id, destinationId: events.destinationId, nextAttemptAt: events.nextAttemptAt })
    .from(events)
    .where(and(eq(events.requestId, requestId), eq(events.status, "scheduled"), eq(events.attemptsCount, 0)))
    .all();
  return {
    messages: pending.map((e) => ({
      body: deliverMsg(e.id, e.destinationId, "initial"),
      delaySeconds: Math.max(0, Math.ceil(((e.nextAttemptAt ?? now) - now) / 1000)),
    })),
  };
}
