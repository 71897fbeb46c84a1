import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { log } from "../../log";
import { statement } from "./metrics-query";
import { ALL_COLUMNS, DAY, HOUR, SUM_SELECT } from "./rollup-columns";
import { rebuiltRows } from "./rebuild";

// The nightly check of the rollups against the rows they count. The triggers write each count in the
// statement that writes its row, so nothing should drift; what could is a write that bypasses them
// (a row changed by hand in the D1 console, a future migration that rewrites a table, a trigger
// dropped by mistake). Once a day, for the last day that ended over an hour ago, the sums of that
// day's hour rollups (the grain that lasts: lifetime totals and windows over a day are made of it)
// are compared with the sums recomputed from its requests, events and attempts, per (source,
// connection, destination); if any differ, the day's hour rows are replaced by the recomputed ones.
// The day's minute and five-minute rows are left to expire within the day. Both the comparison's
// reads and the repair are single D1 batches (transactions), so a write landing meanwhile is either
// in both sides or in neither. `metric_reconciles` records the day.

const GRACE_MS = HOUR;
const KEY = "source_id, connection_id, destination_id";

const keyOf = (row: Record<string, unknown>) => `${row.source_id}|${row.connection_id}|${row.destination_id}`;
const sameSums = (a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined) =>
  ALL_COLUMNS.every((c) => Number(a?.[c] ?? 0) === Number(b?.[c] ?? 0));

export async function reconcileDay(db: Db, day: number, now: number) {
  const end = day + DAY;
  const inDay = sql`grain = ${sql.raw(String(HOUR))} AND bucket >= ${day} AND bucket < ${end}`;
  const [kept, recomputed] = await db.$client.batch([
    statement(db, sql`SELECT ${sql.raw(KEY)}, ${sql.raw(SUM_SELECT)} FROM metric_rollups WHERE ${inDay} GROUP BY 1, 2, 3`),
    statement(db, sql`SELECT ${sql.raw(KEY)}, ${sql.raw(SUM_SELECT)} FROM (${rebuiltRows(day, end)}) GROUP BY 1, 2, 3`),
  ]);
  const keptByKey = new Map(kept!.results.map((r) => [keyOf(r as Record<string, unknown>), r as Record<string, unknown>]));
  const rebuilt = new Map(recomputed!.results.map((r) => [keyOf(r as Record<string, unknown>), r as Record<string, unknown>]));
  const mismatched = [...new Set([...keptByKey.keys(), ...rebuilt.keys()])].filter((k) => !sameSums(keptByKey.get(k), rebuilt.get(k))).length;
  const record = statement(db, sql`INSERT INTO metric_reconciles (day, mismatched, checked_at) VALUES (${day}, ${mismatched}, ${now})
    ON CONFLICT (day) DO UPDATE SET mismatched = excluded.mismatched, checked_at = excluded.checked_at`);
  if (mismatched === 0) {
    await db.$client.batch([record]);
    return { day, mismatched };
  }
  await db.$client.batch([
    statement(db, sql`DELETE FROM metric_rollups WHERE ${inDay}`),
    statement(db, sql`INSERT INTO metric_rollups (bucket, source_id, connection_id, destination_id, ${sql.raw(ALL_COLUMNS.join(", "))}, grain)
      SELECT *, ${sql.raw(String(HOUR))} FROM (${rebuiltRows(day, end)})`),
    record,
  ]);
  log("warn", "metrics.reconciled", { day: new Date(day).toISOString(), mismatched });
  return { day, mismatched };
}

/** The cron chore: reconciles the last day that ended over an hour ago, once. */
export async function reconcileMetrics(db: Db, now: number) {
  const day = Math.floor((now - GRACE_MS) / DAY) * DAY - DAY;
  const done = await db.$client.prepare("SELECT 1 FROM metric_reconciles WHERE day = ?").bind(day).first();
  return done ? null : reconcileDay(db, day, now);
}
