import type { Db } from "../../db/client";
import { errorField, log } from "../../log";
import type { NotifyMessage } from "../../queue/messages";
import { recordDeliveryOutcome, type RecordedAttempt } from "./record-outcome";

// The delivery path's one call into issues: applies the issue rule to an attempt that is already
// recorded, and queues the notifications it calls for. Issue bookkeeping is secondary to delivery,
// so nothing here may fail the attempt: an error is logged and the attempt stands.

export interface ReportDeps {
  db: Db;
  /** Queues a message (the delivery queue); notifications go at once. */
  enqueue: (message: NotifyMessage, delayMs: number) => Promise<unknown>;
}

export async function reportAttemptOutcome(deps: ReportDeps, outcome: RecordedAttempt): Promise<void> {
  let messages: NotifyMessage[];
  try {
    messages = await recordDeliveryOutcome(deps.db, outcome);
  } catch (error) {
    log("error", "issue.record_failed", { event_id: outcome.eventId, attempt_id: outcome.attemptId, connection_id: outcome.connectionId, error: errorField(error) });
    return;
  }
  for (const message of messages) {
    try {
      await deps.enqueue(message, 0);
    } catch (error) {
      log("error", "notification.enqueue_failed", { issue_id: message.issue_id, channel_id: message.channel_id, transition: message.transition, error: errorField(error) });
    }
  }
}
