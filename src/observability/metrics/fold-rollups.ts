import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { statement } from "./metrics-query";
import { ALL_COLUMNS, SUM_SELECT, SUM_UPSERT } from "./rollup-columns";

// The cron's pass over the rollups (docs/observability.md § Metrics): minutes older than a day and
// an hour are added into their hour, hours older than eight days into their day, and rows wholly
// past the retention period into one lifetime row per key (grain 0, bucket 0), which the windows
// never read but the Prometheus counters do, so that they never go down. Each step adds the rows
// into their target and deletes them in one D1 batch (one transaction): a crash between passes
// leaves every count in exactly one row, and the next pass picks up where this one stopped.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
export const KEEP_MINUTES_MS = 25 * HOUR;
export const KEEP_HOURS_MS = 8 * DAY;

const KEY = "bucket, grain, source_id, connection_id, destination_id";

async function fold(db: Db, fromGrain: number, toGrain: number, before: number): Promise<number> {
  // Inlined, not bound: D1 binds numbers as reals, and bucket / grain must be an integer division.
  const grain = sql.raw(String(toGrain));
  const target = toGrain === 0 ? sql`0` : sql`bucket / ${grain} * ${grain}`;
  // Rows that end by `before`, in the terms of the (grain, bucket) index.
  const selected = sql`grain = ${fromGrain} AND bucket <= ${before - fromGrain}`;
  const [, deleted] = await db.$client.batch([
    statement(db, sql`INSERT INTO metric_rollups (grain, bucket, source_id, connection_id, destination_id, ${sql.raw(ALL_COLUMNS.join(", "))})
      SELECT ${grain}, ${target}, source_id, connection_id, destination_id, ${sql.raw(SUM_SELECT)}
      FROM metric_rollups WHERE ${selected} GROUP BY 2, 3, 4, 5
      ON CONFLICT (${sql.raw(KEY)}) DO UPDATE SET ${sql.raw(SUM_UPSERT)}`),
    statement(db, sql`DELETE FROM metric_rollups WHERE ${selected}`),
  ]);
  return deleted!.meta.changes;
}

export async function foldRollups(db: Db, now: number, retentionDays: number) {
  const minutes = await fold(db, MINUTE, HOUR, Math.floor((now - KEEP_MINUTES_MS) / HOUR) * HOUR);
  const hours = await fold(db, HOUR, DAY, Math.floor((now - KEEP_HOURS_MS) / DAY) * DAY);
  const cutoff = now - retentionDays * DAY;
  let purged = 0;
  for (const grain of [MINUTE, HOUR, DAY]) purged += await fold(db, grain, 0, cutoff);
  return { minutes, hours, purged };
}
