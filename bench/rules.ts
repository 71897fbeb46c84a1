// npm run bench:rules — what rules cost per event, and what fan-out costs ingest:
//   1. a 5-condition filter on a 5 KB Stripe-like event (µs per evaluation, and with the JSON parse);
//   2. a 10-field JavaScript transformation of it, sandbox start included (µs per run), beside a bare
//      JSON.parse + JSON.stringify of the same payload;
//   3. ingest throughput under wrangler dev for a source with 10 connections against one with 1
//      (the consumer routes and delivers in the same process, so fan-out shows up here).
// Parts 1 and 2 run in Node on the same code and WebAssembly build the Worker uses.
import autocannon from "autocannon";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { startReceiver } from "../test/support/receiver";
import { startGateway } from "../test/e2e/wrangler-dev";
import { matchFilter } from "../src/rules/filter";
import { DEFAULT_LIMITS } from "../src/rules/transform/limits";
import { createQuickJS } from "../src/rules/transform/quickjs";
import { runInQuickJS } from "../src/rules/transform/run";
import { payload, transformCode } from "./stripe-event";

const MIN_MS = 1000;

/** Mean µs per call of `fn`, after a warm-up, over at least MIN_MS. */
function time(fn: () => unknown) {
  for (let i = 0; i < 200; i++) fn();
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < MIN_MS) {
    for (let i = 0; i < 50; i++) fn();
    runs += 50;
  }
  return ((performance.now() - start) * 1000) / runs;
}

const filter = {
  body: {
    type: { $startsWith: "charge." },
    data: { object: { amount: { $gte: 1000 }, currency: { $in: ["eur", "usd"] }, metadata: { channel: "web" } } },
    livemode: false,
  },
};
const headers = { "content-type": "application/json", "stripe-signature": "t=1,v1=x" };
const parsed = JSON.parse(payload);
if (!matchFilter(filter, { body: parsed, headers, query: "", path: "/" })) throw new Error("the filter should match the fixture");
const filterUs = time(() => matchFilter(filter, { body: parsed, headers, query: "", path: "/" }));
const filterParseUs = time(() => matchFilter(filter, { body: JSON.parse(payload), headers, query: "", path: "/" }));

const wasmPath = createRequire(import.meta.url).resolve("@jitl/quickjs-wasmfile-release-sync/wasm");
// The project's types describe the Workers runtime, whose WebAssembly.Module cannot be constructed;
// Node's can.
const NodeModule = WebAssembly.Module as unknown as new (bytes: Uint8Array) => WebAssembly.Module;
const quickjs = await createQuickJS(new NodeModule(readFileSync(wasmPath)));
const request = { method: "POST", path: "/stripe", query: "", headers };
const transformUs = time(() => {
  const result = runInQuickJS(quickjs, { code: transformCode, request: { ...request, body: JSON.parse(payload) } }, DEFAULT_LIMITS);
  if (!result.ok) throw new Error(result.error);
});
const baselineUs = time(() => JSON.stringify(JSON.parse(payload)));

const row = (label: string, us: number) => `${label.padEnd(60)} ${us.toFixed(1).padStart(8)} µs`;
console.log(`\nrules benchmark: ${payload.length}-byte event, node ${process.version}\n`);
console.log(row("5-condition filter", filterUs));
console.log(row("5-condition filter, JSON.parse of the body included", filterParseUs));
console.log(row("10-field transformation, fresh sandbox each run", transformUs));
console.log(row("baseline: JSON.parse + JSON.stringify of the payload", baselineUs));
console.log(`ratios to the baseline: filter ${(filterParseUs / baselineUs).toFixed(1)}x, transformation ${(transformUs / baselineUs).toFixed(0)}x`);

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const [gateway, sink] = await Promise.all([startGateway({ vars: { SOURCE_CACHE_TTL_MS: "5000" } }), startReceiver()]);
try {
  const sourceWith = async (name: string, connections: number) => {
    const source = (await gateway.admin("POST", "/v1/sources", { name })).json;
    for (let i = 0; i < connections; i++) {
      const destination = (await gateway.admin("POST", "/v1/destinations", { name: `${name}-${i}`, url: `${sink.url}/ok/${name}` })).json;
      await gateway.admin("POST", "/v1/connections", { name: `c${i}`, source_id: source.id, destination_id: destination.id });
    }
    return `${gateway.url}/e/${source.id}`;
  };
  const one = await sourceWith("one", 1);
  const ten = await sourceWith("ten", 10);
  const load = async (url: string, duration: number) =>
    (await autocannon({ url, method: "POST", body: payload, headers: { "content-type": "application/json" }, connections: 20, duration })).requests.average;
  await load(one, 2);
  await load(ten, 2);
  const rounds = { one: [] as number[], ten: [] as number[] };
  for (let round = 0; round < 2; round++) {
    rounds.one.push(await load(one, DURATION_S));
    rounds.ten.push(await load(ten, DURATION_S));
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`\ningest with fan-out (20 connections, 2 rounds of ${DURATION_S} s, deliveries to a local sink in the same machine):`);
  console.log(`  1 connection:   ${mean(rounds.one).toFixed(0)} req/s (${rounds.one.map((r) => r.toFixed(0)).join("/")})`);
  console.log(`  10 connections: ${mean(rounds.ten).toFixed(0)} req/s (${rounds.ten.map((r) => r.toFixed(0)).join("/")})`);
  console.log(`  ratio 10/1: ${(mean(rounds.ten) / mean(rounds.one)).toFixed(2)}`);
  // Ingest does not wait for routing or delivery, so fan-out shows up as consumer backlog.
  const delivered = { one: sink.records.get("one")?.length ?? 0, ten: sink.records.get("ten")?.length ?? 0 };
  console.log(`  deliveries done by the end of the runs: 1-connection source ${delivered.one}, 10-connection source ${delivered.ten}`);
} finally {
  await Promise.all([gateway.stop(), sink.close()]);
}
