import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { bodyStream, loadBody } from "../db/request-body";
import { attempts, connections, destinations, eventPayloads, events, requests } from "../db/schema";
import { DESTINATION_SECRETS } from "../secrets/secret-columns";
import { openRow } from "../secrets/sealed-row";
import { newId } from "../ids";
import { errorField, log } from "../log";
import { reportAttemptOutcome } from "../observability/issues/report-outcome";
import { isRequested, type DeliverMessage, type NotifyMessage } from "../queue/messages";
import type { Rule } from "../rules/schema";
import { claimEvent, extendLease, INTERRUPTED, leaseFor } from "./claim-event";
import type { DestinationAuth } from "./destination-auth";
import { nextInLine, waitsForEarlierEvent } from "./fifo";
import { outboundRequest } from "./outbound-request";
import { pace, type PacerStub } from "./pace";
import { nextRetryDelay, parseRetryAfter } from "./retry-policy";
import { send } from "./send";
import { signatureHeader, type SigningConfig } from "./signing";

// A message that arrives this much before its event is due is a stale duplicate (the sweeper's or
// an earlier schedule's) and is dropped: the event's own message, or the sweeper, will come.
const EARLY_TOLERANCE_MS = 3_000;
// A paced message asks to come back this much before its estimated turn (queue delays have
// one-second granularity and batches wait up to a second), then waits out the rest in the background.
const PACED_EARLY_MS = 2_000;

export type DeliveryOutcome =
  | { kind: "skipped"; reason: string }
  | { kind: "started"; waitMs: number }
  | { kind: "deferred"; reason: "paced" | "busy"; delayMs: number }
  | { kind: "delivered"; status: "successful" | "scheduled" | "failed"; retryInMs: number | null; attemptId: string };

export interface DeliveryDeps {
  db: Db;
  now: () => number;
  /** Hands a message back to the queue (a delivery, or an issue's notification), to be consumed after `delayMs`. */
  enqueue: (message: DeliverMessage | NotifyMessage, delayMs: number) => Promise<unknown>;
  /** The destination's pacer Durable Object. */
  pacer: (destinationId: string) => PacerStub;
  /**
   * Runs the outbound request within the invocation's fair share of connections. Only the HTTP
   * exchange holds a share: waiting for a pacer slot must not keep a connection from anyone.
   */
  limit: <T>(destinationId: string, task: () => Promise<T>) => Promise<T>;
  /**
   * Keeps a task running after the message is acknowledged (the invocation's waitUntil). Used for
   * an attempt that must wait for its pacing slot, so that the wait does not hold up the rest of
   * the queue; if the invocation dies first, the event is still `scheduled` and the sweeper
   * re-enqueues it.
   */
  background: (task: Promise<unknown>) => void;
}

/** One delivery attempt for one event, recorded with its outcome (spec §2 Attempt, §6). */
export async function deliverEvent(deps: DeliveryDeps, message: DeliverMessage): Promise<DeliveryOutcome> {
  const { db } = deps;
  const now = deps.now();
  const row = await db
    .select({
      event: events,
      destination: destinations,
      connection: { rules: connections.rules, pausedAt: connections.pausedAt },
      original: {
        id: requests.id, path: requests.path, query: requests.query, headers: requests.headers,
        body: requests.body, bodySize: requests.bodySize, bodyChunks: requests.bodyChunks,
      },
      transformed: {
        id: eventPayloads.eventId, path: eventPayloads.path, query: eventPayloads.query, headers: eventPayloads.headers,
        body: eventPayloads.body, bodySize: eventPayloads.bodySize, bodyChunks: eventPayloads.bodyChunks,
      },
    })
    .from(events)
    .innerJoin(destinations, eq(destinations.id, events.destinationId))
    .innerJoin(connections, eq(connections.id, events.connectionId))
    .innerJoin(requests, eq(requests.id, events.requestId))
    .leftJoin(eventPayloads, eq(eventPayloads.eventId, events.id))
    .where(eq(events.id, message.event_id))
    .get();
  if (!row) return { kind: "skipped", reason: "event not found" };
  const { event, connection } = row;
  // Decrypted here, at the load boundary: auth and signing secrets are encrypted at rest.
  const destination = await openRow(DESTINATION_SECRETS, row.destination);
  // A transformation's output, when the connection has one, replaces the stored request.
  const request = row.transformed ?? row.original;
  // A person asked for this attempt (a manual retry or a bulk replay): it goes whatever the event's
  // status, pause or place in line; only pacing still applies.
  const requested = isRequested(message.trigger);
  if (!requested) {
    // Final events are never delivered twice by the automatic path; paused ones wait for unpause.
    if (event.status !== "scheduled") return { kind: "skipped", reason: `event is ${event.status}` };
    if (event.nextAttemptAt !== null && event.nextAttemptAt > now + EARLY_TOLERANCE_MS) return { kind: "skipped", reason: "not due yet" };
  }
  if (!requested && (connection.pausedAt !== null || destination.pausedAt !== null)) {
    await db.update(events).set({ status: "paused", updatedAt: now }).where(and(eq(events.id, event.id), eq(events.status, "scheduled")));
    return { kind: "skipped", reason: "paused" };
  }
  if (!requested && destination.deliveryOrder === "fifo" && (await waitsForEarlierEvent(db, event))) {
    return { kind: "skipped", reason: "waiting for an earlier event" };
  }

  const paced = await pace(() => deps.pacer(destination.id), destination, deps.now);
  if (paced.kind === "requeue") {
    // Keep the event's due time in step, so the sweeper does not take a paced event for a lost one.
    if (paced.retryAt) await db.update(events).set({ nextAttemptAt: paced.retryAt }).where(eq(events.id, event.id));
    await deps.enqueue(message, Math.max(0, paced.delayMs - (paced.retryAt ? PACED_EARLY_MS : 0)));
    return { kind: "deferred", reason: paced.retryAt ? "paced" : "busy", delayMs: paced.delayMs };
  }
  const { startAt } = paced;
  const run = async () => {
    try {
      return await attempt(deps, message, { event, destination, connection, request }, { startAt, late: paced.late, reslot: paced.reslot });
    } finally {
      await paced.release();
    }
  };
  const waitMs = startAt - deps.now();
  if (waitMs <= 0) return run();
  deps.background(run().catch((error) => {
    log("error", "attempt.background_failed", { event_id: event.id, error: errorField(error) });
  }));
  return { kind: "started", waitMs };
}

type Loaded = {
  event: typeof events.$inferSelect;
  destination: typeof destinations.$inferSelect;
  connection: { rules: unknown[] };
  request: Parameters<typeof bodyStream>[1] & { path: string; query: string; headers: Record<string, string> };
};

/**
 * Claims, prepares and sends one attempt, then records it. A paced attempt waits for its slot
 * (`startAt`) only once everything before the send is done, so that the time the claim and the
 * body take cannot push starts together.
 */
type Slot = { startAt: number; late: (startAt: number, now: number) => boolean; reslot: () => Promise<number> };

async function attempt(deps: DeliveryDeps, message: DeliverMessage, { event, destination, connection, request }: Loaded, slot: Slot): Promise<DeliveryOutcome> {
  let { startAt } = slot;
  const { db } = deps;
  let now = deps.now();
  const requested = isRequested(message.trigger);
  const retryRule = (connection.rules as Rule[]).find((r) => r.type === "retry");
  const leaseMs = leaseFor(destination.timeoutMs);
  const timestamp = Math.floor(Math.max(now, startAt) / 1000);
  const outbound = outboundRequest({
    eventId: event.id,
    timestamp,
    destination: { ...destination, auth: destination.auth as DestinationAuth | null },
    request,
  });
  const claim = await claimEvent(db, { event, trigger: message.trigger, requested, recordedUrl: outbound.recordedUrl, leaseMs, startAt, now });
  if (claim.kind === "held") return { kind: "skipped", reason: "another attempt holds the event" };
  if (claim.interrupted) {
    const { attemptId, number, trigger } = claim.interrupted;
    // An interrupted attempt uses up a retry like any failure: once they are gone, the event fails
    // here instead of trying again (unless a person asked for this attempt).
    const exhausted = !requested && nextRetryDelay(retryRule, number, { status: null, error: INTERRUPTED }) === null;
    log("warn", "attempt.interrupted", {
      event_id: event.id, attempt_id: attemptId, request_id: event.requestId, source_id: event.sourceId, connection_id: event.connectionId,
      destination_id: destination.id, number, trigger, event_status: exhausted ? "failed" : event.status,
    });
    if (exhausted) {
      await db.update(events).set({ status: "failed", nextAttemptAt: null, leaseUntil: null, leaseTrigger: null, updatedAt: now })
        .where(and(eq(events.id, event.id), eq(events.attemptsCount, claim.attemptsCount)));
      return afterAttempt(deps, message, event, destination, { attemptId, success: false, status: "failed", retryInMs: null, finishedAt: now });
    }
    deps.background(reportAttemptOutcome(deps, {
      connectionId: event.connectionId, destinationId: destination.id, eventId: event.id, attemptId, success: false, eventFailed: false, now,
    }));
  }

  const signing = destination.signing as SigningConfig | null;
  let body: () => BodyInit | null = () => bodyStream(db, request);
  if (signing) {
    // A signature covers the whole body, so a signed delivery holds it in memory.
    const bytes = await loadBody(db, request);
    outbound.headers.set("webhook-signature", await signatureHeader(signing.secrets, event.id, timestamp, bytes));
    body = () => bytes;
  }
  if (slot.late(startAt, deps.now())) {
    startAt = await slot.reslot();
    await extendLease(db, event.id, Math.max(deps.now(), startAt) + leaseMs);
  }
  const wait = startAt - deps.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  now = deps.now();
  const result = await deps.limit(destination.id, () => send({ ...outbound, body, timeoutMs: destination.timeoutMs, now: deps.now }));

  const number = claim.attemptsCount + 1;
  const success = result.status !== null && result.status >= 200 && result.status < 300;
  const finishedAt = deps.now();
  const retryAfterMs = parseRetryAfter(result.responseHeaders["retry-after"], finishedAt);
  let retryInMs = success ? null : nextRetryDelay(retryRule, number, { status: result.status, error: result.error, retryAfterMs });
  let status: "successful" | "scheduled" | "failed" = success ? "successful" : retryInMs !== null ? "scheduled" : "failed";
  let nextAttemptAt = retryInMs === null ? null : finishedAt + retryInMs;
  if (requested && !success) {
    // A requested attempt that fails starts no retry schedule of its own: a scheduled event keeps
    // the one it had, any other ends (or stays) failed.
    retryInMs = null;
    status = event.status === "scheduled" ? "scheduled" : "failed";
    nextAttemptAt = status === "scheduled" ? event.nextAttemptAt : null;
  }
  const attemptId = newId("attempt", now);
  // After an interrupted initial attempt, this one is its retry.
  const trigger = claim.interrupted && message.trigger === "initial" ? "automatic" : message.trigger;

  await db.batch([
    db.insert(attempts).values({
      id: attemptId, eventId: event.id, number, trigger, url: outbound.recordedUrl,
      statusCode: result.status, error: result.error, errorDetail: result.errorDetail,
      responseHeaders: result.responseHeaders, responseBody: result.responseBody, durationMs: result.durationMs, startedAt: now,
    }),
    db.update(events).set({
      status, attemptsCount: sql`${events.attemptsCount} + 1`, lastAttemptAt: now, lastResponseStatus: result.status,
      nextAttemptAt, leaseUntil: null, leaseTrigger: null, updatedAt: finishedAt,
    }).where(eq(events.id, event.id)),
  ]);
  log("info", "attempt.finished", {
    event_id: event.id, attempt_id: attemptId, request_id: event.requestId, source_id: event.sourceId, connection_id: event.connectionId,
    destination_id: destination.id, number, trigger, status_code: result.status,
    error: result.error, duration_ms: result.durationMs, event_status: status,
  });

  if (result.status === 429 && retryAfterMs && (destination.rateLimit || destination.maxConcurrency)) {
    // The destination asked everyone to slow down, not just this event.
    await deps.pacer(destination.id).backOff(finishedAt + retryAfterMs);
  }
  return afterAttempt(deps, message, event, destination, { attemptId, success, status, retryInMs, finishedAt });
}

type Recorded = { attemptId: string; success: boolean; status: "successful" | "scheduled" | "failed"; retryInMs: number | null; finishedAt: number };

/** What follows a recorded attempt: its retry, the next event of a fifo line, the issue rule. */
async function afterAttempt(deps: DeliveryDeps, message: DeliverMessage, event: Loaded["event"], destination: Loaded["destination"], recorded: Recorded): Promise<DeliveryOutcome> {
  const { attemptId, success, status, retryInMs, finishedAt } = recorded;
  const follow: [DeliverMessage, number][] = [];
  if (retryInMs !== null) follow.push([{ ...message, trigger: "automatic" }, retryInMs]);
  if (destination.deliveryOrder === "fifo" && status !== "scheduled") {
    const next = await nextInLine(deps.db, destination.id);
    if (next) follow.push([next, 0]);
  }
  for (const [next, delayMs] of follow) {
    try {
      await deps.enqueue(next, delayMs);
    } catch (error) {
      // The event is stored as scheduled with its due time: the sweeper re-enqueues it.
      log("error", "enqueue.failed", { event_id: next.event_id, error: errorField(error) });
    }
  }
  // Issue bookkeeping runs beside the next delivery, not before it: this attempt's concurrency slot
  // is released as soon as it returns. reportAttemptOutcome never throws.
  deps.background(reportAttemptOutcome(deps, {
    connectionId: event.connectionId, destinationId: destination.id, eventId: event.id, attemptId, success, eventFailed: status === "failed", now: finishedAt,
  }));
  return { kind: "delivered", status, retryInMs, attemptId };
}
