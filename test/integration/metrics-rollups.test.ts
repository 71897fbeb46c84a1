import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { database } from "../../src/db/client";
import { foldRollups } from "../../src/observability/metrics/fold-rollups";
import { reconcileDay, reconcileMetrics } from "../../src/observability/metrics/reconcile";
import { admin, ingest, pipeline, receiverRecords, uniqueKey, waitFor } from "./gateway";
import { seed } from "./metrics-seed";

// The rollups (migrations/0010_metrics_rollups.sql) against the rows they count, computed here
// independently with plain SQL over requests, events and attempts: after live traffic through the
// real pipeline, after the cron folds and purges them, and after the nightly reconcile repairs them.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const db = () => database(env.DB);

type Sums = Record<string, Record<string, number>>;

/** What the rollups should hold per key, straight from the raw rows. */
async function rawSums(): Promise<Sums> {
  const [requests, events, attempts] = await env.DB.batch([
    env.DB.prepare(`SELECT source_id || '||' AS k, sum(rejection IS NULL) AS requests_accepted, sum(rejection IS NOT NULL) AS requests_rejected
      FROM requests GROUP BY 1`),
    env.DB.prepare(`SELECT source_id || '|' || connection_id || '|' || destination_id AS k,
      sum(status = 'scheduled') AS events_scheduled, sum(status = 'paused') AS events_paused, sum(status = 'successful') AS events_successful,
      sum(status = 'failed') AS events_failed, sum(status = 'cancelled') AS events_cancelled FROM events GROUP BY 1`),
    env.DB.prepare(`SELECT e.source_id || '|' || e.connection_id || '|' || e.destination_id AS k,
      sum(coalesce(t.status_code BETWEEN 200 AND 299, 0)) AS attempts_successful, sum(coalesce(t.status_code NOT BETWEEN 200 AND 299, 0)) AS attempts_http_error,
      sum(t.status_code IS NULL) AS attempts_no_response,
      sum(CASE WHEN coalesce(t.error, '') IN ('interrupted', 'dead_lettered') THEN 0 ELSE t.duration_ms END) AS latency_sum_ms
      FROM attempts t JOIN events e ON e.id = t.event_id GROUP BY 1`),
  ]);
  const out: Sums = {};
  for (const r of [...requests!.results, ...events!.results, ...attempts!.results] as Record<string, unknown>[]) {
    const { k, ...sums } = r;
    out[k as string] = { ...(out[k as string] ?? {}), ...Object.fromEntries(Object.entries(sums).map(([c, v]) => [c, Number(v)])) };
  }
  return out;
}

/**
 * The rollups summed per key over one family of grains: by default the lasting one (hours, days
 * and lifetime rows), where each count is once; `grain = 60000` or `300000` for the finer ones.
 */
async function rollupSums(where = "1", grains = `grain IN (0, ${HOUR}, ${DAY})`): Promise<Sums> {
  const { results } = await env.DB.prepare(`SELECT source_id || '|' || connection_id || '|' || destination_id AS k,
    sum(requests_accepted) AS requests_accepted, sum(requests_rejected) AS requests_rejected,
    sum(events_scheduled) AS events_scheduled, sum(events_paused) AS events_paused, sum(events_successful) AS events_successful,
    sum(events_failed) AS events_failed, sum(events_cancelled) AS events_cancelled,
    sum(attempts_successful) AS attempts_successful, sum(attempts_http_error) AS attempts_http_error, sum(attempts_no_response) AS attempts_no_response,
    sum(latency_sum_ms) AS latency_sum_ms,
    sum(lat_25 + lat_50 + lat_100 + lat_250 + lat_500 + lat_1000 + lat_2500 + lat_5000 + lat_10000 + lat_30000 + lat_inf) AS timed
    FROM metric_rollups WHERE (${where}) AND ${grains} GROUP BY 1`).all<Record<string, unknown>>();
  return Object.fromEntries(results.map(({ k, ...sums }) => [k as string, Object.fromEntries(Object.entries(sums).map(([c, v]) => [c, Number(v)]))]));
}

/** The rollups' sums, leaving out what the raw rows cannot say (`timed`) and all-zero columns. */
function comparable(sums: Sums): Sums {
  return Object.fromEntries(Object.entries(sums).map(([k, s]) => [k, Object.fromEntries(Object.entries(s).filter(([c, v]) => c !== "timed" && v !== 0))]))
}

async function send(sourceId: string, init: RequestInit = {}) {
  const res = await ingest(sourceId, { body: "{}", headers: { "content-type": "application/json" }, ...init });
  return res;
}

const eventOf = (requestId: string, status: string) => waitFor(`event ${status}`, async () =>
  env.DB.prepare("SELECT id, status FROM events WHERE request_id = ? AND status = ?").bind(requestId, status).first<{ id: string }>());

describe("metrics rollups", () => {
  it("match the raw rows after deliveries, failures, retries, cancels and rejections through the real pipeline", async () => {
    const ok = await pipeline("roll-ok", `/ok/${uniqueKey("rok")}`);
    const retried = await pipeline("roll-retry", `/seq/500,200/${uniqueKey("rretry")}`, [{ type: "retry", strategy: "linear", count: 3, interval_ms: 1000 }]);
    const gone = await pipeline("roll-gone", `/seq/410/${uniqueKey("rgone")}`, [{ type: "retry", strategy: "linear", count: 3, interval_ms: 1000 }]);
    const delayed = await pipeline("roll-delay", `/ok/${uniqueKey("rdelay")}`, [{ type: "delay", delay_ms: 600_000 }]);

    const ids = async (res: Response) => ((await res.json()) as { request_id: string }).request_id;
    const okRequests = await Promise.all([1, 2, 3].map(async () => ids(await send(ok.source.id))));
    const retryRequest = await ids(await send(retried.source.id));
    const goneRequest = await ids(await send(gone.source.id));
    const delayedRequest = await ids(await send(delayed.source.id));
    // A method the source does not allow: stored as rejected, no event.
    expect((await send(ok.source.id, { method: "PUT" })).status).toBe(405);

    for (const id of okRequests) await eventOf(id, "successful");
    await eventOf(retryRequest, "successful");
    await eventOf(goneRequest, "failed");
    const waiting = await eventOf(delayedRequest, "scheduled");
    expect((await admin("POST", `/v1/events/${waiting.id}/cancel`)).json.status).toBe("cancelled");

    const raw = await rawSums();
    const rolled = await rollupSums();
    expect(comparable(rolled)).toEqual(comparable(raw));
    // Every count is also in a row of each finer grain.
    expect(await rollupSums("1", "grain = 60000")).toEqual(rolled);
    expect(await rollupSums("1", "grain = 300000")).toEqual(rolled);
    // Spot checks, so that a mistake shared by both sides still shows.
    const key = (p: typeof ok) => `${p.source.id}|${p.connection.id}|${p.destination.id}`;
    expect(rolled[`${ok.source.id}||`]).toMatchObject({ requests_accepted: 3, requests_rejected: 1 });
    expect(rolled[key(retried)]).toMatchObject({ events_successful: 1, events_scheduled: 0, attempts_successful: 1, attempts_http_error: 1, timed: 2 });
    expect(rolled[key(gone)]).toMatchObject({ events_failed: 1, events_scheduled: 0, attempts_http_error: 1 });
    expect(rolled[key(delayed)]).toMatchObject({ events_cancelled: 1, events_scheduled: 0 });
    expect(await receiverRecords(retried.destination.url.split("/").pop())).toHaveLength(2);
  });

  it("drop minutes and five minutes once no window reads them, fold hours into days, and are read the same after", async () => {
    const p = await pipeline("roll-fold", `/ok/${uniqueKey("rfold")}`);
    const now = Date.now();
    await seed(p.source.id, p.connection.id, p.destination.id, [
      { status: "successful", at: now - 2 * DAY, attempts: [{ ms: 40, code: 200 }] },
      { status: "failed", at: now - 2 * DAY + 3 * MINUTE, attempts: [{ ms: 700, code: 500 }, { ms: 0, code: null, error: "timeout" }] },
      { status: "successful", at: now - 10 * DAY, attempts: [{ ms: 20, code: 200 }] },
      { status: "scheduled", at: now - 10 * DAY + HOUR },
      { status: "successful", at: now - 10 * MINUTE, attempts: [{ ms: 90, code: 200 }] },
    ]);
    // An old event changing status: its delta lands on its creation minute, then folds with the rest.
    await env.DB.prepare("UPDATE events SET status = 'cancelled' WHERE connection_id = ? AND status = 'scheduled'").bind(p.connection.id).run();
    const where = `connection_id = '${p.connection.id}' OR (connection_id = '' AND source_id = '${p.source.id}')`;
    const before = await rollupSums(where);
    const monthBefore = (await admin("GET", `/v1/metrics?window=30d&connection_id=${p.connection.id}`)).json;

    const folded = await foldRollups(db(), now, 30);
    expect(folded.dropped).toBeGreaterThan(0);
    expect(folded.hours).toBeGreaterThan(0);
    const grains = await env.DB.prepare(`SELECT grain, min(bucket) AS oldest FROM metric_rollups WHERE ${where} GROUP BY grain ORDER BY grain`).all<{ grain: number; oldest: number }>();
    expect(grains.results.map((g) => g.grain)).toEqual([MINUTE, 5 * MINUTE, HOUR, DAY]);
    expect(grains.results[0]!.oldest).toBeGreaterThan(now - 7 * HOUR);
    expect(grains.results[1]!.oldest).toBeGreaterThan(now - 25 * HOUR);
    expect(grains.results[2]!.oldest).toBeGreaterThan(now - 9 * DAY);
    expect(await rollupSums(where)).toEqual(before);
    // A second pass finds nothing left to do.
    expect(await foldRollups(db(), now, 30)).toEqual({ dropped: 0, hours: 0, purged: 0 });

    const monthAfter = (await admin("GET", `/v1/metrics?window=30d&connection_id=${p.connection.id}`)).json;
    expect(monthAfter.connections).toEqual(monthBefore.connections);
    expect(monthAfter.connections[0]).toMatchObject({ events: { total: 5, successful: 3, failed: 1, cancelled: 1 }, attempts: { total: 5, no_response: 1 } });
    const week = (await admin("GET", `/v1/metrics?window=3d&granularity=1h&connection_id=${p.connection.id}`)).json;
    expect(week.connections[0]).toMatchObject({ events: { total: 3 }, attempts: { total: 4 } });
  });

  it("fold what retention purges into lifetime rows: windows no longer see it, lifetime totals keep it", async () => {
    const p = await pipeline("roll-retention", `/ok/${uniqueKey("rret")}`);
    const now = Date.now();
    await seed(p.source.id, p.connection.id, p.destination.id, [
      { status: "successful", at: now - 40 * DAY, attempts: [{ ms: 30, code: 200 }] },
      { status: "successful", at: now - HOUR, attempts: [{ ms: 30, code: 200 }] },
    ]);
    const where = `connection_id = '${p.connection.id}'`;
    const before = await rollupSums(where);
    const folded = await foldRollups(db(), now, 30);
    expect(folded.purged).toBeGreaterThan(0);
    const old = await env.DB.prepare(`SELECT count(*) AS n FROM metric_rollups WHERE (${where}) AND grain > 0 AND bucket < ?`).bind(now - 30 * DAY).first<number>("n");
    expect(old).toBe(0);
    expect(await rollupSums(where)).toEqual(before);
    const month = (await admin("GET", `/v1/metrics?window=30d&connection_id=${p.connection.id}`)).json;
    expect(month.connections[0].events.total).toBe(1);
  });

  it("are checked once a day by the reconcile, which repairs a day that drifted", async () => {
    const p = await pipeline("roll-reconcile", `/ok/${uniqueKey("rrec")}`);
    const now = Date.now();
    const yesterday = Math.floor(now / DAY) * DAY - DAY;
    await seed(p.source.id, p.connection.id, p.destination.id, [
      { status: "successful", at: yesterday + 12 * HOUR, attempts: [{ ms: 120, code: 200 }] },
      { status: "failed", at: yesterday + 13 * HOUR, attempts: [{ ms: 0, code: null, error: "interrupted" }] },
    ]);
    const where = `connection_id = '${p.connection.id}' OR (connection_id = '' AND source_id = '${p.source.id}')`;
    const right = await rollupSums(where);
    expect((await reconcileDay(db(), yesterday, now)).mismatched).toBe(0);

    // Drift no trigger would cause: a count changed by hand, and rows lost. The day's hour rows are
    // repaired; its minute and five-minute rows are left to expire.
    await env.DB.prepare(`UPDATE metric_rollups SET events_failed = events_failed + 5 WHERE connection_id = ?`).bind(p.connection.id).run();
    await env.DB.prepare(`DELETE FROM metric_rollups WHERE connection_id = '' AND source_id = ?`).bind(p.source.id).run();
    expect(await rollupSums(where)).not.toEqual(right);
    const repaired = await reconcileDay(db(), yesterday, now);
    expect(repaired.mismatched).toBe(2);
    expect(await rollupSums(where)).toEqual(right);
    const recorded = await env.DB.prepare("SELECT mismatched FROM metric_reconciles WHERE day = ?").bind(yesterday).first<number>("mismatched");
    expect(recorded).toBe(2);

    // The cron chore checks the last day that ended over an hour ago, once.
    const soon = yesterday + DAY + 2 * HOUR;
    await env.DB.prepare("DELETE FROM metric_reconciles").run();
    expect(await reconcileMetrics(db(), soon)).toMatchObject({ day: yesterday, mismatched: 0 });
    expect(await reconcileMetrics(db(), soon)).toBeNull();
  });
});
