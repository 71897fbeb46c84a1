import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { database } from "../../src/db/client";
import { events, type EventStatus } from "../../src/db/schema";
import { claimStatements, extendLease, unclaim } from "../../src/events/claim";
import { cancelEventStatement, cancelOrphans, deadLetterStatements, nudgeOverdue, pauseEvent, releaseEvents } from "../../src/events/control";
import { failHeld, recordStatements } from "../../src/events/record";
import { EVENT_STATUSES, TRANSITIONS, type TransitionName } from "../../src/events/transitions";
import { pipeline } from "./gateway";
import { seedEvents } from "./recovery-seed";

// Every transition of the lifecycle table (src/events/transitions.ts), from every status and every
// state of the lease: it changes the event exactly when the table allows it, and leaves it as it
// was otherwise.

const db = database(env.DB);
const NOW = Date.now();
const MINE = NOW + 120_000;
const LEASES = { none: null, live: NOW + 60_000, lapsed: NOW - 60_000, mine: MINE } as const;
type LeaseState = keyof typeof LEASES;

// The lifecycle as the spec and docs/architecture.md describe it, written out here independently of
// the table in src/events/transitions.ts: [statuses it may start from, lease condition, status after].
const ALL = ["scheduled", "paused", "successful", "failed", "cancelled"];
const EXPECTED: Record<TransitionName, [string[], "free" | "held" | "any", string]> = {
  claim: [["scheduled"], "free", "same"],
  claimRequested: [ALL, "free", "same"],
  extendLease: [ALL, "held", "same"],
  unclaim: [ALL, "held", "same"],
  record: [ALL, "held", "same"],
  fail: [["scheduled"], "held", "failed"],
  pause: [["scheduled"], "free", "paused"],
  release: [["paused"], "any", "scheduled"],
  cancel: [["scheduled", "paused"], "free", "cancelled"],
  orphan: [["scheduled", "paused"], "any", "cancelled"],
  nudge: [["scheduled"], "free", "same"],
  deadLetter: [["scheduled"], "free", "failed"],
  deadLetterRequested: [["scheduled", "failed"], "free", "failed"],
};

const leaseAllows = (condition: string, state: LeaseState) =>
  condition === "any" || (condition === "free" ? state === "none" || state === "lapsed" : state === "mine");

const held = (id: string) => ({ eventId: id, until: MINE });
const claimInput = (id: string, requested: boolean) =>
  ({ event: { id, attemptsCount: 1 }, trigger: requested ? "manual" : "automatic", requested, recordedUrl: "http://127.0.0.1/x", leaseMs: 60_000, now: NOW }) as const;
const statusOf = (id: string) => db.select({ status: events.status }).from(events).where(eq(events.id, id)).get().then((r) => r!.status);

/** Applies one transition to event `id` (whose status is `status`); the last statement tells whether it took. */
const apply: Record<TransitionName, (id: string, status: EventStatus) => Promise<readonly unknown[]>> = {
  claim: (id) => db.batch(claimStatements(db, claimInput(id, false), `att_${id}`)),
  claimRequested: (id) => db.batch(claimStatements(db, claimInput(id, true), `att_${id}`)),
  extendLease: (id) => db.batch([extendLease(db, held(id), MINE + 1_000, NOW)]),
  unclaim: (id) => db.batch([unclaim(db, held(id), NOW + 5_000, NOW)]),
  record: (id, status) => db.batch(recordStatements(db, {
    lease: held(id), seen: status, settled: { status: "successful", nextAttemptAt: null }, finishedAt: NOW,
    attempt: { id: `att_${id}`, trigger: "automatic", url: "http://127.0.0.1/x", statusCode: 200, error: null, errorDetail: null, responseHeaders: {}, responseBody: "ok", durationMs: 5, startedAt: NOW },
  })).then((results) => [results[2]]),
  fail: (id) => db.batch([failHeld(db, held(id), NOW)]),
  pause: (id) => db.batch([pauseEvent(db, id, NOW)]),
  release: (id) => db.batch([releaseEvents(db, [id], NOW)]),
  cancel: (id) => db.batch([cancelEventStatement(db, id, NOW)]),
  orphan: (id) => db.batch([cancelOrphans(db, eq(events.id, id), NOW)]),
  nudge: (id) => db.batch([nudgeOverdue(db, [id], NOW, NOW)]),
  deadLetter: (id, status) => db.batch(deadLetterStatements(db, { event: { id, status, attemptsCount: 1 }, trigger: "automatic", requested: false, attemptId: `att_${id}`, url: "", detail: "gave up", now: NOW })).then((r) => [r[0]]),
  deadLetterRequested: (id, status) => db.batch(deadLetterStatements(db, { event: { id, status, attemptsCount: 1 }, trigger: "manual", requested: true, attemptId: `att_${id}`, url: "", detail: "gave up", now: NOW })).then((r) => [r[0]]),
};

const took = (result: unknown) => (Array.isArray(result) ? result.length > 0 : (result as D1Result).meta.changes > 0);

describe("event transitions", () => {
  const cases = (Object.keys(TRANSITIONS) as TransitionName[]).flatMap((name) =>
    EVENT_STATUSES.flatMap((status) => (Object.keys(LEASES) as LeaseState[]).map((lease) => ({ name, status, lease }))));

  it("the table in src/events/ is the lifecycle described here", () => {
    const table = Object.fromEntries(Object.entries(TRANSITIONS).map(([name, t]) => [name, [[...t.from], t.lease, t.to]]));
    expect(table).toEqual(EXPECTED);
  });

  it(`each of the ${Object.keys(TRANSITIONS).length} transitions applies exactly from the statuses and lease states the table names`, async () => {
    const p = await pipeline("transitions", "/ok/transitions");
    const { eventIds } = await seedEvents(p, cases.length);
    await env.DB.batch(cases.map((c, i) => env.DB.prepare("UPDATE events SET status = ?, lease_until = ?, next_attempt_at = ? WHERE id = ?")
      .bind(c.status, LEASES[c.lease], NOW - 600_000, eventIds[i])));
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const [i, c] of cases.entries()) {
      const id = eventIds[i]!;
      const [from, leaseCondition, to] = EXPECTED[c.name];
      const allowed = from.includes(c.status) && leaseAllows(leaseCondition, c.lease);
      const results = await apply[c.name](id, c.status);
      const status = await statusOf(id);
      const label = `${c.name} from ${c.status} with lease ${c.lease}`;
      outcomes.push(`${label}: ${took(results.at(-1)) ? "applied" : "refused"}${allowed && to !== "same" ? ` → ${status}` : ""}${!allowed && status !== c.status ? " (status changed!)" : ""}`);
      expected.push(`${label}: ${allowed ? "applied" : "refused"}${allowed && to !== "same" ? ` → ${to}` : ""}`);
    }
    expect(outcomes).toEqual(expected);
  });

  it("an attempt whose event was cancelled while it was in flight is recorded, and the event stays cancelled", async () => {
    const p = await pipeline("transitions-cancelled", "/ok/transitions-cancelled");
    const { eventIds: [id] } = await seedEvents(p, 1, { status: "scheduled" });
    await env.DB.prepare("UPDATE events SET lease_until = ? WHERE id = ?").bind(MINE, id).run();
    await db.batch([cancelOrphans(db, eq(events.id, id!), NOW)]);
    await apply.record(id!, "scheduled");
    const row = await env.DB.prepare("SELECT status, attempts_count, lease_until FROM events WHERE id = ?").bind(id).first();
    expect(row).toEqual({ status: "cancelled", attempts_count: 2, lease_until: null });
    expect((await env.DB.prepare("SELECT count(*) AS n FROM attempts WHERE event_id = ?").bind(id).first())!.n).toBe(1);
  });
});
