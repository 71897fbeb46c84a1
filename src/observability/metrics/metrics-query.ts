import { sql, type SQL } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client";
import { DAY, HOUR, SUM_SELECT, type RollupSums } from "./rollup-columns";

// The numbers behind GET /v1/metrics, in one D1 round trip: the rollups of the window summed per
// (source, connection, destination) and per time bucket, and the queue (scheduled events) as it
// stands now, whatever the window. Rollups of every grain are read alike: a row counts in the bucket that
// holds its start, so a not-yet-folded minute row and an hour row add up in the same hour.

export interface MetricsFilter {
  sourceId?: string;
  connectionId?: string;
  destinationId?: string;
}

type Route = { source_id: string; connection_id: string; destination_id: string };
/** Sums for one key over the window; request rows have connection_id = destination_id = ''. */
export type KeyedSums = Route & RollupSums;
/** Sums of one time bucket (starting at `b`) over every key the filter selects. */
export type BucketSums = RollupSums & { b: number };
export interface Backlog extends Route { scheduled: number; oldest: number }

/**
 * Rows of requests match a source filter directly; a connection or destination filter keeps the
 * requests of the sources that feed it (requests are routed after they are counted).
 */
function conditions(filter: MetricsFilter): { events: SQL; rollups: SQL } {
  const events: SQL[] = [sql`1`];
  const eventRows: SQL[] = [sql`connection_id != ''`];
  const requestRows: SQL[] = [sql`connection_id = ''`];
  if (filter.sourceId) {
    events.push(sql`e.source_id = ${filter.sourceId}`);
    eventRows.push(sql`source_id = ${filter.sourceId}`);
    requestRows.push(sql`source_id = ${filter.sourceId}`);
  }
  if (filter.connectionId) {
    events.push(sql`e.connection_id = ${filter.connectionId}`);
    eventRows.push(sql`connection_id = ${filter.connectionId}`);
    requestRows.push(sql`source_id IN (SELECT source_id FROM connections WHERE id = ${filter.connectionId})`);
  }
  if (filter.destinationId) {
    events.push(sql`e.destination_id = ${filter.destinationId}`);
    eventRows.push(sql`destination_id = ${filter.destinationId}`);
    requestRows.push(sql`source_id IN (SELECT source_id FROM connections WHERE destination_id = ${filter.destinationId})`);
  }
  const all = (parts: SQL[]) => sql.join(parts, sql` AND `);
  return { events: all(events), rollups: sql`((${all(eventRows)}) OR (${all(requestRows)}))` };
}

// Drizzle cannot batch raw SQL on D1, so these statements are compiled here and batched on D1 itself.
const dialect = new SQLiteAsyncDialect();
export function statement(db: Db, query: SQL): D1PreparedStatement {
  const compiled = dialect.sqlToQuery(query);
  return db.$client.prepare(compiled.sql).bind(...compiled.params);
}

export interface MetricsSpan { from: number; to: number; granularityMs: number; grains: number[] }

export async function readMetrics(db: Db, span: MetricsSpan, filter: MetricsFilter = {}) {
  const where = conditions(filter);
  // Inlined, not bound: D1 binds numbers as reals, and bucket / g must be an integer division.
  const g = sql.raw(String(Math.trunc(span.granularityMs)));
  const grains = sql.raw(span.grains.map((grain) => String(Math.trunc(grain))).join(", "));
  const inWindow = sql`grain IN (${grains}) AND bucket >= ${span.from} AND bucket <= ${span.to} AND ${where.rollups}`;
  // Summed in SQL twice, per key and per bucket, rather than per key and bucket: a 24-hour window
  // by the minute would otherwise return some 30,000 rows of 30 columns at a million events a month.
  const [totals, series, backlog] = await db.$client.batch([
    statement(db, sql`SELECT source_id, connection_id, destination_id, ${sql.raw(SUM_SELECT)}
      FROM metric_rollups WHERE ${inWindow} GROUP BY 1, 2, 3`),
    statement(db, sql`SELECT bucket / ${g} * ${g} AS b, ${sql.raw(SUM_SELECT)} FROM metric_rollups WHERE ${inWindow} GROUP BY 1`),
    backlogStatement(db, where.events),
  ]);
  return { totals: totals!.results as KeyedSums[], series: series!.results as BucketSums[], backlog: backlog!.results as Backlog[] };
}

const backlogStatement = (db: Db, where: SQL) =>
  statement(db, sql`SELECT e.source_id, e.connection_id, e.destination_id, count(*) AS scheduled, min(e.created_at) AS oldest
    FROM events e WHERE e.status = 'scheduled' AND ${where} GROUP BY e.source_id, e.connection_id, e.destination_id`);

/** Lifetime sums per key (lifetime, day and hour rows: each count once), and the queue now: the Prometheus counters. */
export async function readLifetime(db: Db) {
  const [totals, backlog] = await db.$client.batch([
    statement(db, sql`SELECT source_id, connection_id, destination_id, ${sql.raw(SUM_SELECT)} FROM metric_rollups
      WHERE grain IN (0, ${sql.raw(String(HOUR))}, ${sql.raw(String(DAY))}) GROUP BY 1, 2, 3`),
    backlogStatement(db, sql`1`),
  ]);
  return { totals: totals!.results as KeyedSums[], backlog: backlog!.results as Backlog[] };
}

export type MetricsRows = Awaited<ReturnType<typeof readMetrics>>;
