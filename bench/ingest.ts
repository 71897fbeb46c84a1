// npm run bench:ingest — ingest throughput under wrangler dev, against two floors measured in the
// same run: (b) a bench-only Worker doing one D1 insert + one queue send, (c) a route that answers
// at once. 1 KB JSON bodies, 20 connections, 10 s each; each Worker runs alone on the machine.
import autocannon from "autocannon";
import { join } from "node:path";
import { ROOT, startGateway } from "../test/e2e/wrangler-dev";

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = 20;
const body = JSON.stringify({ id: "evt_bench", type: "invoice.paid", data: { note: "x".repeat(920) } });

interface Figures { label: string; rps: number; p50: number; p99: number; non2xx: number }

async function load(label: string, url: string): Promise<Figures> {
  const opts = { url, method: "POST" as const, body, headers: { "content-type": "application/json" }, connections: CONNECTIONS };
  await autocannon({ ...opts, duration: 2 }); // warm-up: JIT, D1 file, queue
  const r = await autocannon({ ...opts, duration: DURATION_S });
  return { label, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx + r.errors };
}

// The default source cache TTL, as deployed (the e2e default of 0 would read the source per request).
const gateway = await startGateway({ vars: { SOURCE_CACHE_TTL_MS: "5000" } });
let ours: Figures;
try {
  const source = await gateway.admin("POST", "/v1/sources", { name: "bench" });
  ours = await load("(a) gateway ingest /e/:source", `${gateway.url}/e/${source.json.id}`);
} finally {
  await gateway.stop();
}

const baseline = await startGateway({ config: join(ROOT, "bench/baseline/wrangler.toml") });
let floor: Figures;
let plain: Figures;
try {
  floor = await load("(b) 1 D1 insert + 1 queue send", `${baseline.url}/baseline`);
  plain = await load("(c) plain 200", `${baseline.url}/plain`);
} finally {
  await baseline.stop();
}

console.log(`\ningest benchmark: ${CONNECTIONS} connections, ${DURATION_S} s, ${body.length}-byte JSON body\n`);
console.log("route                               req/s    p50 ms   p99 ms   non-2xx");
for (const f of [ours, floor, plain]) {
  console.log(`${f.label.padEnd(34)} ${f.rps.toFixed(0).padStart(7)} ${String(f.p50).padStart(8)} ${String(f.p99).padStart(8)} ${String(f.non2xx).padStart(9)}`);
}
console.log(`\nratio a/b (gateway vs. insert+send floor): ${(ours.rps / floor.rps).toFixed(2)}`);
console.log(`ratio a/c (gateway vs. plain 200):         ${(ours.rps / plain.rps).toFixed(2)}`);
