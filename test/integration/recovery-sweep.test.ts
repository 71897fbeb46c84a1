import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import { admin, eventsOf, pipeline, receiverRecords, uniqueKey, waitFor } from "./gateway";
import { seedEvents } from "./recovery-seed";

// The straggler sweep covers every waiting state that has a deadline (docs/recovery.md): here, one
// straggler of each kind whose queue message vanished, each delivered anyway after one cron pass.
// (A running replay whose alarm was lost is in replay.test.ts.)

async function cron() {
  const ctx = createExecutionContext();
  await (worker as ExportedHandler<Cloudflare.Env>).scheduled!({ cron: "* * * * *", scheduledTime: Date.now(), noRetry() {} } as any, env, ctx);
  await waitOnExecutionContext(ctx);
}

const longAgo = () => Date.now() - 10 * 60_000;

describe("straggler sweep", () => {
  it("delivers an event whose automatic retry message vanished", async () => {
    const key = uniqueKey("sweep-retry");
    const p = await pipeline("sweep-retry", `/ok/${key}`);
    // After a failed first attempt, as delivery leaves it: scheduled, due a while ago, no lease.
    const { eventIds: [eventId] } = await seedEvents(p, 1, { status: "scheduled", at: longAgo() });
    await env.DB.prepare("UPDATE events SET next_attempt_at = ? WHERE id = ?").bind(longAgo(), eventId).run();
    await cron();
    await waitFor("delivered", async () => (await admin("GET", `/v1/events/${eventId}`)).json.status === "successful");
    const attempts = (await admin("GET", `/v1/events/${eventId}/attempts`)).json.data;
    expect(attempts.map((a: any) => a.trigger)).toEqual(["automatic"]);
    expect(await receiverRecords(key)).toHaveLength(1);
  });

  it("routes and delivers a request whose route message vanished", async () => {
    const key = uniqueKey("sweep-route");
    const p = await pipeline("sweep-route", `/ok/${key}`);
    const requestId = `req_${crypto.randomUUID().replaceAll("-", "")}`;
    await env.DB.prepare("INSERT INTO requests (id, source_id, received_at, method, path, query, headers, body, body_size, verified, enqueued_at) VALUES (?, ?, ?, 'POST', '', '', '{}', x'7b7d', 2, 0, ?)")
      .bind(requestId, p.source.id, longAgo(), longAgo()).run();
    await cron();
    await waitFor("delivered", async () => (await eventsOf(requestId))[0]?.status === "successful");
    expect(await receiverRecords(key)).toHaveLength(1);
  });

  it("releases a paused event whose release message vanished once its destination runs again", async () => {
    const key = uniqueKey("sweep-paused");
    const p = await pipeline("sweep-paused", `/ok/${key}`);
    const { eventIds: [eventId] } = await seedEvents(p, 1, { status: "paused", at: longAgo() });
    await cron();
    await waitFor("delivered", async () => (await admin("GET", `/v1/events/${eventId}`)).json.status === "successful");
    expect((await admin("GET", `/v1/events/${eventId}/attempts`)).json.data.map((a: any) => a.trigger)).toEqual(["unpause"]);
  });

  it("leaves a paused event alone while its destination is paused", async () => {
    const key = uniqueKey("sweep-held");
    const p = await pipeline("sweep-held", `/ok/${key}`);
    await admin("POST", `/v1/destinations/${p.destination.id}/pause`);
    const { eventIds: [eventId] } = await seedEvents(p, 1, { status: "paused", at: longAgo() });
    await cron();
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await admin("GET", `/v1/events/${eventId}`)).json.status).toBe("paused");
    expect(await receiverRecords(key)).toHaveLength(0);
  });
});
