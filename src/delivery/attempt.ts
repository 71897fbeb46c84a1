import { bodyStream, loadBody } from "../db/request-body";
import type { EventStatus } from "../db/schema";
import { extendLease } from "../events/claim";
import { recordAttempt, statusAfterAttempt } from "../events/record";
import type { HeldLease } from "../events/transitions";
import { newId } from "../ids";
import { log } from "../log";
import { isRequested, type AttemptTrigger, type DeliverMessage } from "../queue/messages";
import type { Rule } from "../rules/schema";
import type { DeliveryDeps } from "./deliver-event";
import type { DestinationAuth } from "./destination-auth";
import type { Deliverable } from "./load-event";
import { outboundRequest } from "./outbound-request";
import type { PaceOutcome } from "./pace";
import { nextRetryDelay, parseRetryAfter } from "./retry-policy";
import { send, type SendResult } from "../outbound/send";
import { signatureHeader, type SigningConfig } from "./signing";

// The HTTP attempt itself, for an event this invocation holds the lease on: wait for the pacing
// slot, build and sign the request at the moment it goes (so `webhook-timestamp` is fresh), send it,
// and record the outcome.

export type Recorded = {
  attemptId: string;
  success: boolean;
  /** The event's status after the attempt; null when its lease had been taken over meanwhile. */
  status: EventStatus | null;
  retryInMs: number | null;
  finishedAt: number;
};

export interface Hold {
  lease: HeldLease;
  leaseMs: number;
  paced: Extract<PaceOutcome, { kind: "go" }>;
  /** The trigger the attempt records. */
  trigger: AttemptTrigger;
  /** The event's attempts before this one (after the claim counted an interrupted one). */
  attemptsCount: number;
  /** Gives the invocation's outbound connection back: called once the HTTP exchange is over. */
  leaveSlot: () => void;
}

export async function makeAttempt(deps: DeliveryDeps, message: DeliverMessage, loaded: Deliverable, hold: Hold): Promise<Recorded> {
  const { db } = deps;
  const { event, destination, request } = loaded;
  const signing = destination.signing as SigningConfig | null;
  // A signature covers the whole body, so a signed delivery holds it in memory (read before the wait).
  const bytes = signing ? await loadBody(db, request) : null;
  const lease = await waitForStart(deps, hold);
  const startedAt = deps.now();
  const timestamp = Math.floor(startedAt / 1000);
  const outbound = outboundRequest({ eventId: event.id, timestamp, destination: { ...destination, auth: destination.auth as DestinationAuth | null }, request });
  if (signing && bytes) outbound.headers.set("webhook-signature", await signatureHeader(signing.secrets, event.id, timestamp, bytes));
  const result = await send({ ...outbound, body: bytes ? () => bytes : () => bodyStream(db, request), timeoutMs: destination.timeoutMs, now: deps.now, allowPrivate: deps.allowPrivate });
  // Recording needs no connection; the lease still holds the event until it is written.
  hold.leaveSlot();
  return record(deps, message, loaded, { ...hold, lease }, { url: outbound.recordedUrl, startedAt, result });
}

/** Waits for the pacing slot; a start that came too late takes a new slot, and the lease follows it. */
async function waitForStart(deps: DeliveryDeps, hold: Hold): Promise<HeldLease> {
  const sleep = (until: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, until - deps.now())));
  let lease = hold.lease;
  await sleep(hold.paced.startAt);
  if (hold.paced.late(hold.paced.startAt, deps.now())) {
    const startAt = await hold.paced.reslot();
    const [moved] = await extendLease(deps.db, lease, Math.max(deps.now(), startAt) + hold.leaseMs, deps.now());
    if (moved?.leaseUntil) lease = { ...lease, until: moved.leaseUntil };
    await sleep(startAt);
  }
  return lease;
}

type Sent = { url: string; startedAt: number; result: SendResult };

async function record(deps: DeliveryDeps, message: DeliverMessage, { event, destination, connection }: Deliverable, hold: Hold, sent: Sent): Promise<Recorded> {
  const { result } = sent;
  const requested = isRequested(message.trigger);
  const number = hold.attemptsCount + 1;
  const retryRule = (connection.rules as Rule[]).find((r) => r.type === "retry");
  const success = result.status !== null && result.status >= 200 && result.status < 300;
  const finishedAt = deps.now();
  const retryAfterMs = parseRetryAfter(result.responseHeaders["retry-after"], finishedAt);
  const retryInMs = success || requested ? null : nextRetryDelay(retryRule, number, { status: result.status, error: result.error, retryAfterMs });
  const settled = statusAfterAttempt({
    seen: event.status, seenNextAttemptAt: event.nextAttemptAt, success, requested, retryAt: retryInMs === null ? null : finishedAt + retryInMs,
  });
  const attemptId = newId("attempt", sent.startedAt);
  const status = await recordAttempt(deps.db, {
    lease: hold.lease, seen: event.status, settled, finishedAt,
    attempt: {
      id: attemptId, trigger: hold.trigger, url: sent.url, statusCode: result.status, error: result.error, errorDetail: result.errorDetail,
      responseHeaders: result.responseHeaders, responseBody: result.responseBody, durationMs: result.durationMs, startedAt: sent.startedAt,
    },
  });
  log(status ? "info" : "warn", status ? "attempt.finished" : "attempt.lease_lost", {
    event_id: event.id, attempt_id: attemptId, request_id: event.requestId, source_id: event.sourceId, connection_id: event.connectionId,
    destination_id: destination.id, number, trigger: hold.trigger, status_code: result.status,
    error: result.error, duration_ms: result.durationMs, event_status: status,
  });
  if (result.status === 429 && retryAfterMs && (destination.rateLimit || destination.maxConcurrency)) {
    // The destination asked everyone to slow down, not just this event.
    await deps.pacer(destination.id).backOff(finishedAt + retryAfterMs);
  }
  return { attemptId, success, status, retryInMs: status === "scheduled" ? retryInMs : null, finishedAt };
}
