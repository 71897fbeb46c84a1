import { and, asc, eq, inArray, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { connections, destinations, events, requests } from "../db/schema";
import { nudgeOverdue, releaseEvents } from "../events/control";
import { log } from "../log";
import { deliverMsg, routeMsg, type QueueMessage } from "../queue/messages";

// The cron sweeper's straggler pass (spec §1, §6): work that is durable in D1 but whose queue
// message was lost (the send failed after the write, or a message vanished) is enqueued again.
// Each pass moves the straggler's deadline forward (only if it is still a straggler), so a backlogged queue gets one extra message per
// grace period at most, not one per minute per straggler.

// Three kinds of straggler, 33 each: one sendBatch call (at most 100 messages) carries a whole pass.
export const SWEEP_BATCH = 33;

export async function sweepStragglers(db: Db, send: (messages: QueueMessage[]) => Promise<unknown>, now: number, graceMs: number) {
  const cutoff = now - graceMs;
  const unrouted = await db
    .select({ id: requests.id })
    .from(requests)
    .where(and(isNull(requests.routedAt), isNull(requests.rejection), lt(requests.enqueuedAt, cutoff)))
    .orderBy(asc(requests.enqueuedAt))
    .limit(SWEEP_BATCH)
    .all();
  const overdue = await db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.status, "scheduled"), lt(events.nextAttemptAt, cutoff), or(isNull(events.leaseUntil), lt(events.leaseUntil, now))))
    .orderBy(asc(events.nextAttemptAt))
    .limit(SWEEP_BATCH)
    .all();

  // Paused events whose connection and destination are both running again (or gone: delivery then
  // cancels them): their release message was lost.
  const unheld = await db
    .select({ id: events.id })
    .from(events)
    .leftJoin(connections, eq(connections.id, events.connectionId))
    .leftJoin(destinations, eq(destinations.id, events.destinationId))
    .where(and(eq(events.status, "paused"), isNull(connections.pausedAt), isNull(destinations.pausedAt), lt(events.updatedAt, cutoff)))
    .limit(SWEEP_BATCH)
    .all();
  if (unrouted.length + overdue.length + unheld.length === 0) return { requests: 0, events: 0 };

  // Each write re-checks what the reads saw, so a delivery, a cancel or a new backoff that landed
  // in between stands; only what was still a straggler is sent.
  const [nudgedRequests, nudged, released] = await db.batch([
    db.update(requests).set({ enqueuedAt: now })
      .where(and(inArray(requests.id, unrouted.map((r) => r.id)), isNull(requests.routedAt), lt(requests.enqueuedAt, cutoff)))
      .returning({ id: requests.id }),
    nudgeOverdue(db, overdue.map((e) => e.id), cutoff, now),
    releaseEvents(db, unheld.map((e) => e.id), now),
  ]);
  const messages: QueueMessage[] = [
    ...nudgedRequests.map((r) => routeMsg(r.id)),
    ...nudged.map((e) => deliverMsg(e.id, e.destinationId, e.attemptsCount === 0 ? "initial" : "automatic")),
    ...released.map((e) => deliverMsg(e.id, e.destinationId, "unpause")),
  ];
  if (messages.length > 0) await send(messages);
  log("warn", "sweep.reenqueued", { requests: nudgedRequests.length, events: nudged.length, unpaused: released.length });
  return { requests: nudgedRequests.length, events: nudged.length + released.length };
}
