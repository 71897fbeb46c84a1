import { env, SELF } from "cloudflare:test";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { beforeAll, describe, expect, it } from "vitest";
import { database } from "../../src/db/client";
import { foldRollups } from "../../src/observability/metrics/fold-rollups";
import { ORIGIN, pipeline, uniqueKey } from "./gateway";
import { seed, seedRejected } from "./metrics-seed";

// GET /v1/metrics/prometheus, read by a Prometheus text-format parser from npm
// (parse-prometheus-text-format, modelled on prom2json), as a scraper would read it. That parser
// folds a histogram's series into one and drops their labels, `_sum` and `_count` (a limitation of
// the parser, not of the format): this file's database holds a single route, so its buckets are the
// route's, and `_sum` and `_count` are read from the text.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
type Family = { name: string; type: string; help: string; metrics: { labels?: Record<string, string>; value?: string; buckets?: Record<string, string>; count?: string; sum?: string }[] };

let p: Awaited<ReturnType<typeof pipeline>>;

async function exposition(): Promise<string> {
  const res = await SELF.fetch(`${ORIGIN}/v1/metrics/prometheus`, { headers: { authorization: `Bearer ${env.ADMIN_TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
  return res.text();
}
const scrape = async () => parsePrometheusTextFormat(await exposition()) as Family[];
const family = (families: Family[], name: string) => families.find((f) => f.name === name)!;
const ours = (f: Family) => f.metrics.filter((m) => m.labels?.connection === p.connection.id);

beforeAll(async () => {
  p = await pipeline("prom", `/ok/${uniqueKey("prom")}`);
  const now = Date.now();
  await seed(p.source.id, p.connection.id, p.destination.id, [
    { status: "successful", at: now - 5 * MINUTE, attempts: [{ ms: 20, code: 500 }, { ms: 80, code: 200 }] },
    { status: "failed", at: now - 4 * MINUTE, attempts: [{ ms: 31_000, code: null, error: "timeout" }] },
    { status: "scheduled", at: now - 3 * MINUTE },
    // Past retention: purged into the lifetime rows by the cron, and still counted here.
    { status: "successful", at: now - 40 * DAY, attempts: [{ ms: 300, code: 200 }] },
  ]);
  await seedRejected(p.source.id, 2, now - MINUTE);
  await foldRollups(database(env.DB), now, 30);
});

describe("GET /v1/metrics/prometheus", () => {
  it("serves counters, gauges and a histogram with HELP, TYPE and source, connection and destination labels", async () => {
    const families = await scrape();
    expect(Object.fromEntries(families.map((f) => [f.name, f.type]))).toEqual({
      gateway_requests_total: "COUNTER",
      gateway_events_created_total: "COUNTER",
      gateway_events: "GAUGE",
      gateway_attempts_total: "COUNTER",
      gateway_attempt_duration_seconds: "HISTOGRAM",
      gateway_queue_scheduled: "GAUGE",
      gateway_queue_oldest_scheduled_age_seconds: "GAUGE",
    });
    for (const f of families) expect(f.help.length, f.name).toBeGreaterThan(10);

    const requests = family(families, "gateway_requests_total").metrics.filter((m) => m.labels?.source === p.source.id);
    expect(requests.map((m) => [m.labels!.outcome, Number(m.value)])).toEqual([["accepted", 4], ["rejected", 2]]);

    const route = { source: p.source.id, connection: p.connection.id, destination: p.destination.id };
    expect(ours(family(families, "gateway_events_created_total"))).toEqual([{ labels: route, value: "4" }]);
    const byStatus = Object.fromEntries(ours(family(families, "gateway_events")).map((m) => [m.labels!.status, Number(m.value)]));
    expect(byStatus).toEqual({ scheduled: 1, paused: 0, successful: 2, failed: 1, cancelled: 0 });
    const attempts = Object.fromEntries(ours(family(families, "gateway_attempts_total")).map((m) => [m.labels!.outcome, Number(m.value)]));
    expect(attempts).toEqual({ successful: 2, http_error: 1, no_response: 1 });

    expect(ours(family(families, "gateway_queue_scheduled"))).toEqual([{ labels: route, value: "1" }]);
    const age = Number(ours(family(families, "gateway_queue_oldest_scheduled_age_seconds"))[0]!.value);
    expect(age).toBeGreaterThanOrEqual(180);
    expect(age).toBeLessThan(600);
  });

  it("exposes latency as cumulative buckets in seconds, with _sum and _count", async () => {
    const text = await exposition();
    // 20, 80, 300 and 31,000 ms.
    expect(family(parsePrometheusTextFormat(text) as Family[], "gateway_attempt_duration_seconds").metrics).toEqual([{
      buckets: { "0.025": "1", "0.05": "1", "0.1": "2", "0.25": "2", "0.5": "3", "1": "3", "2.5": "3", "5": "3", "10": "3", "30": "3", "+Inf": "4" },
    }]);
    const labels = `{source="${p.source.id}",connection="${p.connection.id}",destination="${p.destination.id}"}`;
    expect(text).toContain(`gateway_attempt_duration_seconds_bucket{source="${p.source.id}",connection="${p.connection.id}",destination="${p.destination.id}",le="+Inf"} 4\n`);
    expect(text).toContain(`gateway_attempt_duration_seconds_sum${labels} 31.4\n`);
    expect(text).toContain(`gateway_attempt_duration_seconds_count${labels} 4\n`);
  });

  it("needs a credential like every /v1 route", async () => {
    expect((await SELF.fetch(`${ORIGIN}/v1/metrics/prometheus`)).status).toBe(401);
  });
});
