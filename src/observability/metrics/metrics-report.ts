import type { MetricsRows } from "./metrics-query";

// Shapes the rows of readMetrics into GET /v1/metrics's answer: one entry per source, connection
// and destination that had traffic in the window or has events waiting now. Pure: the clock comes
// in as `now`, for the oldest scheduled event's age.

const STATUSES = ["scheduled", "paused", "successful", "failed", "cancelled"] as const;
type Status = (typeof STATUSES)[number];

export type EventsByStatus = Record<Status, number> & { total: number };
export interface AttemptSummary { total: number; successful: number; failed: number; success_rate: number | null }
export interface Latency { p50: number; p95: number; p99: number }
export interface Queue { scheduled: number; oldest_scheduled_age_ms: number | null }
interface Traffic { events: EventsByStatus; attempts: AttemptSummary; latency_ms: Latency | null; queue: Queue }

export interface MetricsReport {
  sources: (Traffic & { source_id: string; requests: { total: number; accepted: number; rejected: number } })[];
  connections: (Traffic & { connection_id: string; source_id: string; destination_id: string })[];
  destinations: (Traffic & { destination_id: string })[];
  latency_sampled: boolean;
}

const emptyEvents = (): EventsByStatus => ({ total: 0, scheduled: 0, paused: 0, successful: 0, failed: 0, cancelled: 0 });
const emptyTraffic = (): Traffic => ({
  events: emptyEvents(),
  attempts: { total: 0, successful: 0, failed: 0, success_rate: null },
  latency_ms: null,
  queue: { scheduled: 0, oldest_scheduled_age_ms: null },
});

/** Four decimals: a rate, not a float's noise. */
const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

export function metricsReport(rows: MetricsRows, now: number): MetricsReport {
  const sources = new Map<string, MetricsReport["sources"][number]>();
  const connections = new Map<string, MetricsReport["connections"][number]>();
  const destinations = new Map<string, MetricsReport["destinations"][number]>();
  const source = (id: string) => sources.get(id) ?? sources.set(id, { source_id: id, requests: { total: 0, accepted: 0, rejected: 0 }, ...emptyTraffic() }).get(id)!;
  const connection = (id: string, sourceId: string, destinationId: string) =>
    connections.get(id) ?? connections.set(id, { connection_id: id, source_id: sourceId, destination_id: destinationId, ...emptyTraffic() }).get(id)!;
  const destination = (id: string) => destinations.get(id) ?? destinations.set(id, { destination_id: id, ...emptyTraffic() }).get(id)!;
  const all = (r: { source_id: string; connection_id: string; destination_id: string }) =>
    [source(r.source_id), connection(r.connection_id, r.source_id, r.destination_id), destination(r.destination_id)];

  for (const r of rows.requests) {
    source(r.source_id).requests = { total: Number(r.total), accepted: Number(r.accepted), rejected: Number(r.rejected) };
  }
  for (const r of rows.events) {
    for (const entry of all(r)) {
      entry.events[r.status as Status] += Number(r.count);
      entry.events.total += Number(r.count);
    }
  }
  for (const r of rows.backlog) {
    for (const { queue } of all(r)) {
      queue.scheduled += Number(r.scheduled);
      const age = Math.max(0, now - Number(r.oldest));
      queue.oldest_scheduled_age_ms = Math.max(queue.oldest_scheduled_age_ms ?? 0, age);
    }
  }
  // An attempt in the window may belong to an event created before it.
  for (const r of rows.attempts) {
    for (const { attempts } of all(r)) {
      attempts.total += Number(r.attempts);
      attempts.successful += Number(r.successful);
    }
  }
  for (const entry of [...sources.values(), ...connections.values(), ...destinations.values()]) {
    const { total, successful } = entry.attempts;
    entry.attempts = { total, successful, failed: total - successful, success_rate: ratio(successful, total) };
  }
  // Every key here has attempts, so its entry exists.
  for (const r of rows.latency) {
    const entry = r.dimension === "source" ? sources.get(r.key) : r.dimension === "connection" ? connections.get(r.key) : destinations.get(r.key);
    if (entry) entry.latency_ms = { p50: Number(r.p50), p95: Number(r.p95), p99: Number(r.p99) };
  }

  const byId = <T>(map: Map<string, T>) => [...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, v]) => v);
  return { sources: byId(sources), connections: byId(connections), destinations: byId(destinations), latency_sampled: rows.latencySampled };
}
