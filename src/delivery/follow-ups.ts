import { failHeld } from "../events/record";
import type { Claim } from "../events/claim";
import { errorField, log } from "../log";
import { reportAttemptOutcome } from "../observability/issues/report-outcome";
import { isRequested, type DeliverMessage } from "../queue/messages";
import type { Rule } from "../rules/schema";
import { INTERRUPTED } from "../events/attempt-writer";
import type { Recorded } from "./attempt";
import type { DeliveryDeps, DeliveryOutcome } from "./deliver-event";
import { handTurnOn } from "./fifo";
import type { Deliverable } from "./load-event";
import { nextRetryDelay } from "./retry-policy";

// What follows a recorded attempt: its retry, the next event of a fifo line, the issue rule.

export async function followUp(deps: DeliveryDeps, message: DeliverMessage, { event, destination }: Deliverable, recorded: Recorded): Promise<DeliveryOutcome> {
  const { attemptId, success, status, retryInMs, finishedAt } = recorded;
  if (status === null) return { kind: "delivered", status, retryInMs: null, attemptId };
  if (retryInMs !== null) {
    try {
      await deps.enqueue({ ...message, trigger: "automatic" }, retryInMs);
    } catch (error) {
      // The event is stored as scheduled with its due time: the sweeper re-enqueues it.
      log("error", "enqueue.failed", { event_id: event.id, error: errorField(error) });
    }
  }
  if (destination.deliveryOrder === "fifo" && status !== "scheduled") await handTurnOn(deps.db, destination.id, (next) => deps.enqueue(next, 0));
  // Issue bookkeeping runs beside the next delivery, not before it: this attempt's connection is
  // released as soon as it returns. reportAttemptOutcome never throws.
  deps.background(reportAttemptOutcome(deps, {
    connectionId: event.connectionId, destinationId: destination.id, eventId: event.id, attemptId, success, eventFailed: status === "failed", now: finishedAt,
  }));
  return { kind: "delivered", status, retryInMs, attemptId };
}

/**
 * The claim took over a lapsed lease and recorded it as an interrupted attempt. That uses up a retry
 * like any failure: once they are gone the event fails here instead of trying again (unless a person
 * asked for this attempt), and the outcome is final.
 */
export async function onInterrupted(deps: DeliveryDeps, message: DeliverMessage, loaded: Deliverable, claim: Extract<Claim, { kind: "claimed" }>): Promise<DeliveryOutcome | null> {
  const { event, destination, connection } = loaded;
  const { attemptId, number, trigger } = claim.interrupted!;
  const retryRule = (connection.rules as Rule[]).find((r) => r.type === "retry");
  const exhausted = !isRequested(message.trigger) && nextRetryDelay(retryRule, number, { status: null, error: INTERRUPTED }) === null;
  const now = deps.now();
  log("warn", "attempt.interrupted", {
    event_id: event.id, attempt_id: attemptId, request_id: event.requestId, source_id: event.sourceId, connection_id: event.connectionId,
    destination_id: destination.id, number, trigger, event_status: exhausted ? "failed" : event.status,
  });
  if (exhausted) {
    await failHeld(deps.db, claim.lease, now);
    return followUp(deps, message, loaded, { attemptId, success: false, status: "failed", retryInMs: null, finishedAt: now });
  }
  deps.background(reportAttemptOutcome(deps, {
    connectionId: event.connectionId, destinationId: destination.id, eventId: event.id, attemptId, success: false, eventFailed: false, now,
  }));
  return null;
}
