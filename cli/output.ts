import { stringify } from "yaml";

// Everything the command prints goes through here: results on stdout (JSON with --json), progress
// and errors on stderr, so `--json` output stays parseable while a long operation reports.

/** A failure the user can act on: printed as one line on stderr, exit status 1. */
export class CliError extends Error {}

export interface Output {
  json: boolean;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** One object: YAML for people (readable nesting), JSON for machines. */
export function printObject(out: Output, value: unknown): void {
  if (out.json) printJson(value);
  else process.stdout.write(stringify(value, { lineWidth: 0 }));
}

export function printLine(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** A progress or status note: never on stdout, so it cannot corrupt `--json` output. */
export function note(text: string): void {
  process.stderr.write(`${text}\n`);
}

export type Column<T> = [header: string, value: (row: T) => unknown];

/** Rows as aligned columns, a header first; an empty list says so instead of printing a bare header. */
export function printTable<T>(rows: T[], columns: Column<T>[], empty = "Nothing found."): void {
  if (rows.length === 0) {
    note(empty);
    return;
  }
  const cells = [columns.map(([header]) => header), ...rows.map((row) => columns.map(([, value]) => cellText(value(row))))];
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => line[i]!.length)));
  for (const line of cells) printLine(line.map((cell, i) => (i === line.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  ").trimEnd());
}

const cellText = (value: unknown): string => (value === null || value === undefined ? "-" : String(value));

/** Prints a list page: a table, or the API's `{data, next_cursor}` as is with --json. */
export function printPage<T>(out: Output, page: { data: T[]; next_cursor: string | null }, columns: Column<T>[]): void {
  if (out.json) return printJson(page);
  printTable(page.data, columns);
  if (page.next_cursor) note(`More: --cursor ${page.next_cursor}`);
}

/** The last line of every failed run: `error: <what is wrong>` on stderr, exit status 1. */
export function failWith(error: unknown): never {
  const message = error instanceof CliError ? error.message : error instanceof Error ? `unexpected: ${error.message}` : String(error);
  process.stderr.write(`error: ${message.replace(/\s*\n\s*/g, " ")}\n`);
  process.exit(1);
}
