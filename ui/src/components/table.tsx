import type { ComponentChildren } from "preact";

export interface Column<T> {
  header: string;
  cell: (row: T) => ComponentChildren;
}

/** A plain data table: one row per item, an empty state when there are none. */
export function Table<T>({ caption, columns, rows, empty = "Nothing yet." }: { caption: string; columns: Column<T>[]; rows: T[]; empty?: string }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>{columns.map((c) => <th scope="col">{c.header}</th>)}</tr>
      </thead>
      <tbody>
        {rows.length === 0 && <tr><td colSpan={columns.length}>{empty}</td></tr>}
        {rows.map((row) => <tr>{columns.map((c) => <td>{c.cell(row)}</td>)}</tr>)}
      </tbody>
    </table>
  );
}

export const time = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : "—");
