import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { attempts, events } from "../db/schema";
import { newId } from "../ids";
import type { AttemptTrigger } from "../queue/messages";
import { INTERRUPTED, syntheticAttempt, writeAttempt } from "./attempt-writer";
import { guard, type HeldLease } from "./transitions";

// Claiming an event for one attempt (spec §6). The claim is a lease on the event row: a duplicate
// queue message, or the sweeper's copy, cannot start a second attempt while it holds.
//
// A lease that expired without being released means its attempt never recorded an answer: the
// worker died mid-flight (a crash, an eviction, a deploy), or stalled past its lease. The next claim
// records that attempt, under the trigger it had, as `interrupted`, and counts it: otherwise an event
// whose delivery kills its worker every time would be retried for ever without using up its
// retries. The destination may or may not have received the interrupted request.

/**
 * How long an attempt holds its event (and its pacer concurrency slot): the longest possible try,
 * the destination's timeout, and a margin for the work around it (pacing waits at most a few
 * seconds; the invocation's outbound connection is taken before the claim, never after).
 */
export const leaseFor = (timeoutMs: number) => timeoutMs + 30_000;

const INTERRUPTED_DETAIL =
  "The worker making this attempt stopped before it recorded an answer (a crash, an eviction or a deploy). " +
  "The destination may or may not have received the request; started_at is approximate.";

export type Claim =
  | { kind: "held"; leaseUntil: number | null }
  | {
      kind: "claimed";
      lease: HeldLease;
      /** The event's attempts so far, counting the interrupted one when there was one. */
      attemptsCount: number;
      interrupted: { attemptId: string; number: number; trigger: AttemptTrigger } | null;
    };

export interface ClaimInput {
  event: Pick<typeof events.$inferSelect, "id" | "attemptsCount">;
  trigger: AttemptTrigger;
  /** Whether a person asked for this attempt: it then goes whatever the event's status. */
  requested: boolean;
  /** The URL as the attempt records it, which an interrupted attempt would have used too. */
  recordedUrl: string;
  /** How long the claiming attempt may take before its lease lapses. */
  leaseMs: number;
  now: number;
}

/** The claim's statements: the interrupted attempt (if a lapsed lease is taken over), then the lease. */
export function claimStatements(db: Db, input: ClaimInput, attemptId: string) {
  const { event, now } = input;
  // Unchanged since the event was loaded: no attempt was recorded in between.
  const free = and(guard(input.requested ? "claimRequested" : "claim", event.id, { now }), eq(events.attemptsCount, event.attemptsCount));
  // Its start is estimated from the lease, which ran from the start for `leaseMs`.
  const interrupted = writeAttempt(db, event.id, syntheticAttempt({
    id: attemptId,
    number: sql<number>`${events.attemptsCount} + 1`,
    // Leases taken before the trigger was kept: the initial attempt, or else an automatic one.
    trigger: sql<string>`coalesce(${events.leaseTrigger}, CASE WHEN ${events.attemptsCount} = 0 THEN 'initial' ELSE 'automatic' END)`,
    url: input.recordedUrl,
    error: INTERRUPTED,
    errorDetail: INTERRUPTED_DETAIL,
    startedAt: sql<number>`${events.leaseUntil} - ${input.leaseMs}`,
  }), and(free, isNotNull(events.leaseUntil))).returning({ number: attempts.number, trigger: attempts.trigger });
  const lease = db.update(events)
    .set({ leaseUntil: now + input.leaseMs, leaseTrigger: input.trigger, attemptsCount: sql`${events.attemptsCount} + (${events.leaseUntil} IS NOT NULL)` })
    .where(free)
    .returning({ attemptsCount: events.attemptsCount });
  return [interrupted, lease] as const;
}

/** Takes the lease, in one batch with the record of the lapsed attempt it takes over, if any. */
export async function claimEvent(db: Db, input: ClaimInput): Promise<Claim> {
  const attemptId = newId("attempt", input.now);
  const [recorded, claimed] = await db.batch(claimStatements(db, input, attemptId));
  const [row] = claimed;
  if (!row) {
    const holder = await db.select({ leaseUntil: events.leaseUntil }).from(events).where(eq(events.id, input.event.id)).get();
    return { kind: "held", leaseUntil: holder?.leaseUntil ?? null };
  }
  const [lost] = recorded;
  const interrupted = lost ? { attemptId, number: lost.number, trigger: lost.trigger as AttemptTrigger } : null;
  return { kind: "claimed", lease: { eventId: input.event.id, until: input.now + input.leaseMs }, attemptsCount: row.attemptsCount, interrupted };
}

/** Moves the caller's lease later (never earlier), when the attempt's start moved. */
export function extendLease(db: Db, lease: HeldLease, until: number, now: number) {
  return db.update(events).set({ leaseUntil: sql`max(${events.leaseUntil}, ${until})` })
    .where(guard("extendLease", lease.eventId, { now, heldUntil: lease.until }))
    .returning({ leaseUntil: events.leaseUntil });
}

/** Gives the lease back without an attempt; a scheduled event is due again at `dueAt`. */
export function unclaim(db: Db, lease: HeldLease, dueAt: number | null, now: number) {
  return db.update(events).set({
    leaseUntil: null, leaseTrigger: null,
    nextAttemptAt: dueAt === null ? sql`${events.nextAttemptAt}` : sql`CASE WHEN ${events.status} = 'scheduled' THEN ${dueAt} ELSE ${events.nextAttemptAt} END`,
  }).where(guard("unclaim", lease.eventId, { now, heldUntil: lease.until }));
}
