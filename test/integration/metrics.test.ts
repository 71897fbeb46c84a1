import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { Metrics } from "../../src/admin/metrics";
import { newId } from "../../src/ids";
import { admin, created, ingest, pipeline, uniqueKey, waitFor } from "./gateway";
import { seed, seedRejected } from "./metrics-seed";

// GET /v1/metrics (docs/observability.md § Metrics). Traffic with known figures is written straight
// into D1, as ingest, routing and delivery would have left it (the migration's triggers roll it up
// as they would live traffic), so that counts and histogram percentiles are known; one test sends
// live traffic through the real pipeline.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const now = Date.now();

type Pipeline = Awaited<ReturnType<typeof pipeline>>;
let a: Pipeline; // source A → destination A
let b: Pipeline; // source B → destination B
let c: { id: string }; // source A → destination B

const metrics = async (query: string): Promise<Metrics> => {
  const res = await admin("GET", `/v1/metrics?${query}`);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json;
};
const source = (m: Metrics, id: string) => m.sources.find((s) => s.source_id === id)!;
const connection = (m: Metrics, id: string) => m.connections.find((s) => s.connection_id === id)!;
const destination = (m: Metrics, id: string) => m.destinations.find((s) => s.destination_id === id)!;

beforeAll(async () => {
  a = await pipeline("metrics-a", `/ok/${uniqueKey("ma")}`);
  b = await pipeline("metrics-b", `/ok/${uniqueKey("mb")}`);
  c = await created("/v1/connections", { name: "a-to-b", source_id: a.source.id, destination_id: b.destination.id });
  const recent = now - 10 * MINUTE;
  // Connection A: 20 attempts of 10, 20, ... 200 ms on three successful events; 15 answered 200,
  // 4 answered 500, 1 timed out.
  const durations = Array.from({ length: 20 }, (_, i) => ({ ms: (i + 1) * 10, code: i < 15 ? 200 : i < 19 ? 500 : null }));
  await seed(a.source.id, a.connection.id, a.destination.id, [
    { status: "successful", at: recent, attempts: durations.slice(0, 7) },
    { status: "successful", at: recent + 1, attempts: durations.slice(7, 14) },
    { status: "successful", at: recent + 2, attempts: durations.slice(14, 15) },
    { status: "failed", at: recent + 3, attempts: durations.slice(15) },
    { status: "scheduled", at: now - 30 * MINUTE },
    { status: "scheduled", at: now - 7 * MINUTE },
    { status: "paused", at: recent + 4 },
    // Outside a one-hour window: two delivered events (one with a 9999 ms attempt) and one still waiting.
    { status: "successful", at: now - 2 * HOUR, attempts: [{ ms: 9_999, code: 200 }] },
    { status: "successful", at: now - 2 * HOUR + 1 },
    { status: "scheduled", at: now - 3 * HOUR },
  ]);
  await seedRejected(a.source.id, 2, recent);
  await seedRejected(a.source.id, 1, now - 2 * HOUR);
  await seed(b.source.id, b.connection.id, b.destination.id, [{ status: "successful", at: recent, attempts: [{ ms: 50, code: 200 }] }]);
  await seed(a.source.id, c.id, b.destination.id, [{ status: "successful", at: recent, attempts: [{ ms: 300, code: 200 }, { ms: 400, code: 200 }] }]);
});

describe("GET /v1/metrics", () => {
  it("reports per connection: events by status, attempts, success rate, latency and the queue", async () => {
    const m = await metrics("window=1h");
    expect(m.window).toBe("1h");
    expect(m.granularity).toBe("1m");
    // The window starts at its first bucket's start.
    expect(Date.parse(m.to) - Date.parse(m.from)).toBeGreaterThanOrEqual(HOUR);
    expect(Date.parse(m.to) - Date.parse(m.from)).toBeLessThan(HOUR + MINUTE);
    expect(Date.parse(m.from) % MINUTE).toBe(0);
    expect(m.latency_sampled).toBe(false);
    const conn = connection(m, a.connection.id);
    expect(conn).toMatchObject({
      source_id: a.source.id,
      destination_id: a.destination.id,
      events: { total: 7, scheduled: 2, paused: 1, successful: 3, failed: 1, cancelled: 0 },
      attempts: { total: 20, successful: 15, failed: 5, http_error: 4, no_response: 1, success_rate: 0.75 },
      // 20 durations, 10 in the bucket up to 100 ms, 10 above it up to the largest, 200: the 10th
      // is 100, the 19th interpolates to 190, the 20th is the largest.
      latency_ms: { p50: 100, p95: 190, p99: 200 },
    });
    // The queue is counted now, whatever the window: the event waiting for three hours is in it.
    expect(conn.queue.scheduled).toBe(3);
    expect(conn.queue.oldest_scheduled_age_ms).toBeGreaterThanOrEqual(3 * HOUR);
    expect(conn.queue.oldest_scheduled_age_ms).toBeLessThan(3 * HOUR + 5 * MINUTE);
  });

  it("adds up per source and per destination across connections", async () => {
    const m = await metrics("window=1h");
    const sourceA = source(m, a.source.id);
    // Source A feeds connections A and C: 7 + 1 accepted requests in the window, 2 rejected.
    expect(sourceA.requests).toEqual({ total: 10, accepted: 8, rejected: 2 });
    expect(sourceA.events).toMatchObject({ total: 8, successful: 4, failed: 1, scheduled: 2, paused: 1 });
    expect(sourceA.attempts).toEqual({ total: 22, successful: 17, failed: 5, http_error: 4, no_response: 1, success_rate: 0.7727 });
    // 10..200 ms, 300 and 400. Nearest-rank would say 110, 300 and 400; the histogram places the
    // 11th at a tenth of its bucket (100, 250], the 21st half-way up (250, 400] (400: the largest).
    expect(sourceA.latency_ms).toEqual({ p50: 115, p95: 325, p99: 400 });
    expect(sourceA.queue.scheduled).toBe(3);

    const destB = destination(m, b.destination.id);
    // Connections B (50 ms) and C (300, 400 ms) deliver to destination B.
    expect(destB).toMatchObject({
      events: { total: 2, successful: 2 },
      attempts: { total: 3, successful: 3, failed: 0, success_rate: 1 },
      // 50, 300, 400 ms: the 2nd is half-way up (250, 400].
      latency_ms: { p50: 325, p95: 400, p99: 400 },
      queue: { scheduled: 0, oldest_scheduled_age_ms: null },
    });
    expect(source(m, b.source.id)).toMatchObject({ requests: { total: 1, accepted: 1, rejected: 0 }, latency_ms: { p50: 50, p95: 50, p99: 50 } });
  });

  it("leaves out rows older than the window", async () => {
    const wide = await metrics("window=PT4H");
    const narrow = await metrics("window=1h");
    const wideA = source(wide, a.source.id);
    const narrowA = source(narrow, a.source.id);
    expect(wideA.requests.total - narrowA.requests.total).toBe(4);
    expect(wideA.requests.rejected - narrowA.requests.rejected).toBe(1);
    const wideConn = connection(wide, a.connection.id);
    expect(wideConn.events).toMatchObject({ total: 10, successful: 5, scheduled: 3 });
    expect(wideConn.attempts.total).toBe(21);
    expect(wideConn.latency_ms!.p99).toBe(9_999);

    // Five minutes holds none of connection A's events or attempts, but the queue is now's.
    const recent = await metrics("window=5m");
    expect(connection(recent, a.connection.id)).toMatchObject({
      events: { total: 0 }, attempts: { total: 0, success_rate: null }, latency_ms: null, queue: { scheduled: 3 },
    });
  });

  it("narrows to one source, connection or destination", async () => {
    const byConnection = await metrics(`window=1h&connection_id=${c.id}`);
    expect(byConnection.connections.map((x) => x.connection_id)).toEqual([c.id]);
    expect(byConnection.destinations.map((x) => x.destination_id)).toEqual([b.destination.id]);
    expect(byConnection.destinations[0]!.latency_ms).toEqual({ p50: 325, p95: 400, p99: 400 });
    // Requests know only their source: connection C's are source A's.
    expect(byConnection.sources).toHaveLength(1);
    expect(byConnection.sources[0]).toMatchObject({ source_id: a.source.id, requests: { total: 10 }, attempts: { total: 2 } });

    const byDestination = await metrics(`window=1h&destination_id=${b.destination.id}`);
    expect(byDestination.connections.map((x) => x.connection_id).sort()).toEqual([b.connection.id, c.id].sort());

    const bySource = await metrics(`window=1h&source_id=${b.source.id}`);
    expect(bySource.sources.map((x) => x.source_id)).toEqual([b.source.id]);
    expect(bySource.connections.map((x) => x.connection_id)).toEqual([b.connection.id]);
  });

  it("counts interrupted and dead-lettered attempts as failures, but leaves them out of latency: no request was timed", async () => {
    const d = await pipeline("metrics-d", `/ok/${uniqueKey("md")}`);
    await seed(d.source.id, d.connection.id, d.destination.id, [{ status: "successful", at: now - 10 * MINUTE, attempts: [
      { ms: 0, code: null, error: "interrupted" }, { ms: 0, code: null, error: "dead_lettered" }, { ms: 80, code: 200 },
    ] }]);
    const m = await metrics(`window=1h&connection_id=${d.connection.id}`);
    expect(connection(m, d.connection.id)).toMatchObject({
      attempts: { total: 3, successful: 1, failed: 2, http_error: 0, no_response: 2 },
      latency_ms: { p50: 80, p95: 80, p99: 80 },
    });
  });

  it("answers 400 naming `window` for a window it does not understand or allow", async () => {
    for (const window of ["2y", "0m", "31d", "PT", "1h30", "P31D", ""]) {
      const res = await admin("GET", `/v1/metrics?window=${window}`);
      expect(res.status, window).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.json.errors.map((e: { path: string }) => e.path)).toEqual(["query.window"]);
    }
    const badId = await admin("GET", "/v1/metrics?source_id=con_123");
    expect(badId.status).toBe(400);
    expect(badId.json.errors[0].path).toBe("query.source_id");
    expect((await admin("GET", "/v1/metrics?window=P1DT12H")).status).toBe(200);
    for (const query of ["window=7h&granularity=1m", "window=2d&granularity=5m", "window=8d&granularity=1h", "granularity=2m"]) {
      const res = await admin("GET", `/v1/metrics?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.json.errors.map((e: { path: string }) => e.path)).toEqual(["query.granularity"]);
    }
    expect((await admin("GET", "/v1/metrics")).json.window).toBe("1h");
  });

  it("computes latency from every attempt of a busy window, not a sample", async () => {
    const busy = await pipeline("metrics-busy", `/ok/${uniqueKey("busy")}`);
    const at = now - 20 * MINUTE;
    await seed(busy.source.id, busy.connection.id, busy.destination.id, [{ status: "successful", at }]);
    const eventId = await env.DB.prepare("SELECT id FROM events WHERE connection_id = ?").bind(busy.connection.id).first<string>("id");
    // Attempt i (0 to 10,000) lasts i ms, but the first lasts 999,999 ms.
    await env.DB.prepare(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
      INSERT INTO attempts (id, event_id, number, trigger, url, status_code, response_headers, duration_ms, started_at)
      SELECT ? || printf('%06d', i), ?, i + 1, 'automatic', 'http://127.0.0.1/x', 200, '{}', CASE WHEN i = 0 THEN 999999 ELSE i END, ? FROM n`)
      .bind(newId("attempt", at).slice(0, 14), eventId, at).run();

    const m = await metrics(`window=1h&source_id=${busy.source.id}`);
    expect(m.latency_sampled).toBe(false);
    // 1..10,000 ms and one of 999,999: 5,000 of them in (5 s, 10 s], interpolated by rank.
    expect(m.connections[0]).toMatchObject({ attempts: { total: 10_001, successful: 10_001 }, latency_ms: { p50: 5_001, p95: 9_501, p99: 9_901 } });
  });

  it("answers time buckets at the granularity asked, every one from `from` to `to`, adding up to the totals", async () => {
    const m = await metrics(`window=1h&granularity=5m&connection_id=${a.connection.id}`);
    expect(m.granularity).toBe("5m");
    expect(m.buckets.length).toBeGreaterThanOrEqual(12);
    expect(m.buckets.length).toBeLessThanOrEqual(13);
    expect(m.buckets[0]!.start).toBe(m.from);
    m.buckets.forEach((b, i) => expect(Date.parse(b.start) - Date.parse(m.from)).toBe(i * 5 * MINUTE));
    const conn = connection(m, a.connection.id);
    const sum = (pick: (b: Metrics["buckets"][number]) => number) => m.buckets.reduce((total, b) => total + pick(b), 0);
    expect(sum((b) => b.events.total)).toBe(conn.events.total);
    expect(sum((b) => b.attempts.total)).toBe(conn.attempts.total);
    expect(sum((b) => b.requests.total)).toBe(source(m, a.source.id).requests.total);
    // The four delivered or failed events and the paused one were created in the same few milliseconds.
    const recentBucket = m.buckets.find((b) => b.events.successful === 3)!;
    expect(recentBucket.events).toMatchObject({ failed: 1, paused: 1 });
    expect(recentBucket.attempts).toMatchObject({ total: 20, successful: 15 });
    expect(recentBucket.latency_ms).toEqual({ p50: 100, p95: 190, p99: 200 });

    // Defaults per window: minutes up to 2 hours, then 5 minutes, hours up to a week, days beyond.
    expect((await metrics("window=24h")).granularity).toBe("5m");
    const week = await metrics("window=7d");
    expect(week.granularity).toBe("1h");
    expect(week.buckets.length).toBeGreaterThanOrEqual(168);
    const month = await metrics(`window=30d&connection_id=${a.connection.id}`);
    expect(month.granularity).toBe("1d");
    expect(month.buckets.length).toBeGreaterThanOrEqual(30);
    expect(connection(month, a.connection.id).events.total).toBe(10);
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await admin("GET", "/openapi.json")).json;
    expect(doc.paths["/v1/metrics"].get.parameters.map((p: { name: string }) => p.name)).toEqual(["window", "granularity", "source_id", "connection_id", "destination_id"]);
    expect(doc.components.schemas.Metrics).toBeDefined();
    expect(doc.paths["/v1/metrics/prometheus"].get.responses["200"].content["text/plain"]).toBeDefined();
  });

  it("counts live traffic through the real pipeline, with the destination's response time as latency", async () => {
    const key = uniqueKey("slow");
    const live = await pipeline("metrics-live", `/slow/250/${key}`);
    const res = await ingest(live.source.id, { body: "{}", headers: { "content-type": "application/json" } });
    const { request_id } = (await res.json()) as { request_id: string };
    await waitFor("delivered", async () =>
      (await env.DB.prepare("SELECT status FROM events WHERE request_id = ?").bind(request_id).first("status")) === "successful");

    const m = await metrics(`window=5m&source_id=${live.source.id}`);
    expect(m.sources[0]).toMatchObject({
      requests: { total: 1, accepted: 1, rejected: 0 },
      events: { total: 1, successful: 1 },
      attempts: { total: 1, successful: 1, success_rate: 1 },
    });
    expect(m.sources[0]!.latency_ms!.p50).toBeGreaterThanOrEqual(250);
    expect(m.sources[0]!.latency_ms!.p50).toBeLessThan(5_000);
  });
});
