import { and, eq, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { connections, destinations, events, type EventStatus } from "../db/schema";
import type { AttemptTrigger } from "../queue/messages";
import { DEAD_LETTERED, syntheticAttempt, writeAttempt } from "./attempt-writer";
import { guard } from "./transitions";

// The transitions that make no HTTP attempt: holding and releasing on pause, cancelling, the
// sweeper's nudge, and the dead letter. Each returns its statement so callers batch it with their
// own writes; each is conditional on the state the table in ./transitions.ts names.

/** scheduled → paused, when its connection or destination is paused. */
export function pauseEvent(db: Db, eventId: string, now: number) {
  return db.update(events).set({ status: "paused", updatedAt: now }).where(guard("pause", eventId, { now })).returning({ id: events.id });
}

// Still held by the other side (a paused destination behind an unpaused connection) stays put.
const heldByPause = () => sql`(
  EXISTS (SELECT 1 FROM ${connections} WHERE ${connections.id} = ${events.connectionId} AND ${connections.pausedAt} IS NOT NULL)
  OR EXISTS (SELECT 1 FROM ${destinations} WHERE ${destinations.id} = ${events.destinationId} AND ${destinations.pausedAt} IS NOT NULL))`;

/** paused → scheduled and due now, unless its connection or destination is (again) paused. */
export function releaseEvents(db: Db, eventIds: string[], now: number) {
  return db.update(events).set({ status: "scheduled", nextAttemptAt: now, updatedAt: now })
    .where(and(guard("release", eventIds, { now }), sql`NOT ${heldByPause()}`))
    .returning({ id: events.id, destinationId: events.destinationId, requestId: events.requestId });
}

/** scheduled or paused → cancelled, when no attempt is in flight (the cancel API). */
export function cancelEventStatement(db: Db, eventId: string, now: number) {
  return db.update(events).set({ status: "cancelled", nextAttemptAt: null, updatedAt: now }).where(guard("cancel", eventId, { now })).returning();
}

/**
 * scheduled or paused → cancelled, because its connection or destination is gone (`which` selects
 * the events). An attempt in flight keeps its lease and records its outcome; the event stays cancelled.
 */
export function cancelOrphans(db: Db, which: SQL, now: number) {
  return db.update(events).set({ status: "cancelled", nextAttemptAt: null, updatedAt: now })
    .where(guard("orphan", which, { now }))
    .returning({ id: events.id, destinationId: events.destinationId });
}

/**
 * The sweeper re-sent these overdue events: their deadline moves to now, so the next pass leaves
 * them a grace period. Only if they are still scheduled, unleased and overdue (a retry recorded
 * meanwhile has its own later deadline, which stands).
 */
export function nudgeOverdue(db: Db, eventIds: string[], cutoff: number, now: number) {
  return db.update(events).set({ nextAttemptAt: now })
    .where(and(guard("nudge", eventIds, { now }), lt(events.nextAttemptAt, cutoff)))
    .returning({ id: events.id, destinationId: events.destinationId, attemptsCount: events.attemptsCount });
}

export interface DeadLetterInput {
  event: { id: string; status: EventStatus; attemptsCount: number };
  trigger: AttemptTrigger;
  requested: boolean;
  attemptId: string;
  url: string;
  detail: string;
  now: number;
}

/**
 * The event ends `failed` with a `dead_lettered` attempt. Both statements are conditional, so an
 * attempt that landed meanwhile wins: the update needs the count and status unchanged, and the
 * attempt is written only if the update took its number.
 */
export function deadLetterStatements(db: Db, input: DeadLetterInput) {
  const { event, now } = input;
  const number = event.attemptsCount + 1;
  return [
    db.update(events).set({ status: "failed", attemptsCount: number, nextAttemptAt: null, leaseUntil: null, leaseTrigger: null, updatedAt: now })
      .where(and(guard(input.requested ? "deadLetterRequested" : "deadLetter", event.id, { now }),
        eq(events.attemptsCount, event.attemptsCount), eq(events.status, event.status))),
    writeAttempt(db, event.id, syntheticAttempt({
      id: input.attemptId, number, trigger: input.trigger, url: input.url, error: DEAD_LETTERED, errorDetail: input.detail, startedAt: now,
    }), and(eq(events.attemptsCount, number), eq(events.status, "failed"))).onConflictDoNothing(),
  ] as const;
}

