import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { events, type EventStatus } from "../db/schema";
import { writeAttempt, type AttemptRow } from "./attempt-writer";
import { guard, type HeldLease } from "./transitions";

// What an attempt leaves behind: its row, the event's new status and schedule, and the lease given
// back, in one batch and only while the attempt still holds its lease. An attempt whose lease was
// taken over (it ran past it) writes nothing: the claim that took the lease recorded it as
// interrupted. The status is written only if it is still the one the claim saw, so a cancel that
// landed meanwhile (its connection was deleted) stays cancelled.

type Settled = { status: Exclude<EventStatus, "cancelled">; nextAttemptAt: number | null };

/**
 * The status that follows an attempt. An automatic attempt that failed is retried while the rule
 * allows (`retryAt`), else fails. A requested one (manual, bulk) starts no retry schedule of its
 * own: a scheduled or paused event keeps what it had (a paused event is still delivered on
 * unpause, spec §2), any other ends (or stays) failed.
 */
export function statusAfterAttempt(input: { seen: EventStatus; seenNextAttemptAt: number | null; success: boolean; requested: boolean; retryAt: number | null }): Settled {
  if (input.success) return { status: "successful", nextAttemptAt: null };
  if (!input.requested) return input.retryAt === null ? { status: "failed", nextAttemptAt: null } : { status: "scheduled", nextAttemptAt: input.retryAt };
  if (input.seen === "scheduled" || input.seen === "paused") return { status: input.seen, nextAttemptAt: input.seenNextAttemptAt };
  return { status: "failed", nextAttemptAt: null };
}

export interface RecordInput {
  lease: HeldLease;
  /** The status the event had when it was claimed. */
  seen: EventStatus;
  settled: Settled;
  attempt: Omit<AttemptRow, "number">;
  finishedAt: number;
}

export function recordStatements(db: Db, input: RecordInput) {
  const { lease, finishedAt } = input;
  const held = guard("record", lease.eventId, { now: finishedAt, heldUntil: lease.until });
  return [
    writeAttempt(db, lease.eventId, { ...input.attempt, number: sql<number>`${events.attemptsCount} + 1` }, held),
    db.update(events).set({ status: input.settled.status, nextAttemptAt: input.settled.nextAttemptAt })
      .where(and(held, eq(events.status, input.seen))),
    db.update(events).set({
      attemptsCount: sql`${events.attemptsCount} + 1`, lastAttemptAt: input.attempt.startedAt as number,
      lastResponseStatus: input.attempt.statusCode, leaseUntil: null, leaseTrigger: null, updatedAt: finishedAt,
    }).where(held).returning({ status: events.status }),
  ] as const;
}

/** Records the attempt; answers the event's status after it, or null if the lease was lost. */
export async function recordAttempt(db: Db, input: RecordInput): Promise<EventStatus | null> {
  const [, , closed] = await db.batch(recordStatements(db, input));
  return closed[0]?.status ?? null;
}

/** An interrupted attempt used the last retry: the event fails without another request. */
export function failHeld(db: Db, lease: HeldLease, now: number) {
  return db.update(events).set({ status: "failed", nextAttemptAt: null, leaseUntil: null, leaseTrigger: null, updatedAt: now })
    .where(guard("fail", lease.eventId, { now, heldUntil: lease.until }))
    .returning({ id: events.id });
}
