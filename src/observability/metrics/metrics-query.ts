import { sql, type SQL } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client";
import { INTERRUPTED } from "../../events/attempt-writer";
import { idFloor } from "../../ids";
import { DEAD_LETTERED } from "../../events/attempt-writer";

// The numbers behind GET /v1/metrics, in one D1 round trip. Ids sort by creation time, so "in the
// window" is a range of the primary key for requests, events and attempts alike; the queue
// (scheduled events) is counted as it stands now, whatever the window.
//
// Counts are exact. Latency is an attempt's duration (request sent to answer read, or to the
// error), failures included; attempts that timed no request (`interrupted`, `dead_lettered`: their
// duration is a placeholder 0) are counted but left out of it. Percentiles need the durations sorted, per source, connection and
// destination, which costs far more than counting (about 0.5 s for 50,000 attempts in local
// workerd), so they are computed over the window's LATENCY_SAMPLE most recent attempts at most and
// `latency_sampled` says when the window held more. Percentiles are nearest-rank: the p-th is the
// smallest duration with at least p % of the attempts at or below it, the ceil(p/100 × n)-th in
// ascending order.

export const LATENCY_SAMPLE = 10_000;

export interface MetricsFilter {
  sourceId?: string;
  connectionId?: string;
  destinationId?: string;
}

type Route = { source_id: string; connection_id: string; destination_id: string };
export interface RequestCounts { source_id: string; total: number; accepted: number; rejected: number }
export interface EventCounts extends Route { status: string; count: number }
export interface AttemptCounts extends Route { attempts: number; successful: number }
export interface Latency { dimension: "source" | "connection" | "destination"; key: string; p50: number; p95: number; p99: number }
export interface Backlog extends Route { scheduled: number; oldest: number }

const rank = (p: number) => sql.raw(`(n * ${p} + 99) / 100`);

/** The filter on events (alias `e`); requests only know their source, so they follow the matching connections' sources. */
function conditions(filter: MetricsFilter): { events: SQL; requests: SQL } {
  const events: SQL[] = [sql`1`];
  const requests: SQL[] = [sql`1`];
  if (filter.sourceId) {
    events.push(sql`e.source_id = ${filter.sourceId}`);
    requests.push(sql`source_id = ${filter.sourceId}`);
  }
  if (filter.connectionId) {
    events.push(sql`e.connection_id = ${filter.connectionId}`);
    requests.push(sql`source_id IN (SELECT source_id FROM connections WHERE id = ${filter.connectionId})`);
  }
  if (filter.destinationId) {
    events.push(sql`e.destination_id = ${filter.destinationId}`);
    requests.push(sql`source_id IN (SELECT source_id FROM connections WHERE destination_id = ${filter.destinationId})`);
  }
  return { events: sql.join(events, sql` AND `), requests: sql.join(requests, sql` AND `) };
}

// Drizzle cannot batch raw SQL on D1, so these statements are compiled here and batched on D1 itself.
const dialect = new SQLiteAsyncDialect();
function statement(db: Db, query: SQL): D1PreparedStatement {
  const compiled = dialect.sqlToQuery(query);
  return db.$client.prepare(compiled.sql).bind(...compiled.params);
}

export async function readMetrics(db: Db, since: number, filter: MetricsFilter = {}) {
  const where = conditions(filter);
  const attemptFloor = idFloor("attempt", since);
  const results = await db.$client.batch([
    statement(db, sql`SELECT source_id, count(*) AS total, sum(rejection IS NULL) AS accepted, sum(rejection IS NOT NULL) AS rejected
      FROM requests WHERE id >= ${idFloor("request", since)} AND ${where.requests} GROUP BY source_id`),
    statement(db, sql`SELECT e.source_id, e.connection_id, e.destination_id, e.status, count(*) AS count
      FROM events e WHERE e.id >= ${idFloor("event", since)} AND ${where.events} GROUP BY e.source_id, e.connection_id, e.destination_id, e.status`),
    statement(db, sql`SELECT e.source_id, e.connection_id, e.destination_id, count(*) AS attempts,
        sum(coalesce(t.status_code BETWEEN 200 AND 299, 0)) AS successful
      FROM attempts t JOIN events e ON e.id = t.event_id
      WHERE t.id >= ${attemptFloor} AND ${where.events} GROUP BY e.source_id, e.connection_id, e.destination_id`),
    statement(db, sql`WITH a AS MATERIALIZED (
        SELECT e.source_id AS s, e.connection_id AS c, e.destination_id AS d, t.duration_ms AS ms
        FROM attempts t JOIN events e ON e.id = t.event_id
        WHERE t.id >= ${attemptFloor} AND ${where.events} AND coalesce(t.error, '') NOT IN (${INTERRUPTED}, ${DEAD_LETTERED})
        ORDER BY t.id DESC LIMIT ${LATENCY_SAMPLE}),
      keyed AS (SELECT 'source' AS dimension, s AS key, ms FROM a
        UNION ALL SELECT 'connection', c, ms FROM a
        UNION ALL SELECT 'destination', d, ms FROM a),
      ranked AS (SELECT dimension, key, ms, row_number() OVER (PARTITION BY dimension, key ORDER BY ms) AS rn,
        count(*) OVER (PARTITION BY dimension, key) AS n FROM keyed)
      SELECT dimension, key,
        max(CASE WHEN rn = ${rank(50)} THEN ms END) AS p50,
        max(CASE WHEN rn = ${rank(95)} THEN ms END) AS p95,
        max(CASE WHEN rn = ${rank(99)} THEN ms END) AS p99
      FROM ranked GROUP BY dimension, key`),
    statement(db, sql`SELECT e.source_id, e.connection_id, e.destination_id, count(*) AS scheduled, min(e.created_at) AS oldest
      FROM events e WHERE e.status = 'scheduled' AND ${where.events} GROUP BY e.source_id, e.connection_id, e.destination_id`),
  ]);
  const [requests, events, attempts, latency, backlog] = results.map((result) => result.results) as
    [RequestCounts[], EventCounts[], AttemptCounts[], Latency[], Backlog[]];
  const attemptTotal = attempts.reduce((sum, row) => sum + Number(row.attempts), 0);
  return { requests, events, attempts, latency, backlog, latencySampled: attemptTotal > LATENCY_SAMPLE };
}

export type MetricsRows = Awaited<ReturnType<typeof readMetrics>>;
