// The columns of a metrics rollup row (migrations/0010_metrics_rollups.sql), named once for the
// queries that sum them, the report that reads them and the Prometheus exposition.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Upper bounds of the latency histogram's buckets, in ms; a last bucket holds everything above. */
export const LATENCY_BOUNDS_MS = [25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000] as const;
export const LATENCY_COLUMNS = [...LATENCY_BOUNDS_MS.map((b) => `lat_${b}`), "lat_inf"] as const;

export const EVENT_STATUSES = ["scheduled", "paused", "successful", "failed", "cancelled"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const ATTEMPT_OUTCOMES = ["successful", "http_error", "no_response"] as const;

const COUNT_COLUMNS = [
  "requests_accepted", "requests_rejected",
  ...EVENT_STATUSES.map((s) => `events_${s}`),
  ...ATTEMPT_OUTCOMES.map((o) => `attempts_${o}`),
  ...LATENCY_COLUMNS, "latency_sum_ms",
];

/** A rollup row summed over some rows: every counter, and the largest latency seen. */
export type RollupSums = Record<string, number>;

/** `sum(col) AS col, …, max(latency_max_ms) AS latency_max_ms`: rows merge by adding. */
export const SUM_SELECT = [...COUNT_COLUMNS.map((c) => `sum(${c}) AS ${c}`), "max(latency_max_ms) AS latency_max_ms"].join(", ");
/** The same sums as an upsert's SET list, for folding rows into an existing one. */
export const SUM_UPSERT = [...COUNT_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`), "latency_max_ms = max(latency_max_ms, excluded.latency_max_ms)"].join(", ");
export const ALL_COLUMNS = [...COUNT_COLUMNS, "latency_max_ms"];
