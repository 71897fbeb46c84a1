import { bucketStart } from "./granularity";
import type { MetricsRows, MetricsSpan } from "./metrics-query";
import { addRow, emptyTally, requestFigures, trafficFigures, type Tally } from "./tally";

// Shapes the rows of readMetrics into GET /v1/metrics's answer: one entry per source, connection
// and destination that had traffic in the window or has events waiting now, and the series of time
// buckets over everything the filter selects. Pure: the clock comes in as `now`, for the oldest
// scheduled event's age.

interface Queue { scheduled: number; oldest_scheduled_age_ms: number | null }
type Keyed = { tally: Tally; queue: Queue };
type Route = { source_id: string; connection_id: string; destination_id: string };

const keyed = (): Keyed => ({ tally: emptyTally(), queue: { scheduled: 0, oldest_scheduled_age_ms: null } });

function entries(rows: MetricsRows, now: number) {
  const sources = new Map<string, Keyed>();
  const connections = new Map<string, Keyed & { route: Route }>();
  const destinations = new Map<string, Keyed>();
  const of = <T extends Keyed>(map: Map<string, T>, id: string, make: () => T) => map.get(id) ?? map.set(id, make()).get(id)!;
  // Request rows belong to their source only.
  const all = (r: Route) => r.connection_id === ""
    ? [of(sources, r.source_id, keyed)]
    : [of(sources, r.source_id, keyed), of(connections, r.connection_id, () => ({ ...keyed(), route: r })), of(destinations, r.destination_id, keyed)];
  for (const row of rows.totals) for (const entry of all(row)) addRow(entry.tally, row);
  for (const r of rows.backlog) {
    for (const { queue } of all(r)) {
      queue.scheduled += Number(r.scheduled);
      const age = Math.max(0, now - Number(r.oldest));
      queue.oldest_scheduled_age_ms = Math.max(queue.oldest_scheduled_age_ms ?? 0, age);
    }
  }
  return { sources, connections, destinations };
}

/** Every bucket from the window's start to now, empty ones included, so that a chart needs no gaps filled. */
function series(rows: MetricsRows, span: MetricsSpan) {
  const byStart = new Map(rows.series.map((row) => [Number(row.b), row]));
  const buckets = [];
  for (let start = bucketStart(span.from, span.granularityMs); start <= span.to; start += span.granularityMs) {
    const tally = emptyTally();
    const row = byStart.get(start);
    if (row) addRow(tally, row);
    buckets.push({ start: new Date(start).toISOString(), requests: requestFigures(tally), ...trafficFigures(tally) });
  }
  return buckets;
}

export function metricsReport(rows: MetricsRows, span: MetricsSpan, now: number) {
  const { sources, connections, destinations } = entries(rows, now);
  const byId = <T extends Keyed>(map: Map<string, T>) => [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
  return {
    sources: byId(sources).map(([id, e]) => ({ source_id: id, requests: requestFigures(e.tally), ...trafficFigures(e.tally), queue: e.queue })),
    connections: byId(connections).map(([id, e]) => ({
      connection_id: id, source_id: e.route.source_id, destination_id: e.route.destination_id, ...trafficFigures(e.tally), queue: e.queue,
    })),
    destinations: byId(destinations).map(([id, e]) => ({ destination_id: id, ...trafficFigures(e.tally), queue: e.queue })),
    // Percentiles come from histograms of every attempt in the window, never from a sample.
    latency_sampled: false,
    buckets: series(rows, span),
  };
}

export type MetricsReport = ReturnType<typeof metricsReport>;
