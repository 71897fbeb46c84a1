import { sql, type SQL } from "drizzle-orm";
import { idFloor } from "../../ids";
import { HOUR, LATENCY_BOUNDS_MS, LATENCY_COLUMNS } from "./rollup-columns";

// The rollups of a time range, recomputed from the stored requests, events and attempts: what the
// triggers should have summed (migrations/0010_metrics_rollups.sql backfills with the same sums).
// By the hour, the grain the reconcile checks.
// Ids sort by creation time, so an id range (with an hour's slack: an interrupted attempt is
// recorded after it started) narrows each table through its primary key before the exact filter.

const SLACK_MS = 3_600_000;

function latencySums(): SQL {
  const bounds = [0, ...LATENCY_BOUNDS_MS];
  const parts = bounds.map((lower, i) => {
    const upper = LATENCY_BOUNDS_MS[i];
    const range = i === 0 ? `ms <= ${upper}` : upper === undefined ? `ms > ${lower}` : `ms > ${lower} AND ms <= ${upper}`;
    return `sum(timed AND ${range}) AS ${LATENCY_COLUMNS[i]}`;
  });
  return sql.raw([...parts, "sum(CASE WHEN timed THEN ms ELSE 0 END) AS latency_sum_ms", "max(CASE WHEN timed THEN ms ELSE 0 END) AS latency_max_ms"].join(", "));
}

/** Rows of (bucket, source_id, connection_id, destination_id, …sums) in rollup column order, for [from, to). */
export function rebuiltRows(from: number, to: number): SQL {
  const ids = (kind: "request" | "event" | "attempt", column: string) =>
    sql`${sql.raw(column)} >= ${idFloor(kind, from - SLACK_MS)} AND ${sql.raw(column)} < ${idFloor(kind, to + SLACK_MS)}`;
  return sql`SELECT at / ${sql.raw(String(HOUR))} * ${sql.raw(String(HOUR))} AS bucket, s AS source_id, c AS connection_id, d AS destination_id,
      sum(ra) AS requests_accepted, sum(rr) AS requests_rejected, sum(es) AS events_scheduled, sum(ep) AS events_paused,
      sum(esu) AS events_successful, sum(ef) AS events_failed, sum(ec) AS events_cancelled,
      sum(aok) AS attempts_successful, sum(aerr) AS attempts_http_error, sum(anone) AS attempts_no_response, ${latencySums()}
    FROM (
      SELECT received_at AS at, source_id AS s, '' AS c, '' AS d, rejection IS NULL AS ra, rejection IS NOT NULL AS rr,
        0 AS es, 0 AS ep, 0 AS esu, 0 AS ef, 0 AS ec, 0 AS aok, 0 AS aerr, 0 AS anone, 0 AS ms, 0 AS timed
      FROM requests WHERE ${ids("request", "id")} AND received_at >= ${from} AND received_at < ${to}
      UNION ALL
      SELECT created_at, source_id, connection_id, destination_id, 0, 0,
        status = 'scheduled', status = 'paused', status = 'successful', status = 'failed', status = 'cancelled', 0, 0, 0, 0, 0
      FROM events WHERE ${ids("event", "id")} AND created_at >= ${from} AND created_at < ${to}
      UNION ALL
      SELECT t.started_at, e.source_id, e.connection_id, e.destination_id, 0, 0, 0, 0, 0, 0, 0,
        coalesce(t.status_code BETWEEN 200 AND 299, 0), coalesce(t.status_code NOT BETWEEN 200 AND 299, 0), t.status_code IS NULL,
        t.duration_ms, coalesce(t.error, '') NOT IN ('interrupted', 'dead_lettered')
      FROM attempts t JOIN events e ON e.id = t.event_id
      WHERE ${ids("attempt", "t.id")} AND t.started_at >= ${from} AND t.started_at < ${to}
    )
    GROUP BY 1, 2, 3, 4`;
}
