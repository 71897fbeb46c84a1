import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";

// Search runs hand-written SQL (its joins and limits are beyond the query builder), yet answers the
// same typed rows drizzle would: columns are selected under their property names and each value
// goes through its column's own decoding (JSON, booleans).

type Columns<T extends SQLiteTable> = T["$inferSelect"];

/** `alias.column AS "property", ...` for every column but the omitted ones. */
export function selectColumns<T extends SQLiteTable, O extends keyof Columns<T> = never>(table: T, alias: string, omit: O[] = []): SQL {
  const entries = Object.entries(getTableColumns(table)).filter(([key]) => !omit.includes(key as O));
  return sql.join(entries.map(([key, column]) => sql`${sql.raw(alias)}.${sql.identifier(column.name)} AS ${sql.identifier(key)}`), sql`, `);
}

/** A raw row selected with selectColumns, decoded as drizzle would decode it. */
export function decodeRow<T extends SQLiteTable, O extends keyof Columns<T> = never>(table: T, raw: Record<string, unknown>): Omit<Columns<T>, O> {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    if (!(key in raw)) continue;
    const value = raw[key];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as Omit<Columns<T>, O>;
}
