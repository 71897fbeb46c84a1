import { and, eq, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { attempts, events } from "../db/schema";
import { newId } from "../ids";
import type { AttemptTrigger } from "../queue/messages";

// Claiming an event for one attempt (spec §6). The claim is a lease on the event row: a duplicate
// queue message, or the sweeper's copy, cannot start a second attempt while it holds.
//
// A lease that expired without being released means its attempt never recorded an answer: the
// worker died mid-flight (a crash, an eviction, a deploy), or stalled past its lease. The next claim
// records that attempt, under the trigger it had, as `interrupted`, and counts it: otherwise an event
// whose delivery kills its worker every time would be retried for ever without using up its
// retries. The destination may or may not have received the interrupted request.

export const INTERRUPTED = "interrupted";

/**
 * How long an attempt holds its event (and its pacer concurrency slot): the longest possible try,
 * the destination's timeout, and a margin for the work around it.
 */
export const leaseFor = (timeoutMs: number) => timeoutMs + 30_000;
const INTERRUPTED_DETAIL =
  "The worker making this attempt stopped before it recorded an answer (a crash, an eviction or a deploy). " +
  "The destination may or may not have received the request; started_at is approximate.";

export type Claim =
  | { kind: "held" }
  | {
      kind: "claimed";
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
  /** Start of the claiming attempt (its pacing slot, or now). */
  startAt: number;
  now: number;
}

export async function claimEvent(db: Db, input: ClaimInput): Promise<Claim> {
  const { event, now } = input;
  const free = and(
    eq(events.id, event.id),
    input.requested ? undefined : eq(events.status, "scheduled"),
    // Unchanged since the event was loaded: no attempt was recorded in between.
    eq(events.attemptsCount, event.attemptsCount),
    or(isNull(events.leaseUntil), lt(events.leaseUntil, now)),
  );
  const attemptId = newId("attempt", now);
  // One batch, so the interrupted attempt is recorded exactly when this claim takes its lease. Its
  // start is estimated from the lease, which ran from the start for `leaseMs`.
  const [recorded, claimed] = await db.batch([
    db.insert(attempts).select(db.select({
      id: sql<string>`${attemptId}`.as("id"),
      eventId: events.id,
      number: sql<number>`${events.attemptsCount} + 1`.as("number"),
      // Leases taken before the trigger was kept: the initial attempt, or else an automatic one.
      trigger: sql<string>`coalesce(${events.leaseTrigger}, CASE WHEN ${events.attemptsCount} = 0 THEN 'initial' ELSE 'automatic' END)`.as("trigger"),
      url: sql<string>`${input.recordedUrl}`.as("url"),
      statusCode: sql<null>`NULL`.as("status_code"),
      error: sql<string>`${INTERRUPTED}`.as("error"),
      errorDetail: sql<string>`${INTERRUPTED_DETAIL}`.as("error_detail"),
      responseHeaders: sql<string>`'{}'`.as("response_headers"),
      responseBody: sql<null>`NULL`.as("response_body"),
      durationMs: sql<number>`0`.as("duration_ms"),
      startedAt: sql<number>`${events.leaseUntil} - ${input.leaseMs}`.as("started_at"),
    }).from(events).where(and(free, isNotNull(events.leaseUntil)))).returning({ number: attempts.number, trigger: attempts.trigger }),
    db.update(events)
      .set({
        leaseUntil: Math.max(now, input.startAt) + input.leaseMs,
        leaseTrigger: input.trigger,
        attemptsCount: sql`${events.attemptsCount} + (${events.leaseUntil} IS NOT NULL)`,
      })
      .where(free)
      .returning({ attemptsCount: events.attemptsCount }),
  ]);
  const [row] = claimed;
  if (!row) return { kind: "held" };
  const [lost] = recorded;
  const interrupted = lost ? { attemptId, number: lost.number, trigger: lost.trigger as AttemptTrigger } : null;
  return { kind: "claimed", attemptsCount: row.attemptsCount, interrupted };
}

/** Moves a held lease later, when the attempt's start moved (a new pacing slot). */
export async function extendLease(db: Db, eventId: string, leaseUntil: number): Promise<void> {
  await db.update(events).set({ leaseUntil }).where(and(eq(events.id, eventId), isNotNull(events.leaseUntil), lt(events.leaseUntil, leaseUntil)));
}
