// npm run bench:dashboard — the dashboard's weight and speed in Debian's chromium under wrangler dev:
// the JavaScript a first load needs (gzip), and how long the events page takes to show the first
// page of 1 000 stored events (BENCH_EVENTS), from navigation to the rows on screen, median of RUNS.
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { CHROMIUM } from "../test/browser/browser";
import { startGateway } from "../test/e2e/wrangler-dev";
import { waitFor } from "../test/support/wait-for";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const gateway = await startGateway();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
try {
  // A paused destination holds every event: they are stored and listed, and nothing is sent.
  const source = (await gateway.admin("POST", "/v1/sources", { name: "bench" })).json;
  const destination = (await gateway.admin("POST", "/v1/destinations", { name: "bench", url: "http://127.0.0.1:9/never" })).json;
  await gateway.admin("POST", `/v1/destinations/${destination.id}/pause`);
  await gateway.admin("POST", "/v1/connections", { name: "bench", source_id: source.id, destination_id: destination.id });
  for (let i = 0; i < EVENTS; i += 25) {
    await Promise.all(Array.from({ length: Math.min(25, EVENTS - i) }, (_, j) =>
      fetch(`${gateway.url}/e/${source.id}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ n: i + j }) })));
  }
  await waitFor(`${EVENTS} events`, async () => (await gateway.admin("GET", "/v1/metrics?window=1h")).json.destinations[0]?.events.total === EVENTS, 180_000);

  const page = await browser.newPage();
  const scripts: number[] = [];
  page.on("response", async (r) => r.request().resourceType() === "script" && r.status() === 200 && scripts.push(gzipSync(await r.body()).length));
  await page.goto(`${gateway.url}/`);
  await page.getByLabel("API key").fill("e2e-admin-token");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("table").getByRole("link", { name: /^evt_/ }).first().waitFor();
  const firstLoadKb = scripts.reduce((a, b) => a + b, 0) / 1024;

  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    await page.goto(`${gateway.url}/events`);
    await page.getByRole("table").getByRole("link", { name: /^evt_/ }).nth(49).waitFor();
    times.push(performance.now() - start);
  }
  console.log(`first-load JavaScript: ${firstLoadKb.toFixed(1)} KB gzip`);
  console.log(`events page, first page of ${EVENTS} events (50 rows): median ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms over ${RUNS} loads`);
} finally {
  await browser.close();
  await gateway.stop();
}
