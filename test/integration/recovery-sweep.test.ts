import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { database } from "../../src/db/client";
import worker from "../../src/index";
import { sweepStragglers } from "../../src/sweep/sweep-stragglers";
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

  it("re-checks what it selected: a cancel or a new backoff that lands while it works stands", async () => {
    const p = await pipeline("sweep-race", `/ok/${uniqueKey("sweep-race")}`);
    const { eventIds: [overdue] } = await seedEvents(p, 1, { status: "scheduled", at: longAgo() });
    const { eventIds: [paused] } = await seedEvents(p, 1, { status: "paused", at: longAgo() });
    await env.DB.prepare("UPDATE events SET next_attempt_at = ? WHERE id = ?").bind(longAgo(), overdue).run();
    const backoff = Date.now() + 60_000;
    // The real D1, with two writes landing between the sweeper's reads and its writes: the overdue
    // event's attempt was recorded with a backoff, and the paused event was cancelled.
    let raced = false;
    const racing = new Proxy(env.DB, {
      get(target, name) {
        if (name !== "batch") return Reflect.get(target, name).bind(target);
        return async (statements: D1PreparedStatement[]) => {
          if (!raced) {
            raced = true;
            await target.batch([
              target.prepare("UPDATE events SET next_attempt_at = ? WHERE id = ?").bind(backoff, overdue),
              target.prepare("UPDATE events SET status = 'cancelled' WHERE id = ?").bind(paused),
            ]);
          }
          return target.batch(statements);
        };
      },
    });
    const sent: unknown[] = [];
    await sweepStragglers(database(racing), async (messages) => sent.push(...messages), Date.now(), 60_000);
    expect(raced).toBe(true);
    const rows = await env.DB.prepare("SELECT id, status, next_attempt_at FROM events WHERE id IN (?, ?) ORDER BY id").bind(overdue, paused).all();
    expect(rows.results).toEqual([
      { id: overdue, status: "scheduled", next_attempt_at: backoff },
      { id: paused, status: "cancelled", next_attempt_at: null },
    ]);
    expect(sent).toEqual([]);
  });
});
