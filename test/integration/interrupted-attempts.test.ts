import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { claimEvent, extendLease } from "../../src/events/claim";
import { database } from "../../src/db/client";
import { deliverMsg, type AttemptTrigger } from "../../src/queue/messages";
import { admin, pipeline, receiverRecords, uniqueKey, waitFor } from "./gateway";
import { runQueueBatch } from "./queue-batch";
import { seedEvents } from "./recovery-seed";

// An attempt whose worker died before it recorded an answer leaves its event leased, with nothing
// recorded. The next claim records it as `interrupted` and counts it against the retries, so a
// delivery that kills its worker every time cannot be retried for ever.

const deliver = (eventId: string, destinationId: string, trigger: AttemptTrigger) => runQueueBatch([deliverMsg(eventId, destinationId, trigger)]);

/** As a worker that died mid-attempt leaves an event: its lease taken under `trigger`, and lapsed. */
async function interruptedEvent(label: string, rules: unknown[] = []) {
  const key = uniqueKey(label);
  const p = await pipeline(label, `/ok/${key}`, rules);
  const { eventIds: [eventId] } = await seedEvents(p, 1, { status: "scheduled" });
  const leasedAt = Date.now() - 120_000;
  await env.DB.prepare("UPDATE events SET next_attempt_at = ?, lease_until = ?, lease_trigger = 'automatic' WHERE id = ?")
    .bind(leasedAt, leasedAt + 60_000, eventId).run();
  return { key, p, eventId: eventId! };
}

const attemptsOf = async (eventId: string) => (await admin("GET", `/v1/events/${eventId}/attempts`)).json.data;

describe("interrupted attempts", () => {
  it("are recorded by the next claim, which then delivers as the next attempt", async () => {
    const { key, p, eventId } = await interruptedEvent("interrupted");
    await deliver(eventId, p.destination.id, "automatic");
    await waitFor("delivered", async () => (await receiverRecords(key)).length === 1);
    const attempts = await attemptsOf(eventId);
    expect(attempts).toEqual([
      expect.objectContaining({ number: 2, trigger: "automatic", status_code: null, error: "interrupted" }),
      expect.objectContaining({ number: 3, trigger: "automatic", status_code: 200, error: null }),
    ]);
    expect(attempts[0].error_detail).toContain("may or may not have received");
    expect((await admin("GET", `/v1/events/${eventId}`)).json).toMatchObject({ status: "successful", attempts_count: 3 });
    // A duplicate of the message finds the event final: nothing more is recorded or sent.
    await deliver(eventId, p.destination.id, "automatic");
    expect(await attemptsOf(eventId)).toHaveLength(2);
    expect(await receiverRecords(key)).toHaveLength(1);
  });

  it("use up retries: with none left the event fails without another request, and its issue opens", async () => {
    // One retry allowed: attempt 1 (seeded as failed) and the interrupted attempt 2 use them all.
    const { key, p, eventId } = await interruptedEvent("interrupted-last", [{ type: "retry", strategy: "linear", count: 1, interval_ms: 1000 }]);
    await deliver(eventId, p.destination.id, "automatic");
    expect(await attemptsOf(eventId)).toEqual([expect.objectContaining({ number: 2, error: "interrupted" })]);
    expect((await admin("GET", `/v1/events/${eventId}`)).json).toMatchObject({ status: "failed", attempts_count: 2, next_attempt_at: null });
    expect(await receiverRecords(key)).toHaveLength(0);
    const issues = await waitFor("issue", async () => {
      const data = (await admin("GET", `/v1/issues?connection_id=${p.connection.id}`)).json.data;
      return data.length ? data : undefined;
    });
    expect(issues).toEqual([expect.objectContaining({ status: "open", failures: 1 })]);
  });

  it("a retry a person asks for still goes when the interrupted attempt was the last", async () => {
    const { key, p, eventId } = await interruptedEvent("interrupted-manual", [{ type: "retry", strategy: "linear", count: 1, interval_ms: 1000 }]);
    await deliver(eventId, p.destination.id, "manual");
    await waitFor("delivered", async () => (await receiverRecords(key)).length === 1);
    expect((await attemptsOf(eventId)).map((a: any) => [a.number, a.trigger, a.error ?? a.status_code])).toEqual([[2, "automatic", "interrupted"], [3, "manual", 200]]);
    expect((await admin("GET", `/v1/events/${eventId}`)).json.status).toBe("successful");
  });

  it("a lease still running is not taken for an interruption", async () => {
    const { key, p, eventId } = await interruptedEvent("interrupted-live");
    await env.DB.prepare("UPDATE events SET lease_until = ? WHERE id = ?").bind(Date.now() + 60_000, eventId).run();
    await deliver(eventId, p.destination.id, "automatic");
    expect(await attemptsOf(eventId)).toEqual([]);
    expect(await receiverRecords(key)).toHaveLength(0);
  });

  it("a lease moved later with a new pacing slot is not taken for an interruption before it lapses", async () => {
    const { eventId } = await interruptedEvent("interrupted-reslot");
    const db = database(env.DB);
    const now = Date.now();
    const claim = (at: number) => claimEvent(db, { event: { id: eventId, attemptsCount: 2 }, trigger: "automatic", requested: false, recordedUrl: "http://127.0.0.1/x", leaseMs: 1_000, now: at });
    // The lapsed lease is recorded as interrupted (attempts 1 → 2) and a new one runs to now + 1 s.
    const first = await claimEvent(db, { event: { id: eventId, attemptsCount: 1 }, trigger: "automatic", requested: false, recordedUrl: "http://127.0.0.1/x", leaseMs: 1_000, now });
    expect(first).toMatchObject({ kind: "claimed", attemptsCount: 2, interrupted: { number: 2, trigger: "automatic" } });
    if (first.kind !== "claimed") throw new Error("not claimed");
    // Its slot moved 10 s later: the lease follows, and a claim 5 s from now finds it held.
    await extendLease(db, first.lease, now + 11_000, now);
    expect(await claim(now + 5_000)).toMatchObject({ kind: "held" });
    // Moving it earlier is refused: a lease never shrinks.
    await extendLease(db, { eventId, until: now + 11_000 }, now + 2_000, now);
    expect(await claim(now + 5_000)).toMatchObject({ kind: "held" });
    // Once it lapses, the next claim records the attempt that held it.
    expect(await claim(now + 12_000)).toMatchObject({ kind: "claimed", attemptsCount: 3, interrupted: { number: 3 } });
    expect((await attemptsOf(eventId)).map((a: any) => a.error)).toEqual(["interrupted", "interrupted"]);
  });
});
