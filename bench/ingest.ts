// npm run bench:ingest — ingest throughput under wrangler dev, against two floors measured in the
// same run: (b) a bench-only Worker doing one D1 insert + one queue send, (c) a route that answers
// at once. 1 KB JSON bodies, 20 connections. Both Workers run side by side and are loaded in turn,
// round after round, so that both see the same machine; the figures are the medians of the rounds.
import autocannon from "autocannon";
import { join } from "node:path";
import { ROOT, startGateway } from "../test/e2e/wrangler-dev";

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 20;
const body = JSON.stringify({ id: "evt_bench", type: "invoice.paid", data: { note: "x".repeat(920) } });

interface Figures { rps: number; p50: number; p99: number; non2xx: number }

async function load(url: string, duration: number): Promise<Figures> {
  const r = await autocannon({ url, method: "POST", body, headers: { "content-type": "application/json" }, connections: CONNECTIONS, duration });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx + r.errors };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// The default source cache TTL, as deployed (the e2e default of 0 would read the source per request).
const [gateway, baseline] = await Promise.all([
  startGateway({ vars: { SOURCE_CACHE_TTL_MS: "5000" } }),
  startGateway({ config: join(ROOT, "bench/baseline/wrangler.toml") }),
]);
try {
  const source = await gateway.admin("POST", "/v1/sources", { name: "bench" });
  const targets = [
    { label: "(a) gateway ingest /e/:source", url: `${gateway.url}/e/${source.json.id}` },
    { label: "(b) 1 D1 insert + 1 queue send", url: `${baseline.url}/baseline` },
    { label: "(c) plain 200", url: `${baseline.url}/plain` },
  ];
  for (const t of targets) await load(t.url, 2); // warm-up: JIT, D1 file, queue
  const runs = targets.map(() => [] as Figures[]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, t] of targets.entries()) runs[i]!.push(await load(t.url, DURATION_S));
  }
  const summary = targets.map((t, i) => ({
    label: t.label,
    rps: median(runs[i]!.map((r) => r.rps)),
    p50: median(runs[i]!.map((r) => r.p50)),
    p99: median(runs[i]!.map((r) => r.p99)),
    non2xx: runs[i]!.reduce((n, r) => n + r.non2xx, 0),
    all: runs[i]!.map((r) => r.rps.toFixed(0)).join("/"),
  }));
  console.log(`\ningest benchmark: ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION_S} s, ${body.length}-byte JSON body\n`);
  console.log("route                               req/s    p50 ms   p99 ms   non-2xx   req/s per round");
  for (const f of summary) {
    console.log(`${f.label.padEnd(34)} ${f.rps.toFixed(0).padStart(7)} ${String(f.p50).padStart(8)} ${String(f.p99).padStart(8)} ${String(f.non2xx).padStart(9)}   ${f.all}`);
  }
  const [a, b, c] = summary as [typeof summary[0], typeof summary[0], typeof summary[0]];
  console.log(`\nratio a/b (gateway vs. insert+send floor): ${(a.rps / b.rps).toFixed(2)}`);
  console.log(`ratio a/c (gateway vs. plain 200):         ${(a.rps / c.rps).toFixed(2)}`);
} finally {
  await Promise.all([gateway.stop(), baseline.stop()]);
}
