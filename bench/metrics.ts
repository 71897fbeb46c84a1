// npm run bench:metrics — GET /v1/metrics and /v1/metrics/prometheus over the seeded database of
// bench:search (bench/seed.ts; BENCH_EVENTS, default 1 000 000) under wrangler dev, beside a baseline
// measured in the same run: GET /v1/events/:id of a known event.
//
// The seeded rollups are all by the minute, as the triggers wrote them; the benchmark first runs
// the cron once (which folds minutes older than a day into hours and hours older than eight days
// into days, as it would have been doing all along), then times each window RUNS times. It also
// times the rollup triggers themselves: one event's lifecycle (request, event, attempt, status
// change) written with and without them, in node:sqlite, in alternating rounds.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { newId } from "../src/ids";
import { ROOT } from "../test/e2e/wrangler-dev";
import { seededGateway } from "./seed";

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const TARGET_P95_MS = 100;
const LIFECYCLES = 20_000;
const METRIC_TRIGGERS = ["metric_requests_insert", "metric_events_insert", "metric_events_status", "metric_attempts_insert"];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Microseconds per event lifecycle written to an in-memory database with every migration applied. */
function lifecycleMicros(withTriggers: boolean): number {
  const db = new DatabaseSync(":memory:");
  const dir = join(ROOT, "migrations");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".sql")).sort()) {
    for (const statement of readFileSync(join(dir, file), "utf8").split("--> statement-breakpoint")) db.exec(statement);
  }
  if (!withTriggers) for (const t of METRIC_TRIGGERS) db.exec(`DROP TRIGGER ${t}`);
  const request = db.prepare(`INSERT INTO requests (id, source_id, received_at, method, path, query, headers, body, body_size, verified, enqueued_at)
    VALUES (?, 'src_1', ?, 'POST', '', '', '{}', X'7B7D', 2, 1, ?)`);
  const event = db.prepare(`INSERT INTO events (id, request_id, connection_id, source_id, destination_id, status, created_at, updated_at)
    VALUES (?, ?, ?, 'src_1', 'des_1', 'scheduled', ?, ?)`);
  const attempt = db.prepare(`INSERT INTO attempts (id, event_id, number, trigger, url, status_code, response_headers, duration_ms, started_at)
    VALUES (?, ?, 1, 'initial', 'http://x/', 200, '{}', ?, ?)`);
  const delivered = db.prepare("UPDATE events SET status = 'successful', attempts_count = 1 WHERE id = ?");
  const start = Date.now() - LIFECYCLES * 100;
  const t0 = performance.now();
  for (let i = 0; i < LIFECYCLES; i++) {
    const at = start + i * 100;
    const requestId = newId("request", at);
    const eventId = newId("event", at);
    request.run(requestId, at, at);
    event.run(eventId, requestId, `con_${i % 20}`, at, at);
    attempt.run(newId("attempt", at), eventId, 20 + (i % 500), at);
    delivered.run(eventId);
  }
  const micros = ((performance.now() - t0) * 1000) / LIFECYCLES;
  db.close();
  return micros;
}

const rounds = { with: [] as number[], without: [] as number[] };
for (let round = 0; round < 5; round++) {
  rounds.without.push(lifecycleMicros(false));
  rounds.with.push(lifecycleMicros(true));
}

const { gateway, known, seedSeconds, events } = await seededGateway();
try {
  const cronStarted = performance.now();
  const cron = await fetch(`${gateway.url}/__scheduled?cron=${encodeURIComponent("* * * * *")}`);
  await cron.arrayBuffer();
  const cronSeconds = (performance.now() - cronStarted) / 1000;

  const d = known.destinations[3]!;
  const kinds: [string, string][] = [
    ["baseline: GET /v1/events/:id", `/v1/events/${known.eventId}`],
    ["metrics: 1h (1m buckets)", "/v1/metrics?window=1h"],
    ["metrics: 24h (5m buckets)", "/v1/metrics?window=24h"],
    ["metrics: 6h, 1m buckets", "/v1/metrics?window=6h&granularity=1m"],
    ["metrics: 7d, 1d buckets", "/v1/metrics?window=7d&granularity=1d"],
    ["metrics: 7d (1h buckets)", "/v1/metrics?window=7d"],
    ["metrics: 30d (1d buckets)", "/v1/metrics?window=30d"],
    ["metrics: 7d, one destination", `/v1/metrics?window=7d&destination_id=${d}`],
    ["metrics: 30d, one source", `/v1/metrics?window=30d&source_id=${known.sources[0]!}`],
    ["metrics/prometheus", "/v1/metrics/prometheus"],
  ];
  const results: { kind: string; first: number; p50: number; p95: number; bytes: number }[] = [];
  for (const [kind, path] of kinds) {
    const t0 = performance.now();
    const first = await fetch(`${gateway.url}${path}`, { headers: { authorization: "Bearer e2e-admin-token" } });
    const body = await first.arrayBuffer();
    const firstMs = performance.now() - t0;
    if (first.status !== 200) throw new Error(`${kind}: ${first.status} ${new TextDecoder().decode(body)}`);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const res = await fetch(`${gateway.url}${path}`, { headers: { authorization: "Bearer e2e-admin-token" } });
      await res.arrayBuffer();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    results.push({ kind, first: firstMs, p50: percentile(times, 50), p95: percentile(times, 95), bytes: body.byteLength });
  }
  const base = results[0]!;
  console.log(`\n${events} events over 30 days (seeded in ${seedSeconds.toFixed(0)} s); first cron run (folding the seeded minutes) ${cronSeconds.toFixed(1)} s; ${RUNS} runs per query\n`);
  console.log("| query | first call ms | p50 ms | p95 ms | p95 / baseline | body KB |\n|---|---|---|---|---|---|");
  for (const r of results) {
    console.log(`| ${r.kind} | ${r.first.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${(r.p95 / base.p95).toFixed(1)} | ${(r.bytes / 1024).toFixed(0)} |`);
  }
  const missed = results.filter((r) => r.p95 > TARGET_P95_MS);
  console.log(missed.length ? `\nover ${TARGET_P95_MS} ms at p95: ${missed.map((r) => r.kind).join(", ")}` : `\nevery query at or under ${TARGET_P95_MS} ms at p95`);
  const [w, wo] = [median(rounds.with), median(rounds.without)];
  console.log(`\nrollup triggers, one event's lifecycle (request + event + attempt + status change) in node:sqlite, ${LIFECYCLES} each, median of 5 rounds:`);
  console.log(`without ${wo.toFixed(1)} µs, with ${w.toFixed(1)} µs: +${(w - wo).toFixed(1)} µs (×${(w / wo).toFixed(2)}); rounds without ${rounds.without.map((x) => x.toFixed(1)).join("/")}, with ${rounds.with.map((x) => x.toFixed(1)).join("/")}`);
} finally {
  await gateway.stop();
}
