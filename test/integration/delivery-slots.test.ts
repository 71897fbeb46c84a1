import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { deliverMsg, replayMsg } from "../../src/queue/messages";
import { jobKey, normalizeSelection } from "../../src/replay/query";
import type { ReplayJob } from "../../src/replay/replay-job";
import { pipeline, receiverRecords, uniqueKey, waitFor } from "./gateway";
import { runQueueBatch } from "./queue-batch";
import { seedEvents } from "./recovery-seed";

// Leases are taken only once the attempt can go: an event that waits for one of the invocation's
// six outbound connections holds no lease (which could lapse before it is sent), its request is
// built and signed when it goes (a fresh webhook-timestamp), and a duplicate message takes no slot
// of its destination's pacer.

const leased = async (eventIds: string[]) => (await env.DB.prepare(
  "SELECT count(*) AS n FROM events WHERE lease_until IS NOT NULL AND id IN (SELECT value FROM json_each(?))",
).bind(JSON.stringify(eventIds)).first<{ n: number }>())!.n;

describe("outbound slots, leases and pacing", () => {
  it("an event waiting for an outbound connection holds no lease, and its webhook-timestamp is the time it goes", async () => {
    const key = uniqueKey("slots");
    const p = await pipeline("slots", `/slow/2500/${key}`);
    const { eventIds } = await seedEvents(p, 8, { status: "scheduled" });
    const batch = runQueueBatch(eventIds.map((id) => deliverMsg(id, p.destination.id, "automatic")));
    // Six go at once; the other two wait for a connection without a lease.
    await waitFor("six in flight", async () => (await receiverRecords(key)).length === 6 || undefined);
    expect(await leased(eventIds)).toBe(6);
    await batch;
    const records = await receiverRecords(key);
    expect(records).toHaveLength(8);
    for (const record of records) {
      expect(Math.abs(record.at - Number(record.headers["webhook-timestamp"]) * 1000)).toBeLessThan(1_500);
    }
  });

  it("an event waiting for an outbound connection holds no pacer concurrency lease", async () => {
    const key = uniqueKey("slots-pacer");
    const p = await pipeline("slots-pacer", `/slow/2000/${key}`, [], { max_concurrency: 20 });
    const { eventIds } = await seedEvents(p, 8, { status: "scheduled" });
    const batch = runQueueBatch(eventIds.map((id) => deliverMsg(id, p.destination.id, "automatic")));
    await waitFor("six in flight", async () => (await receiverRecords(key)).length === 6 || undefined);
    expect((await env.PACER.get(env.PACER.idFromName(p.destination.id)).inspect()).inFlight).toBe(6);
    await batch;
    expect(await receiverRecords(key)).toHaveLength(8);
  });

  it("a bulk retry item waiting for an outbound connection holds no claim on its replay job", async () => {
    const key = uniqueKey("slots-replay");
    const p = await pipeline("slots-replay", `/slow/2500/${key}`);
    const { eventIds } = await seedEvents(p, 8);
    const selection = normalizeSelection({ kind: "events", query: { destination_id: p.destination.id } });
    const name = await jobKey(selection);
    const stub = env.REPLAY.get(env.REPLAY.idFromName(name));
    // The job's record and ledger, without its alarm: this test hands its items to the consumer.
    const replayId = await runInDurableObject(stub, async (job: ReplayJob, state) => {
      const { replay } = await job.start(name, selection);
      await state.storage.deleteAlarm();
      for (const id of eventIds) state.storage.sql.exec("INSERT INTO items (id, destination_id, state, sends, touched_at) VALUES (?, ?, 'queued', 1, ?)", id, p.destination.id, Date.now());
      return replay.id;
    });
    const claimed = () => runInDurableObject(stub, (_job, state) => state.storage.sql.exec("SELECT count(*) AS n FROM items WHERE state = 'claimed'").one().n);
    const batch = runQueueBatch(eventIds.map((id) => replayMsg(name, replayId, id, p.destination.id)));
    await waitFor("six in flight", async () => (await receiverRecords(key)).length === 6 || undefined);
    expect(await claimed()).toBe(6);
    await batch;
    expect(await receiverRecords(key)).toHaveLength(8);
  });

  it("a duplicate message takes no pacing slot", async () => {
    const key = uniqueKey("dup-pace");
    const p = await pipeline("dup-pace", `/ok/${key}`, [], { rate_limit: { limit: 2, period: "second" } });
    const { eventIds: [eventId] } = await seedEvents(p, 1, { status: "scheduled" });
    const before = Date.now();
    const message = deliverMsg(eventId!, p.destination.id, "automatic");
    await runQueueBatch([message, message, message]);
    const pacer = env.PACER.get(env.PACER.idFromName(p.destination.id));
    const { nextSlotAt } = await pacer.inspect();
    // One slot handed out: the next is one interval (525 ms) on, not three.
    expect(nextSlotAt - before).toBeLessThan(1_000);
    expect(await receiverRecords(key)).toHaveLength(1);
  });
});
