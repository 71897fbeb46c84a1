// npm run bench:replay — a destination back from an outage: 10,000 failed events are written
// straight into the local D1 that wrangler dev will use (one SQL file, before it starts), then
// replayed with one POST /v1/replays to a real receiver on 127.0.0.1. Prints the time until the
// replay reports `completed`, events/s, and what the receiver got (lost and duplicates must be 0).
// Baseline, in the same run: another 10,000 failed events retried one by one with
// POST /v1/events/:id/retry, the same delivery path without the replay job (its pages, claims and
// ledger); the ratio between the two is the figure that carries over to other machines.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newId } from "../src/ids";
import type { ReceivedRequest } from "../test/support/receiver";
import { waitFor } from "../test/support/wait-for";
import { ROOT, startGateway, type Gateway } from "../test/e2e/wrangler-dev";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
// D1 takes statements up to 100 KB: a few hundred rows each.
const ROWS_PER_STATEMENT = 200;
const RETRY_CONCURRENCY = 20;

type Seeded = { n: number; at: number; request: string; event: string };

/** A source → destination pipeline whose destination failed EVENTS times over the past hour. */
function pipelineSql(name: string, sinkUrl: string, start: number): { sql: string[]; rows: Seeded[] } {
  const sql = [
    `INSERT INTO sources (id, name, allowed_methods, created_at, updated_at) VALUES ('src_${name}', '${name}', '["POST"]', ${start}, ${start});`,
    `INSERT INTO destinations (id, name, url, http_method, headers, delivery_order, timeout_ms, created_at, updated_at) VALUES ('des_${name}', '${name}', '${sinkUrl}/ok/${name}', 'POST', '{}', 'any', 30000, ${start}, ${start});`,
    `INSERT INTO connections (id, name, source_id, destination_id, rules, created_at, updated_at) VALUES ('con_${name}', '${name}', 'src_${name}', 'des_${name}', '[]', ${start}, ${start});`,
  ];
  // Spread over the hour of the outage, in order, as they would have arrived.
  const rows = Array.from({ length: EVENTS }, (_, n) => {
    const at = start + Math.floor((n * 3_600_000) / EVENTS);
    return { n, at, request: newId("request", at), event: newId("event", at) };
  });
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const slice = rows.slice(i, i + ROWS_PER_STATEMENT);
    sql.push(`INSERT INTO requests (id, source_id, received_at, method, path, query, headers, body, body_size, verified, routed_at, enqueued_at, events_count) VALUES ${slice
      .map((r) => `('${r.request}', 'src_${name}', ${r.at}, 'POST', '', '', '{"content-type":"application/json"}', CAST('{"n":${r.n}}' AS BLOB), ${`{"n":${r.n}}`.length}, 0, ${r.at}, ${r.at}, 1)`).join(", ")};`);
    sql.push(`INSERT INTO events (id, request_id, connection_id, source_id, destination_id, status, attempts_count, last_response_status, created_at, updated_at) VALUES ${slice
      .map((r) => `('${r.event}', '${r.request}', 'con_${name}', 'src_${name}', 'des_${name}', 'failed', 6, 503, ${r.at}, ${r.at})`).join(", ")};`);
  }
  return { sql, rows };
}

/** The receiver in a process of its own, so that the admin calls made from here do not slow its answers. */
async function externalReceiver() {
  const child = spawn(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "test/support/receiver-process.ts")], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve) => child.stdout!.once("data", (d) => resolve(String(d).trim())));
  return {
    url,
    records: async (key: string) => (await fetch(`${url}/records/${key}`)).json() as Promise<ReceivedRequest[]>,
    close: async () => void child.kill("SIGTERM"),
  };
}

function tally(list: ReceivedRequest[]) {
  const distinct = new Set(list.map((r) => r.headers["webhook-id"])).size;
  const times = list.map((r) => r.at).sort((a, b) => a - b);
  return { count: list.length, distinct, lost: EVENTS - distinct, duplicates: list.length - distinct, last: times.at(-1) ?? 0 };
}

async function replayAll(gateway: Gateway) {
  const query = { status: "failed", destination_id: "des_replay" };
  const dryStarted = Date.now();
  const dry = (await gateway.admin("POST", "/v1/replays", { query, dry_run: true })).json;
  const dryMs = Date.now() - dryStarted;
  if (dry.total !== EVENTS) throw new Error(`dry run counted ${dry.total}, expected ${EVENTS}`);
  const started = Date.now();
  const replay = (await gateway.admin("POST", "/v1/replays", { query })).json;
  const samples: { at: number; processed: number }[] = [];
  const done = await waitFor("replay completed", async () => {
    await new Promise((r) => setTimeout(r, 150));
    const state = (await gateway.admin("GET", `/v1/replays/${replay.id}`)).json;
    samples.push({ at: Date.now() - started, processed: state.processed });
    return state.status !== "running" ? state : undefined;
  }, 30 * 60_000);
  return { dry, dryMs, started, done, completedMs: Date.now() - started, halfwayMs: samples.find((s) => s.processed >= EVENTS / 2)?.at };
}

async function retryOneByOne(gateway: Gateway, rows: Seeded[]) {
  const started = Date.now();
  let next = 0;
  await Promise.all(Array.from({ length: RETRY_CONCURRENCY }, async () => {
    while (next < rows.length) {
      const row = rows[next++]!;
      const res = await gateway.admin("POST", `/v1/events/${row.event}/retry`);
      if (res.status !== 202) throw new Error(`retry ${row.event}: ${res.status}`);
    }
  }));
  const queuedMs = Date.now() - started;
  // Every retried event succeeds at the receiver: none failed is left.
  await waitFor("baseline deliveries", async () => {
    await new Promise((r) => setTimeout(r, 150));
    return (await gateway.admin("GET", "/v1/events?status=failed&destination_id=des_baseline&limit=1")).json.data.length === 0;
  }, 30 * 60_000);
  return { started, queuedMs };
}

const sink = await externalReceiver();
const work = mkdtempSync(join(tmpdir(), "bench-replay-"));
const seedFile = join(work, "seed.sql");
const start = Date.now() - 60 * 60_000;
const replayPipeline = pipelineSql("replay", sink.url, start);
const baselinePipeline = pipelineSql("baseline", sink.url, start);
writeFileSync(seedFile, [...replayPipeline.sql, ...baselinePipeline.sql].join("\n"));
const seedStarted = Date.now();
const gateway = await startGateway({ beforeStart: (local) => local.executeSql(seedFile) });
const seedAndStartMs = Date.now() - seedStarted;

try {
  const replay = await replayAll(gateway);
  const replayed = tally(await sink.records("replay"));
  const baseline = await retryOneByOne(gateway, baselinePipeline.rows);
  const retried = tally(await sink.records("baseline"));
  const rate = (ms: number) => (EVENTS / (ms / 1000)).toFixed(0);
  const replayMs = replay.completedMs;
  const baselineMs = retried.last - baseline.started;

  console.log(`\nreplay benchmark: ${EVENTS} failed events per destination, seeded into local D1 (seed + wrangler dev start: ${(seedAndStartMs / 1000).toFixed(1)} s)\n`);
  console.log(`dry run:               counted ${replay.dry.total} in ${replay.dryMs} ms`);
  console.log(`replay:                status ${replay.done.status}, total ${replay.done.total}, processed ${replay.done.processed}, failed ${replay.done.failed}`);
  console.log(`  reported completed   ${(replayMs / 1000).toFixed(1)} s after POST /v1/replays → ${rate(replayMs)} events/s` +
    (replay.halfwayMs ? ` (half done after ${(replay.halfwayMs / 1000).toFixed(1)} s)` : ""));
  console.log(`  last delivery        ${((replayed.last - replay.started) / 1000).toFixed(1)} s after POST; receiver got ${replayed.count}, lost ${replayed.lost}, duplicates ${replayed.duplicates}`);
  console.log(`baseline (one by one): ${EVENTS} POST /v1/events/:id/retry in ${(baseline.queuedMs / 1000).toFixed(1)} s, last delivery after ${(baselineMs / 1000).toFixed(1)} s → ${rate(baselineMs)} events/s;` +
    ` receiver got ${retried.count}, lost ${retried.lost}, duplicates ${retried.duplicates}`);
  console.log(`replay vs. baseline:   ${(baselineMs / replayMs).toFixed(2)}x the baseline's rate`);
} finally {
  await Promise.all([gateway.stop(), sink.close()]);
  rmSync(work, { recursive: true, force: true });
}
