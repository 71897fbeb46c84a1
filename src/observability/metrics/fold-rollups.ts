import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { statement } from "./metrics-query";
import { ALL_COLUMNS, DAY, HOUR, MINUTE, SUM_SELECT, SUM_UPSERT } from "./rollup-columns";

// The cron's pass over the rollups (docs/observability.md § Metrics). Every count is in a row of each
// grain, so fine grains are simply dropped once no window reads them: minutes after 7 hours (1m
// serves windows up to 6), five minutes after 25 hours (5m serves up to a day). Hours older than
// eight days are added into their day, and hours and days wholly past the retention period into
// one lifetime row per key (grain 0, bucket 0), which windows never read but the Prometheus
// counters do, so that they never go down. A fold adds the rows into their target and deletes them
// in one D1 batch (one transaction): a crash between passes leaves every count in exactly one row
// of the hour-day-lifetime family, and the next pass picks up where this one stopped.

export const KEEP_MS = { minutes: 7 * HOUR, fiveMinutes: 25 * HOUR, hours: 8 * DAY };
const KEY = "grain, bucket, source_id, connection_id, destination_id";

/** Adds the rows of `fromGrain` that end by `before` into rows of `toGrain` (0: the lifetime row). */
async function fold(db: Db, fromGrain: number, toGrain: number, before: number): Promise<number> {
  // Inlined, not bound: D1 binds numbers as reals, and bucket / grain must be an integer division.
  const grain = sql.raw(String(toGrain));
  const target = toGrain === 0 ? sql`0` : sql`bucket / ${grain} * ${grain}`;
  const selected = sql`grain = ${sql.raw(String(fromGrain))} AND bucket <= ${before - fromGrain}`;
  const [, deleted] = await db.$client.batch([
    statement(db, sql`INSERT INTO metric_rollups (grain, bucket, source_id, connection_id, destination_id, ${sql.raw(ALL_COLUMNS.join(", "))})
      SELECT ${grain}, ${target}, source_id, connection_id, destination_id, ${sql.raw(SUM_SELECT)}
      FROM metric_rollups WHERE ${selected} GROUP BY 2, 3, 4, 5
      ON CONFLICT (${sql.raw(KEY)}) DO UPDATE SET ${sql.raw(SUM_UPSERT)}`),
    statement(db, sql`DELETE FROM metric_rollups WHERE ${selected}`),
  ]);
  return deleted!.meta.changes;
}

async function drop(db: Db, grain: number, before: number): Promise<number> {
  const result = await db.$client.prepare(`DELETE FROM metric_rollups WHERE grain = ${grain} AND bucket < ?`).bind(before).run();
  return result.meta.changes;
}

export async function foldRollups(db: Db, now: number, retentionDays: number) {
  const dropped = await drop(db, MINUTE, now - KEEP_MS.minutes) + await drop(db, 5 * MINUTE, now - KEEP_MS.fiveMinutes);
  const hours = await fold(db, HOUR, DAY, Math.floor((now - KEEP_MS.hours) / DAY) * DAY);
  const cutoff = now - retentionDays * DAY;
  const purged = await fold(db, HOUR, 0, cutoff) + await fold(db, DAY, 0, cutoff);
  return { dropped, hours, purged };
}
