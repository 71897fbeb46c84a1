// npm run bench:pacing — 300 events through wrangler dev to a destination limited to 10/s, and 300
// to one limited to 3 concurrent deliveries (each answer takes 50 ms), with real receivers on
// 127.0.0.1, each in a process of its own. Prints the achieved rate per one-second window, the most deliveries the second sink
// saw in flight at once, and how many events were lost (must be 0).
import { spawn } from "node:child_process";
import { join } from "node:path";
import type { ReceivedRequest } from "../test/support/receiver";
import { waitFor } from "../test/support/wait-for";
import { ROOT, startGateway } from "../test/e2e/wrangler-dev";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 300);
/** A receiver in its own process, so that sending 600 webhooks from here does not delay its clock. */
async function externalReceiver() {
  const child = spawn(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "test/support/receiver-process.ts")], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve) => child.stdout!.once("data", (d) => resolve(String(d).trim())));
  return {
    url,
    records: async (key: string): Promise<ReceivedRequest[]> => (await fetch(`${url}/records/${key}`)).json() as Promise<ReceivedRequest[]>,
    maxInFlight: async () => ((await (await fetch(`${url}/stats`)).json()) as { max_in_flight: number }).max_in_flight,
    close: async () => void child.kill("SIGTERM"),
  };
}

const [gateway, rateSink, concurrencySink] = await Promise.all([startGateway(), externalReceiver(), externalReceiver()]);

async function pipeline(name: string, url: string, limits: Record<string, unknown>) {
  const source = (await gateway.admin("POST", "/v1/sources", { name })).json;
  const destination = (await gateway.admin("POST", "/v1/destinations", { name, url, ...limits })).json;
  await gateway.admin("POST", "/v1/connections", { name, source_id: source.id, destination_id: destination.id });
  return source.id as string;
}

async function sendAll(sourceId: string, count = EVENTS) {
  for (let i = 0; i < count; i += 25) {
    await Promise.all(Array.from({ length: Math.min(25, count - i) }, (_, j) =>
      fetch(`${gateway.url}/e/${sourceId}`, { method: "POST", body: JSON.stringify({ n: i + j }) })));
  }
}

function windows(times: number[]) {
  const start = Math.min(...times);
  const end = Math.max(...times);
  // Sliding one-second windows, stepped every 50 ms: the strictest reading of "per second".
  let max = 0;
  for (let t = start; t <= end; t += 50) max = Math.max(max, times.filter((x) => x >= t && x < t + 1000).length);
  const mean = (times.length - 1) / ((end - start) / 1000);
  return { max, mean, seconds: (end - start) / 1000 };
}

try {
  const rateSource = await pipeline("rate", `${rateSink.url}/ok/rate`, { rate_limit: { limit: 10, period: "second" } });
  const concurrencySource = await pipeline("concurrency", `${concurrencySink.url}/slow/50/conc`, { max_concurrency: 3 });
  const started = Date.now();
  await Promise.all([sendAll(rateSource), sendAll(concurrencySource)]);
  const ingestMs = Date.now() - started;
  await waitFor("all deliveries", async () =>
    (await rateSink.records("rate")).length >= EVENTS && (await concurrencySink.records("conc")).length >= EVENTS, 300_000);
  await new Promise((r) => setTimeout(r, 2000));

  const rate = await rateSink.records("rate");
  if (process.env.BENCH_DUMP) (await import("node:fs")).writeFileSync(process.env.BENCH_DUMP, JSON.stringify(rate.map((r) => r.at)));
  const conc = await concurrencySink.records("conc");
  const w = windows(rate.map((r) => r.at));
  const lost = (list: typeof rate) => EVENTS - new Set(list.map((r) => JSON.parse(Buffer.from(r.body_base64!, "base64").toString()).n)).size;
  console.log(`\npacing benchmark: ${EVENTS} events each, ingested in ${ingestMs} ms\n`);
  console.log(`rate_limit 10/s:    max ${w.max} per 1 s window, mean ${w.mean.toFixed(2)}/s over ${w.seconds.toFixed(1)} s, ` +
    `deliveries ${rate.length}, lost ${lost(rate)}, duplicates ${rate.length - (EVENTS - lost(rate))}`);
  console.log(`max_concurrency 3:  max in flight ${(await concurrencySink.maxInFlight())}, deliveries ${conc.length}, lost ${lost(conc)}, ` +
    `duplicates ${conc.length - (EVENTS - lost(conc))}`);
  console.log(`rate vs. limit: max window ${(w.max / 10).toFixed(2)}x, mean ${(w.mean / 10).toFixed(2)}x`);
} finally {
  await Promise.all([gateway.stop(), rateSink.close(), concurrencySink.close()]);
}
