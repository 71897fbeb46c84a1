// Metrics rollups and their nightly reconcile (spec §13; docs/observability.md § Metrics).
import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ms } from "./columns";

/**
 * Metrics rollups (migrations/0010_metrics_rollups.sql keeps them with triggers; docs/observability.md
 * § Metrics). Each row sums one bucket (`grain` ms long, from `bucket`) for one source, connection
 * and destination; request rows have connection_id = destination_id = ''. Every count is in a row
 * of each grain (minutes, five minutes, hours, then days); `grain` 0 holds what retention purged, so
 * that counters never go down. The table is WITHOUT ROWID in SQL (drizzle does not model it).
 */
export const metricRollups = sqliteTable(
  "metric_rollups",
  {
    grain: integer("grain").notNull(),
    bucket: ms("bucket").notNull(),
    sourceId: text("source_id").notNull(),
    connectionId: text("connection_id").notNull(),
    destinationId: text("destination_id").notNull(),
    requestsAccepted: integer("requests_accepted").notNull().default(0),
    requestsRejected: integer("requests_rejected").notNull().default(0),
    eventsScheduled: integer("events_scheduled").notNull().default(0),
    eventsPaused: integer("events_paused").notNull().default(0),
    eventsSuccessful: integer("events_successful").notNull().default(0),
    eventsFailed: integer("events_failed").notNull().default(0),
    eventsCancelled: integer("events_cancelled").notNull().default(0),
    attemptsSuccessful: integer("attempts_successful").notNull().default(0),
    attemptsHttpError: integer("attempts_http_error").notNull().default(0),
    attemptsNoResponse: integer("attempts_no_response").notNull().default(0),
    lat25: integer("lat_25").notNull().default(0),
    lat50: integer("lat_50").notNull().default(0),
    lat100: integer("lat_100").notNull().default(0),
    lat250: integer("lat_250").notNull().default(0),
    lat500: integer("lat_500").notNull().default(0),
    lat1000: integer("lat_1000").notNull().default(0),
    lat2500: integer("lat_2500").notNull().default(0),
    lat5000: integer("lat_5000").notNull().default(0),
    lat10000: integer("lat_10000").notNull().default(0),
    lat30000: integer("lat_30000").notNull().default(0),
    latInf: integer("lat_inf").notNull().default(0),
    latencySumMs: integer("latency_sum_ms").notNull().default(0),
    latencyMaxMs: integer("latency_max_ms").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.grain, t.bucket, t.sourceId, t.connectionId, t.destinationId] })],
);

/** Days the nightly metrics reconcile has checked, and how many rollup keys it found wrong. */
export const metricReconciles = sqliteTable("metric_reconciles", {
  day: ms("day").primaryKey(),
  mismatched: integer("mismatched").notNull(),
  checkedAt: ms("checked_at").notNull(),
});
