import { env, evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { PAGE_SIZE, WINDOW, type ReplayJob } from "../../src/replay/replay-job";
import { admin, pipeline, receiverRecords, uniqueKey, waitFor } from "./gateway";
import { attemptsByEvent, seedEvents } from "./recovery-seed";

// A replay job survives eviction: its cursor and its ledger live in the object's SQLite storage,
// and its alarm outlives the instance. Evicted while its cursor is part-way through the selection,
// and again and again until it ends, it still replays every event exactly once.

type Progress = { cursor: string | null; exhausted: number; items: number };

const progress = (stub: DurableObjectStub<ReplayJob>) =>
  runInDurableObject(stub, (_job, state): Progress => ({
    ...state.storage.sql.exec<{ cursor: string | null; exhausted: number }>("SELECT cursor, exhausted FROM job").one(),
    items: state.storage.sql.exec<{ n: number }>("SELECT count(*) AS n FROM items").one().n,
  }));

describe("replay job under eviction", () => {
  it("evicted mid-run, and repeatedly until done, it replays every event exactly once", async () => {
    const EVENTS = 400;
    const key = uniqueKey("evict");
    const p = await pipeline("evict", `/slow/100/${key}`);
    const { eventIds } = await seedEvents(p, EVENTS);
    const started = await admin("POST", "/v1/replays", { query: { destination_id: p.destination.id, status: "failed" } });
    expect(started.json.total).toBe(EVENTS);
    const jobKey = (await env.DB.prepare("SELECT job_key FROM replays WHERE id = ?").bind(started.json.id).first<string>("job_key"))!;
    const stub = env.REPLAY.get(env.REPLAY.idFromName(jobKey));

    // The window holds the job back after its first pages: wait for it to stop there, part-way.
    const pagesBeforeWindow = Math.ceil(WINDOW / PAGE_SIZE);
    const before = await waitFor("the first pages", async () => {
      const now = await progress(stub);
      return now.items >= pagesBeforeWindow * PAGE_SIZE ? now : undefined;
    });
    expect(before.exhausted).toBe(0);
    expect(before.items).toBeLessThan(EVENTS);
    await evictDurableObject(stub);

    // A fresh instance reads the same cursor back from storage.
    const after = await progress(stub);
    expect(after.cursor! >= before.cursor!).toBe(true);
    expect(after.items).toBeGreaterThanOrEqual(before.items);
    await runDurableObjectAlarm(stub);

    // Keep evicting while it runs.
    let evictions = 1;
    for (;;) {
      const state = (await admin("GET", `/v1/replays/${started.json.id}`)).json;
      if (state.status !== "running") break;
      await evictDurableObject(stub).then(() => evictions++, () => undefined);
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(evictions).toBeGreaterThan(3);

    const done = (await admin("GET", `/v1/replays/${started.json.id}`)).json;
    expect(done).toMatchObject({ status: "completed", total: EVENTS, processed: EVENTS, failed: 0 });
    const attempts = await attemptsByEvent(eventIds, "bulk_retry");
    expect(attempts.size).toBe(EVENTS);
    expect([...attempts.values()].filter((n) => n !== 1)).toEqual([]);
    const received = await waitFor("all deliveries", async () => {
      const r = await receiverRecords(key);
      return r.length >= EVENTS ? r : undefined;
    });
    expect(received).toHaveLength(EVENTS);
    expect(new Set(received.map((r: any) => r.headers["webhook-id"])).size).toBe(EVENTS);
  }, 90_000);

  it("alarms run by hand, with an eviction after each, walk the selection from the stored cursor", async () => {
    const p = await pipeline("evict-steps", `/ok/${uniqueKey("steps")}`);
    const { eventIds } = await seedEvents(p, 2 * PAGE_SIZE + 10);
    const started = await admin("POST", "/v1/replays", { query: { connection_id: p.connection.id } });
    const jobKey = (await env.DB.prepare("SELECT job_key FROM replays WHERE id = ?").bind(started.json.id).first<string>("job_key"))!;
    const stub = env.REPLAY.get(env.REPLAY.idFromName(jobKey));
    // Whether an alarm already fired or not, each run takes the page after the stored cursor; after
    // an eviction between runs, the next still continues from there.
    for (let step = 0; step < 6; step++) {
      await runDurableObjectAlarm(stub);
      await evictDurableObject(stub).catch(() => undefined);
    }
    const state = await progress(stub);
    expect(state).toMatchObject({ exhausted: 1, items: eventIds.length, cursor: eventIds.at(-1) });
    await waitFor("completed", async () => (await admin("GET", `/v1/replays/${started.json.id}`)).json.status === "completed");
    expect([...(await attemptsByEvent(eventIds, "bulk_retry")).values()]).toEqual(Array(eventIds.length).fill(1));
  });
});
