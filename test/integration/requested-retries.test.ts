import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { deliverMsg } from "../../src/queue/messages";
import { admin, pipeline, receiverRecords, uniqueKey, waitFor } from "./gateway";
import { runQueueBatch } from "./queue-batch";
import { seedEvents } from "./recovery-seed";

// A retry a person asked for (manual or bulk) always ends in an attempt: one that meets another
// attempt in flight comes back when that one ends, instead of being acknowledged with nothing done.
// And a paused event keeps waiting for its unpause after a manual retry that failed (spec §2).

const attemptsOf = async (eventId: string) => (await admin("GET", `/v1/events/${eventId}/attempts`)).json.data as any[];

describe("requested retries", () => {
  it("a manual retry that meets a held lease is made once the lease ends", async () => {
    const key = uniqueKey("manual-held");
    const p = await pipeline("manual-held", `/ok/${key}`);
    const { eventIds: [eventId] } = await seedEvents(p, 1);
    await env.DB.prepare("UPDATE events SET lease_until = ? WHERE id = ?").bind(Date.now() + 1_500, eventId).run();
    await runQueueBatch([deliverMsg(eventId!, p.destination.id, "manual")]);
    const attempts = await waitFor("the manual attempt", async () => {
      const list = await attemptsOf(eventId!);
      return list.some((a) => a.trigger === "manual") && list;
    }, 10_000);
    expect(attempts.filter((a) => a.trigger === "manual")).toEqual([expect.objectContaining({ status_code: 200 })]);
    expect(await receiverRecords(key)).toHaveLength(1);
  });

  it("a bulk retry item that meets a held lease is not counted done until its attempt is made", async () => {
    const key = uniqueKey("bulk-held");
    const p = await pipeline("bulk-held", `/ok/${key}`);
    const { eventIds: [eventId] } = await seedEvents(p, 1);
    await env.DB.prepare("UPDATE events SET lease_until = ? WHERE id = ?").bind(Date.now() + 1_500, eventId).run();
    const started = await admin("POST", "/v1/replays", { query: { status: "failed", destination_id: p.destination.id } });
    expect(started.status).toBe(201);
    const replay = await waitFor("replay completed", async () => {
      const r = (await admin("GET", `/v1/replays/${started.json.id}`)).json;
      return r.status === "completed" && r;
    }, 15_000);
    expect(replay).toMatchObject({ total: 1, processed: 1 });
    // (The lease it met lapsed unreleased, so its claim also records that attempt as interrupted.)
    expect((await attemptsOf(eventId!)).filter((a) => a.trigger === "bulk_retry")).toEqual([expect.objectContaining({ status_code: 200 })]);
  });

  it("a paced bulk retry item is counted done only once its attempt is recorded", async () => {
    const p = await pipeline("bulk-paced", `/ok/${uniqueKey("bulk-paced")}`, [], { rate_limit: { limit: 1, period: "second" } });
    const { eventIds } = await seedEvents(p, 3);
    const started = await admin("POST", "/v1/replays", { query: { status: "failed", destination_id: p.destination.id } });
    expect(started.status).toBe(201);
    await waitFor("replay completed", async () => (await admin("GET", `/v1/replays/${started.json.id}`)).json.status === "completed", 15_000);
    const { results } = await env.DB.prepare("SELECT count(*) AS n FROM attempts WHERE trigger = 'bulk_retry' AND event_id IN (SELECT value FROM json_each(?))")
      .bind(JSON.stringify(eventIds)).all<{ n: number }>();
    expect(results[0]!.n).toBe(3);
  });

  it("a bulk retry item whose event can no longer be delivered counts as failed, not done", async () => {
    const p = await pipeline("bulk-orphan", `/ok/${uniqueKey("bulk-orphan")}`);
    await seedEvents(p, 1);
    // The failed event stays (only waiting events are cancelled), its connection gone.
    expect((await admin("DELETE", `/v1/connections/${p.connection.id}`)).status).toBe(204);
    const started = await admin("POST", "/v1/replays", { query: { status: "failed", destination_id: p.destination.id } });
    expect(started.status).toBe(201);
    const replay = await waitFor("replay finished", async () => {
      const r = (await admin("GET", `/v1/replays/${started.json.id}`)).json;
      return r.status !== "running" && r;
    }, 15_000);
    expect(replay).toMatchObject({ status: "failed", total: 1, failed: 1 });
  });

  it("a paused event whose manual retry failed is still paused, and is delivered on unpause", async () => {
    const key = uniqueKey("paused-manual");
    const p = await pipeline("paused-manual", `/seq/500,200/${key}`);
    expect((await admin("POST", `/v1/destinations/${p.destination.id}/pause`)).status).toBe(200);
    const { eventIds: [eventId] } = await seedEvents(p, 1, { status: "paused" });
    expect((await admin("POST", `/v1/events/${eventId}/retry`)).status).toBe(202);
    await waitFor("the manual attempt", async () => (await attemptsOf(eventId!)).length === 1);
    expect((await admin("GET", `/v1/events/${eventId}`)).json.status).toBe("paused");
    expect((await admin("POST", `/v1/destinations/${p.destination.id}/unpause`)).status).toBe(200);
    await waitFor("delivered on unpause", async () => (await admin("GET", `/v1/events/${eventId}`)).json.status === "successful");
    expect((await attemptsOf(eventId!)).map((a) => [a.trigger, a.status_code])).toEqual([["manual", 500], ["unpause", 200]]);
  });
});
