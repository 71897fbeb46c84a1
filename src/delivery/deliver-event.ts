import type { Db } from "../db/client";
import { claimEvent, leaseFor, unclaim, type Claim } from "../events/claim";
import { errorField, log } from "../log";
import { isRequested, type DeliverMessage, type NotifyMessage } from "../queue/messages";
import { makeAttempt, type Recorded } from "./attempt";
import { followUp, onInterrupted } from "./follow-ups";
import { gate } from "./gate";
import { loadDelivery, type Deliverable } from "./load-event";
import { outboundUrl } from "./outbound-request";
import { pace, type PacerStub } from "./pace";

// One delivery attempt for one event (spec §2 Attempt, §6): gate → attempt → follow-ups. In order:
// the gate (./gate.ts) checks the event may go now; the invocation's outbound connection is taken
// (`limit`); only then the event is claimed (its lease counts from here, so waiting for a
// connection cannot run it out), and only then its pacer is asked (a duplicate message finds the
// lease held and uses up no pacing slot); the attempt waits for its slot, signs and sends
// (./attempt.ts); then its retry, the next event of a fifo line and the issue rule follow.

// A paced message asks to come back this much before its estimated turn (queue delays have
// one-second granularity and batches wait up to a second), then waits out the rest in the background.
const PACED_EARLY_MS = 2_000;
// A manual or bulk retry that meets another attempt in flight comes back once that one's lease ends.
const HELD_RETRY_MIN_MS = 1_000;

export type DeliveryOutcome =
  | { kind: "skipped"; reason: string }
  | { kind: "started"; waitMs: number }
  /** The message must come back after `delayMs` (the caller re-sends it). */
  | { kind: "deferred"; reason: "paced" | "busy" | "held"; delayMs: number }
  | { kind: "delivered"; status: Recorded["status"] | null; retryInMs: number | null; attemptId: string };

export interface DeliveryDeps {
  db: Db;
  now: () => number;
  /** ALLOW_PRIVATE_DESTINATIONS, for the address guard every hop passes (src/outbound). */
  allowPrivate: boolean;
  /** Hands a message to the queue (a retry, the next of a fifo line, a notification), consumed after `delayMs`. */
  enqueue: (message: DeliverMessage | NotifyMessage, delayMs: number) => Promise<unknown>;
  /** The destination's pacer Durable Object. */
  pacer: (destinationId: string) => PacerStub;
  /** Runs a task holding one of the invocation's outbound connections (its fair share of them). */
  limit: <T>(destinationId: string, task: () => Promise<T>) => Promise<T>;
  /** Keeps a task running after the message is acknowledged (the invocation's waitUntil). */
  background: (task: Promise<unknown>) => void;
  /**
   * Whether the caller waits for a paced attempt's slot itself (a replay item, which settles only
   * once its attempt is recorded). Otherwise the wait goes on in the background, so that it does not
   * hold up the rest of the queue; if the invocation dies first, the lease lapses and the sweeper
   * re-sends the event.
   */
  waitInline?: boolean;
}

export async function deliverEvent(deps: DeliveryDeps, message: DeliverMessage): Promise<DeliveryOutcome> {
  const gated = await gate(deps, message, await loadDelivery(deps.db, message.event_id));
  if ("kind" in gated) return gated;
  return inSlot(deps, gated.destination.id, (answer, leaveSlot) => claimAndSend(deps, message, gated, { answer, leaveSlot }));
}

/**
 * Runs `task` holding an outbound connection, from before its claim until it calls `leaveSlot`
 * (its HTTP exchange is over) or ends. The task may answer the caller early (`answer`) and go on in
 * the background: the message is then acknowledged while its paced attempt waits.
 */
type SlotTask = (answer: (o: DeliveryOutcome) => void, leaveSlot: () => void) => Promise<DeliveryOutcome>;

function inSlot(deps: DeliveryDeps, destinationId: string, task: SlotTask) {
  return new Promise<DeliveryOutcome>((resolve, reject) => {
    let answered = false;
    const answer = (outcome: DeliveryOutcome) => {
      if (answered) return;
      answered = true;
      resolve(outcome);
    };
    const run = new Promise<DeliveryOutcome>((done, failed) => {
      void deps.limit(destinationId, () => new Promise<void>((leaveSlot) => {
        task(deps.waitInline ? () => {} : answer, leaveSlot).then(done, failed).finally(leaveSlot);
      }));
    });
    run.then(answer, (error) => {
      if (!answered) return reject(error);
      log("error", "attempt.background_failed", { destination_id: destinationId, error: errorField(error) });
    });
    deps.background(run.catch(() => {}));
  });
}

type SlotControl = { answer: (o: DeliveryOutcome) => void; leaveSlot: () => void };

async function claimAndSend(deps: DeliveryDeps, message: DeliverMessage, loaded: Deliverable, { answer, leaveSlot }: SlotControl): Promise<DeliveryOutcome> {
  const { event, destination, request } = loaded;
  const leaseMs = leaseFor(destination.timeoutMs);
  const claim = await claimEvent(deps.db, {
    event, trigger: message.trigger, requested: isRequested(message.trigger), leaseMs, now: deps.now(),
    recordedUrl: outboundUrl(destination.url, request.path, request.query).toString(),
  });
  if (claim.kind === "held") return held(deps, message, claim);
  if (claim.interrupted) {
    const ended = await onInterrupted(deps, message, loaded, claim);
    if (ended) return ended;
  }
  const paced = await pace(() => deps.pacer(destination.id), destination, deps.now).catch(async (error) => {
    // The pacer could not be asked: nothing was sent, so the lease goes back before Queues retries.
    await unclaim(deps.db, claim.lease, null, deps.now()).catch(() => {});
    throw error;
  });
  if (paced.kind === "requeue") {
    // Keep the event's due time in step, so the sweeper does not take a paced event for a lost one.
    await unclaim(deps.db, claim.lease, paced.retryAt ?? null, deps.now());
    return { kind: "deferred", reason: paced.retryAt ? "paced" : "busy", delayMs: Math.max(0, paced.delayMs - (paced.retryAt ? PACED_EARLY_MS : 0)) };
  }
  try {
    const waitMs = paced.startAt - deps.now();
    if (waitMs > 0) answer({ kind: "started", waitMs });
    // After an interrupted initial attempt, this one is its retry.
    const trigger = claim.interrupted && message.trigger === "initial" ? "automatic" : message.trigger;
    const recorded = await makeAttempt(deps, message, loaded, { lease: claim.lease, leaseMs, paced, trigger, attemptsCount: claim.attemptsCount, leaveSlot });
    return await followUp(deps, message, loaded, recorded);
  } finally {
    await paced.release();
  }
}

/**
 * Another attempt holds the event. For the gateway's own messages that is a duplicate and ends
 * here; a manual or bulk retry comes back when the lease ends, so that a person's request is never
 * acknowledged without an attempt.
 */
function held(deps: DeliveryDeps, message: DeliverMessage, claim: Extract<Claim, { kind: "held" }>): DeliveryOutcome {
  if (!isRequested(message.trigger)) return { kind: "skipped", reason: "another attempt holds the event" };
  const delayMs = Math.max(HELD_RETRY_MIN_MS, (claim.leaseUntil ?? 0) - deps.now());
  return { kind: "deferred", reason: "held", delayMs };
}
