import { sql, type SQL } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client";

// One page of a search, newest first, in at most two D1 round trips whatever the filters.
//
// Filters an index serves (`indexed`: a source, connection, destination or status, the time window,
// the cursor) drive a scan in id order. Anything else (`residual`: the text filters, and a second
// structural filter no single index holds) is checked on each row the scan reads:
//
// - With no residual condition, the indexed scan is the answer: every row it reads matches.
// - With text filters the index can narrow (`prefilter`, text-index.ts), the full-text index names
//   the candidate requests. When there are at most CANDIDATE_LIMIT of them, all are checked and
//   sorted: an exact page, however rare the matches (the search for one id among millions).
// - Otherwise (many candidates, or nothing to narrow with) the scan reads at most SCAN_BUDGET rows
//   in id order and checks each, stopping when the page is full: a needle found in many rows fills
//   a page within the first few hundred. When the budget runs out first, the page holds what was
//   found, possibly nothing, and `next_cursor` is the last id read, so the next page goes on from
//   there: every request is bounded, and paging to the end misses nothing.
//
// A search takes one D1 round trip, or two when the full-text index is asked first: its candidates
// (none: the answer is empty; a few: the exact stage), then the stage that applies. Sending both
// stages in one batch would make each evaluate the full-text query again.

export const CANDIDATE_LIMIT = 2_000;
export const SCAN_BUDGET = 5_000;

export interface SearchTarget {
  /** The driving table's alias in every condition: `e` (events) or `r` (requests). */
  alias: "e" | "r";
  table: "events" | "requests";
  columns: SQL;
  /** Joins that give the residual conditions the requests row `r` (events only). */
  joinRequest: SQL;
  /** Joins from a candidate requests row `r` to the driving table (events only). */
  fromRequest: SQL;
}

export interface SearchSpec {
  indexed: SQL[];
  residual: SQL[];
  prefilter: string | null;
  limit: number;
}

export interface SearchPage<R> {
  rows: R[];
  next_cursor: string | null;
}

type Raw = Record<string, unknown>;

const where = (conditions: SQL[]) => (conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``);

// drizzle's batch cannot run raw SQL with parameters, so the statements go to D1 as they are.
const dialect = new SQLiteAsyncDialect();

async function batch(db: Db, statements: SQL[]): Promise<Raw[][]> {
  const prepared = statements.map((statement) => {
    const { sql: text, params } = dialect.sqlToQuery(statement);
    return db.$client.prepare(text).bind(...params);
  });
  return (await db.$client.batch<Raw>(prepared)).map((result) => result.results);
}

export async function searchPage<R extends { id: string }>(db: Db, target: SearchTarget, spec: SearchSpec, decode: (raw: Raw) => R): Promise<SearchPage<R>> {
  const { alias, table, columns } = target;
  const x = sql.raw(alias);
  const from = sql`FROM ${sql.raw(table)} ${x}`;
  const order = sql`ORDER BY ${x}.id DESC`;
  const pageSize = spec.limit + 1;

  if (spec.residual.length === 0) {
    const [rows] = await batch(db, [sql`SELECT ${columns} ${from} ${where(spec.indexed)} ${order} LIMIT ${pageSize}`]);
    return toPage(rows!.map(decode), spec.limit, null);
  }

  if (spec.prefilter !== null) {
    // Asked once, by itself: the candidates' rowids are handed to the exact stage as a list.
    const [candidates] = await batch(db, [sql`SELECT rowid AS rid FROM request_text WHERE request_text MATCH ${spec.prefilter} LIMIT ${CANDIDATE_LIMIT + 1}`]);
    if (candidates!.length === 0) return { rows: [], next_cursor: null };
    if (candidates!.length <= CANDIDATE_LIMIT) {
      const list = JSON.stringify(candidates!.map((c) => c.rid));
      const [rows] = await batch(db, [sql`SELECT ${columns} FROM json_each(${list}) c CROSS JOIN requests r ON r.rowid = c.value ${target.fromRequest}
        ${where([...spec.indexed, ...spec.residual])} ${order} LIMIT ${pageSize}`]);
      return toPage(rows!.map(decode), spec.limit, null);
    }
  }

  // The oldest id the budget reaches: the SCAN_BUDGET-th row of the indexed scan, read from the
  // index alone; NULL when fewer rows remain. The scan walks down to it in id order, checking each
  // row, and stops as soon as the page is full.
  const bound = sql`(SELECT ${x}.id ${from} ${where(spec.indexed)} ${order} LIMIT 1 OFFSET ${SCAN_BUDGET - 1})`;
  const [rows, [stats]] = await batch(db, [
    sql`SELECT ${columns} ${from} ${target.joinRequest} ${where([...spec.indexed, sql`${x}.id >= coalesce(${bound}, '')`, ...spec.residual])} ${order} LIMIT ${pageSize}`,
    sql`SELECT ${bound} AS last`,
  ]) as [Raw[], ScanStats[]];
  // When the budget ran out, the next page starts after the last row read.
  return toPage(rows.map(decode), spec.limit, stats!.last);
}

/** `last`: the oldest id the scan may read, when the budget ends before the rows do. */
interface ScanStats { last: string | null }

function toPage<R extends { id: string }>(rows: R[], limit: number, after: string | null): SearchPage<R> {
  if (rows.length > limit) return { rows: rows.slice(0, limit), next_cursor: rows[limit - 1]!.id };
  return { rows, next_cursor: after };
}
