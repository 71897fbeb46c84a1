import { and, asc, eq, inArray, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { connections, destinations, events, requests } from "../db/schema";
import { log } from "../log";
import { deliverMsg, routeMsg, type QueueMessage } from "../queue/messages";

// The cron sweeper's straggler pass (spec §1, §6): work that is durable in D1 but whose queue
// message was lost (the send failed after the write, or a message vanished) is enqueued again.
// Each pass moves the straggler's deadline forward, so a backlogged queue gets one extra message per
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
    .select({ id: events.id, destinationId: events.destinationId, attemptsCount: events.attemptsCount })
    .from(events)
    .where(and(eq(events.status, "scheduled"), lt(events.nextAttemptAt, cutoff), or(isNull(events.leaseUntil), lt(events.leaseUntil, now))))
    .orderBy(asc(events.nextAttemptAt))
    .limit(SWEEP_BATCH)
    .all();

  // Paused events whose connection and destination are both running again: their release message
  // was lost.
  const unheld = await db
    .select({ id: events.id, destinationId: events.destinationId })
    .from(events)
    .innerJoin(connections, eq(connections.id, events.connectionId))
    .innerJoin(destinations, eq(destinations.id, events.destinationId))
    .where(and(eq(events.status, "paused"), isNull(connections.pausedAt), isNull(destinations.pausedAt), lt(events.updatedAt, cutoff)))
    .limit(SWEEP_BATCH)
    .all();

  const messages: QueueMessage[] = [
    ...unrouted.map((r) => routeMsg(r.id)),
    ...overdue.map((e) => deliverMsg(e.id, e.destinationId, e.attemptsCount === 0 ? "initial" : "automatic")),
    ...unheld.map((e) => deliverMsg(e.id, e.destinationId, "unpause")),
  ];
  if (messages.length === 0) return { requests: 0, events: 0 };

  const updates = [
    ...(unrouted.length ? [db.update(requests).set({ enqueuedAt: now }).where(inArray(requests.id, unrouted.map((r) => r.id)))] : []),
    ...(overdue.length ? [db.update(events).set({ nextAttemptAt: now }).where(inArray(events.id, overdue.map((e) => e.id)))] : []),
    ...(unheld.length ? [db.update(events).set({ status: "scheduled", nextAttemptAt: now, updatedAt: now }).where(inArray(events.id, unheld.map((e) => e.id)))] : []),
  ];
  await send(messages);
  await db.batch(updates as [(typeof updates)[number], ...typeof updates]);
  log("warn", "sweep.reenqueued", { requests: unrouted.length, events: overdue.length, unpaused: unheld.length });
  return { requests: unrouted.length, events: overdue.length + unheld.length };
}
