import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { bodyStream } from "../db/request-body";
import { attempts, connections, destinations, events, requests } from "../db/schema";
import { newId } from "../ids";
import { log } from "../log";
import type { DeliverMessage } from "../queue/messages";
import type { Rule } from "../rules/schema";
import type { DestinationAuth } from "./destination-auth";
import { outboundRequest } from "./outbound-request";
import { nextRetryDelay } from "./retry-policy";
import { send } from "./send";

// A lease outlives the longest possible try (the timeout) by this much.
const LEASE_MARGIN_MS = 30_000;
// A message that arrives this much before its event is due is a stale duplicate (the sweeper's or
// an earlier schedule's) and is dropped: the event's own message, or the sweeper, will come.
const EARLY_TOLERANCE_MS = 2_000;

export type DeliveryOutcome =
  | { kind: "skipped"; reason: string }
  | { kind: "delivered"; status: "successful" | "scheduled" | "failed"; retryInMs: number | null; attemptId: string };

export interface DeliveryDeps {
  db: Db;
  now: () => number;
  /** Hands the event back to the queue for its next attempt. */
  scheduleRetry: (message: DeliverMessage, delayMs: number) => Promise<unknown>;
}

/** One delivery attempt for one event, recorded with its outcome (spec §2 Attempt, §6). */
export async function deliverEvent(deps: DeliveryDeps, message: DeliverMessage): Promise<DeliveryOutcome> {
  const { db } = deps;
  const now = deps.now();
  const row = await db
    .select({
      event: events,
      destination: destinations,
      rules: connections.rules,
      request: {
        id: requests.id, path: requests.path, query: requests.query, headers: requests.headers,
        body: requests.body, bodySize: requests.bodySize, bodyChunks: requests.bodyChunks,
      },
    })
    .from(events)
    .innerJoin(destinations, eq(destinations.id, events.destinationId))
    .innerJoin(connections, eq(connections.id, events.connectionId))
    .innerJoin(requests, eq(requests.id, events.requestId))
    .where(eq(events.id, message.event_id))
    .get();
  if (!row) return { kind: "skipped", reason: "event not found" };
  const { event, destination, request } = row;
  // Final events are never delivered twice by the automatic path; paused ones wait for unpause.
  if (event.status !== "scheduled") return { kind: "skipped", reason: `event is ${event.status}` };
  if (event.nextAttemptAt !== null && event.nextAttemptAt > now + EARLY_TOLERANCE_MS) return { kind: "skipped", reason: "not due yet" };

  // Claim the event so that a duplicate message cannot start a concurrent attempt.
  const claimed = await db
    .update(events)
    .set({ leaseUntil: now + destination.timeoutMs + LEASE_MARGIN_MS })
    .where(and(eq(events.id, event.id), eq(events.status, "scheduled"), eq(events.attemptsCount, event.attemptsCount),
      or(isNull(events.leaseUntil), lt(events.leaseUntil, now))))
    .returning({ id: events.id });
  if (claimed.length === 0) return { kind: "skipped", reason: "another attempt holds the event" };

  const outbound = outboundRequest({
    eventId: event.id,
    timestamp: Math.floor(now / 1000),
    destination: { ...destination, auth: destination.auth as DestinationAuth | null },
    request,
  });
  const result = await send({ ...outbound, body: () => bodyStream(db, request), timeoutMs: destination.timeoutMs, now: deps.now });

  const number = event.attemptsCount + 1;
  const retryRule = (row.rules as Rule[]).find((r) => r.type === "retry");
  const success = result.status !== null && result.status >= 200 && result.status < 300;
  const retryInMs = success ? null : nextRetryDelay(retryRule, number, { status: result.status });
  const status = success ? "successful" : retryInMs !== null ? "scheduled" : "failed";
  const finishedAt = deps.now();
  const attemptId = newId("attempt", now);

  await db.batch([
    db.insert(attempts).values({
      id: attemptId, eventId: event.id, number, trigger: message.trigger, url: outbound.url.toString(),
      statusCode: result.status, error: result.error, errorDetail: result.errorDetail,
      responseHeaders: result.responseHeaders, responseBody: result.responseBody, durationMs: result.durationMs, startedAt: now,
    }),
    db.update(events).set({
      status, attemptsCount: sql`${events.attemptsCount} + 1`, lastAttemptAt: now, lastResponseStatus: result.status,
      nextAttemptAt: retryInMs === null ? null : finishedAt + retryInMs, leaseUntil: null, updatedAt: finishedAt,
    }).where(eq(events.id, event.id)),
  ]);
  log("info", "attempt.finished", {
    event_id: event.id, attempt_id: attemptId, number, status_code: result.status, error: result.error,
    duration_ms: result.durationMs, event_status: status,
  });

  if (retryInMs !== null) {
    try {
      await deps.scheduleRetry({ ...message, trigger: "automatic" }, retryInMs);
    } catch (error) {
      // The event is stored as scheduled with its due time: the sweeper re-enqueues it.
      log("error", "retry.enqueue_failed", { event_id: event.id, error: String(error) });
    }
  }
  return { kind: "delivered", status, retryInMs, attemptId };
}
