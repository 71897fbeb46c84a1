import { and, eq, inArray, isNull, lt, or, type SQL } from "drizzle-orm";
import { events, type EventStatus } from "../db/schema";

// The event lifecycle as data (docs/architecture.md, "Event lifecycle"). Every change to an event's
// status, lease or schedule is one of these transitions, and each names the statuses it may start
// from and what it asks of the lease. The statements in this folder put both in their WHERE clause,
// so a transition that meets an event in any other state changes nothing: a write never undoes one
// that landed since its caller read the row.

export const EVENT_STATUSES: readonly EventStatus[] = ["scheduled", "paused", "successful", "failed", "cancelled"];

/**
 * What a transition asks of the event's lease:
 * - `free`: no attempt in flight (no lease, or one that lapsed before `now`);
 * - `held`: the caller's own lease (`lease_until` is the value its claim or extension set);
 * - `any`: the lease is not looked at.
 */
type LeaseCondition = "free" | "held" | "any";

interface Transition {
  from: readonly EventStatus[];
  lease: LeaseCondition;
  /** The status it leaves (`same` keeps the status it found). */
  to: EventStatus | "same";
  why: string;
}

const ANY_STATUS = EVENT_STATUSES;

export const TRANSITIONS = {
  claim: { from: ["scheduled"], lease: "free", to: "same", why: "an automatic attempt takes the lease (and records a lapsed one as interrupted)" },
  claimRequested: { from: ANY_STATUS, lease: "free", to: "same", why: "a manual or bulk retry takes the lease whatever the status" },
  extendLease: { from: ANY_STATUS, lease: "held", to: "same", why: "the attempt's start moved (its pacing slot)" },
  unclaim: { from: ANY_STATUS, lease: "held", to: "same", why: "pacing sent the attempt back to the queue; a scheduled event's due time follows it" },
  record: { from: ANY_STATUS, lease: "held", to: "same", why: "an attempt's outcome; its status is written only if it is still the one the claim saw" },
  fail: { from: ["scheduled"], lease: "held", to: "failed", why: "an interrupted attempt used the last retry" },
  pause: { from: ["scheduled"], lease: "free", to: "paused", why: "its connection or destination is paused" },
  release: { from: ["paused"], lease: "any", to: "scheduled", why: "neither its connection nor its destination is paused any more" },
  cancel: { from: ["scheduled", "paused"], lease: "free", to: "cancelled", why: "POST /v1/events/:id/cancel" },
  orphan: { from: ["scheduled", "paused"], lease: "any", to: "cancelled", why: "its connection or destination is deleted: it can never be delivered" },
  nudge: { from: ["scheduled"], lease: "free", to: "same", why: "the sweeper re-sent an overdue event and moves its deadline (only if unchanged)" },
  deadLetter: { from: ["scheduled"], lease: "free", to: "failed", why: "Queues gave up on its automatic message" },
  deadLetterRequested: { from: ["scheduled", "failed"], lease: "free", to: "failed", why: "Queues gave up on a manual or bulk retry message" },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof TRANSITIONS;

/** The lease a caller holds: the `lease_until` its claim (or last extension) wrote. */
export interface HeldLease {
  eventId: string;
  until: number;
}

/** The WHERE clause of a transition: the event(s), a status it may start from, its lease condition. */
export function guard(name: TransitionName, target: string | string[] | SQL, lease: { now: number; heldUntil?: number }): SQL {
  const t: Transition = TRANSITIONS[name];
  const ids = typeof target === "string" ? eq(events.id, target) : Array.isArray(target) ? inArray(events.id, target) : target;
  const statuses = t.from.length === EVENT_STATUSES.length ? undefined : inArray(events.status, [...t.from]);
  return and(ids, statuses, leaseCondition(t.lease, lease))!;
}

function leaseCondition(condition: LeaseCondition, lease: { now: number; heldUntil?: number }): SQL | undefined {
  if (condition === "any") return undefined;
  if (condition === "free") return or(isNull(events.leaseUntil), lt(events.leaseUntil, lease.now));
  if (lease.heldUntil === undefined) throw new Error("a `held` transition needs the caller's lease");
  return eq(events.leaseUntil, lease.heldUntil);
}
