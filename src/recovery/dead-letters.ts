import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { destinations, events, requests } from "../db/schema";
import { handTurnOn } from "../delivery/fifo";
import { deadLetterStatements } from "../events/control";
import type { Env } from "../env";
import { newId } from "../ids";
import { errorField, log } from "../log";
import { reportAttemptOutcome } from "../observability/issues/report-outcome";
import { sendLater } from "../queue/enqueue";
import { isRequested, queueMessage, type DeliverMessage, type QueueMessage } from "../queue/messages";

// The dead-letter queue (spec §6: nothing accepted is silently gone). Queues moves a message here
// after its consumer threw on it `max_retries` times (D1 unreachable for minutes, or a bug). The
// same Worker consumes it and leaves a visible, final trace instead of a message that vanished:
//
// - deliver: a `scheduled` event ends `failed`, with an attempt whose error is `dead_lettered` (a
//   record of the message's fate, not of an HTTP exchange; the detail says so), so the event waits
//   for a manual or bulk retry instead of looking forever in progress. A requested attempt
//   (manual, bulk) that was dead-lettered is recorded the same way on a `failed` event. Either is
//   a failed attempt and a failed event to the issue rule, so its connection's issue opens. Other
//   final events and paused ones are left as they are: nothing was lost for them.
// - route: the request is stored and stays unrouted; it is handed back to the sweeper an hour
//   later rather than the next minute, so a request that keeps failing costs one try an hour, and
//   POST /v1/requests/:id/retry routes it at once.
// - release: the sweeper releases paused events whose targets run again; nothing to do.
// - replay: the item is abandoned in its job, which counts it as failed.
// - notify: the notification is lost; a `dlq.notify` error line says which channel and issue.

export const DEAD_LETTER_QUEUE = "event-gateway-dlq";
export const ROUTE_RETRY_DELAY_MS = 60 * 60_000;

export async function consumeDeadLetters(batch: MessageBatch<unknown>, env: Env, db: Db, now: number): Promise<void> {
  for (const message of batch.messages) {
    const parsed = queueMessage.safeParse(message.body);
    if (!parsed.success) {
      log("error", "dlq.bad_message", { message_id: message.id });
      message.ack();
      continue;
    }
    try {
      await settleDeadLetter(parsed.data, env, db, now);
      message.ack();
    } catch (error) {
      // If this fails too, the work is still durable in D1: the sweeper finds the straggler.
      log("error", "dlq.failed", { message_id: message.id, kind: parsed.data.kind, error: errorField(error) });
      message.retry({ delaySeconds: 30 });
    }
  }
}

async function settleDeadLetter(message: QueueMessage, env: Env, db: Db, now: number) {
  switch (message.kind) {
    case "deliver": {
      const recorded = await failDeadLetteredEvent(db, message, now, (next) => env.DELIVERY_QUEUE.send(next));
      // The event ended failed: that counts towards its connection's issue like any failed event.
      if (recorded) await reportAttemptOutcome({ db, enqueue: sendLater(env.DELIVERY_QUEUE) }, { ...recorded, success: false, eventFailed: true, now });
      return;
    }
    case "route":
      await db.update(requests).set({ enqueuedAt: now + ROUTE_RETRY_DELAY_MS })
        .where(and(eq(requests.id, message.request_id), sql`${requests.routedAt} IS NULL`));
      log("error", "dlq.route", { request_id: message.request_id, retry_in_ms: ROUTE_RETRY_DELAY_MS });
      return;
    case "release":
      log("warn", "dlq.release", { target: message.target.id });
      return;
    case "replay":
      await env.REPLAY.get(env.REPLAY.idFromName(message.job_key)).abandon(message.replay_id, [message.item_id]);
      log("error", "dlq.replay", { replay_id: message.replay_id, item_id: message.item_id });
      return;
    case "notify":
      // Nothing to mark in D1: the issue itself is intact, only this message about it is lost.
      log("error", "dlq.notify", { channel_id: message.channel_id, issue_id: message.issue_id, transition: message.transition, attempt: message.attempt });
      return;
  }
}

/**
 * Records the dead letter on its event: a `dead_lettered` attempt, and `failed` if it was waiting.
 * Returns what the issue rule needs when it recorded them, nothing when there was nothing to do.
 */
async function failDeadLetteredEvent(db: Db, message: DeliverMessage, now: number, send: (m: DeliverMessage) => Promise<unknown>) {
  const row = await db.select({ event: events, url: destinations.url, order: destinations.deliveryOrder }).from(events)
    .leftJoin(destinations, eq(destinations.id, events.destinationId))
    .where(eq(events.id, message.event_id)).get();
  if (!row) return undefined;
  const { event } = row;
  const requested = isRequested(message.trigger);
  if (event.status !== "scheduled" && !(requested && event.status === "failed")) return undefined;
  const detail = `The delivery queue gave up on this event's ${message.trigger} message after repeated processing errors; no attempt was recorded for it.`;
  const attemptId = newId("attempt", now);
  const [updated, inserted] = await db.batch(deadLetterStatements(db, {
    event, trigger: message.trigger, requested, attemptId, url: row.url ?? "", detail, now,
  }));
  const recorded = updated.meta.changes > 0 && inserted.meta.changes > 0;
  log("error", "dlq.event_failed", { event_id: event.id, trigger: message.trigger, recorded });
  if (!recorded) return undefined;
  // A dead-lettered head of a fifo line must not hold the events behind it.
  if (row.order === "fifo" && event.status === "scheduled") await handTurnOn(db, event.destinationId, send);
  return { connectionId: event.connectionId, destinationId: event.destinationId, eventId: event.id, attemptId };
}
