import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import { deliverMsg, routeMsg } from "../../src/queue/messages";
import { admin, created, eventsOf, ingest, pipeline, receiverRecords, receiverUrl, uniqueKey, waitFor } from "./gateway";
import { runQueueBatch } from "./queue-batch";


async function acceptedRequest(label: string, sinkPath: string) {
  const { source } = await pipeline(label, sinkPath);
  const res = await ingest(source.id, { body: JSON.stringify({ label }) });
  return ((await res.json()) as { request_id: string }).request_id;
}

const attemptCount = async (eventId: string) =>
  (await env.DB.prepare("SELECT count(*) AS n FROM attempts WHERE event_id = ?").bind(eventId).first<number>("n")) ?? 0;

describe("queue consumer", () => {
  it("routing the same request twice creates no second event", async () => {
    const key = uniqueKey("reroute");
    const requestId = await acceptedRequest("reroute", `/ok/${key}`);
    await waitFor("routed", async () => (await eventsOf(requestId)).length === 1);
    const result = await runQueueBatch([routeMsg(requestId), routeMsg(requestId)]);
    expect(result.explicitAcks).toHaveLength(2);
    expect(result.retryMessages).toHaveLength(0);
    expect(await eventsOf(requestId)).toHaveLength(1);
  });

  it("a redelivered message for an event that already succeeded makes no second attempt", async () => {
    const key = uniqueKey("redeliver");
    const requestId = await acceptedRequest("redeliver", `/ok/${key}`);
    const [event] = await waitFor("successful", async () => {
      const e = await eventsOf(requestId);
      return e[0]?.status === "successful" ? e : undefined;
    });
    const result = await runQueueBatch([deliverMsg(event.id, event.destination_id, "initial")]);
    expect(result.explicitAcks).toHaveLength(1);
    expect(await attemptCount(event.id)).toBe(1);
    expect(await receiverRecords(key)).toHaveLength(1);
  });

  it("two copies of one message in flight together make one attempt", async () => {
    const key = uniqueKey("twins");
    const { source, destination, connection } = await pipeline("twins", `/slow/300/${key}`);
    // An event written as the router would, but whose message we deliver ourselves, twice at once.
    const now = Date.now();
    const requestId = `req_${crypto.randomUUID().replaceAll("-", "")}`;
    const eventId = `evt_${crypto.randomUUID().replaceAll("-", "")}`;
    await env.DB.batch([
      env.DB.prepare("INSERT INTO requests (id, source_id, received_at, method, path, query, headers, body, body_size, verified, routed_at, enqueued_at) VALUES (?, ?, ?, 'POST', '', '', '{}', x'7b7d', 2, 0, ?, ?)").bind(requestId, source.id, now, now, now),
      env.DB.prepare("INSERT INTO events (id, request_id, connection_id, source_id, destination_id, status, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'scheduled', ?, ?, ?)").bind(eventId, requestId, connection.id, source.id, destination.id, now, now, now),
    ]);
    const result = await runQueueBatch([deliverMsg(eventId, destination.id, "initial"), deliverMsg(eventId, destination.id, "initial")]);
    expect(result.explicitAcks).toHaveLength(2);
    expect(await attemptCount(eventId)).toBe(1);
    expect(await receiverRecords(key)).toHaveLength(1);
  });

  it("acknowledges a message of an unknown shape instead of retrying it forever", async () => {
    const result = await runQueueBatch([{ kind: "mystery", v: 9 }, "not even an object"]);
    expect(result.explicitAcks).toHaveLength(2);
    expect(result.retryMessages).toHaveLength(0);
  });

  it("a slow destination does not hold up a healthy one in the same batch", async () => {
    const hangKey = uniqueKey("hang");
    const okKey = uniqueKey("fast");
    const slow = await pipeline("hang", `/hang/${hangKey}`, [{ type: "retry", strategy: "linear", count: 0, interval_ms: 1000 }], { timeout_ms: 4000 });
    const fast = await pipeline("fast", `/ok/${okKey}`);
    const ids = async (p: typeof slow, n: number) => {
      const out: string[] = [];
      for (let i = 0; i < n; i++) out.push(((await (await ingest(p.source.id, { body: "{}" })).json()) as any).request_id);
      return out;
    };
    // Six slow events could take every one of the six outbound slots if nothing shared them out.
    const slowRequests = await ids(slow, 6);
    const fastRequests = await ids(fast, 4);
    const started = Date.now();
    const fastDone = await waitFor("healthy deliveries", async () => ((await receiverRecords(okKey)).length === 4 ? Date.now() : undefined));
    expect(fastDone - started).toBeLessThan(3500);
    for (const id of slowRequests) {
      await waitFor("timed-out event fails", async () => (await eventsOf(id))[0]?.status === "failed");
    }
    const attempt = await admin("GET", `/v1/events/${(await eventsOf(slowRequests[0]!))[0].id}/attempts`);
    expect(attempt.json.data[0]).toMatchObject({ status_code: null, error: "timeout" });
    expect(fastRequests).toHaveLength(4);
  });

  it("an event whose consumer crashed mid-delivery is swept, its lost attempt recorded as interrupted, and delivered", async () => {
    const key = uniqueKey("crash");
    const { source, destination, connection } = await pipeline("crash", `/ok/${key}`);
    const long = Date.now() - 5 * 60_000;
    const requestId = `req_${crypto.randomUUID().replaceAll("-", "")}`;
    const eventId = `evt_${crypto.randomUUID().replaceAll("-", "")}`;
    // As a crash leaves it: claimed (lease set, now expired), never recorded, its message gone.
    await env.DB.batch([
      env.DB.prepare("INSERT INTO requests (id, source_id, received_at, method, path, query, headers, body, body_size, verified, routed_at, enqueued_at) VALUES (?, ?, ?, 'POST', '', '', '{}', x'7b7d', 2, 0, ?, ?)").bind(requestId, source.id, long, long, long),
      env.DB.prepare("INSERT INTO events (id, request_id, connection_id, source_id, destination_id, status, next_attempt_at, lease_until, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'scheduled', ?, ?, ?, ?)").bind(eventId, requestId, connection.id, source.id, destination.id, long, long + 1000, long, long),
    ]);
    const ctx = createExecutionContext();
    await (worker as ExportedHandler<Cloudflare.Env>).scheduled!({ cron: "* * * * *", scheduledTime: Date.now(), noRetry() {} } as any, env, ctx);
    await waitOnExecutionContext(ctx);
    await waitFor("delivered", async () => (await eventsOf(requestId))[0]?.status === "successful");
    expect(await receiverRecords(key)).toHaveLength(1);
    const { results } = await env.DB.prepare("SELECT number, trigger, status_code, error FROM attempts WHERE event_id = ? ORDER BY number").bind(eventId).all();
    expect(results).toEqual([
      { number: 1, trigger: "initial", status_code: null, error: "interrupted" },
      { number: 2, trigger: "automatic", status_code: 200, error: null },
    ]);
  });

  it("delivers a batch of ten 10 MiB events, streaming each body from D1", async () => {
    const key = uniqueKey("tenbig");
    const source = await created("/v1/sources", { name: key });
    for (let i = 0; i < 10; i++) {
      const dest = await created("/v1/destinations", { name: `${key}-${i}`, url: `${receiverUrl()}/ok/${key}` });
      await created("/v1/connections", { name: `c${i}`, source_id: source.id, destination_id: dest.id });
    }
    const body = new Uint8Array(10 * 1024 * 1024);
    for (let i = 0; i < body.length; i += 65536) crypto.getRandomValues(body.subarray(i, i + 65536));
    const digest = [...new Uint8Array(await crypto.subtle.digest("SHA-256", body))].map((b) => b.toString(16).padStart(2, "0")).join("");
    const res = await ingest(source.id, { body });
    expect(res.status).toBe(200);
    const received = await waitFor("ten deliveries", async () => {
      const r = await receiverRecords(key);
      return r.length === 10 ? r : undefined;
    }, 60_000);
    expect(received.every((r: any) => r.body_sha256 === digest && r.body_size === body.length)).toBe(true);
    expect(new Set(received.map((r: any) => r.headers["webhook-id"])).size).toBe(10);
  }, 90_000);
});
