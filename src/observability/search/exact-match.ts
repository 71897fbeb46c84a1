import { sql, type SQL } from "drizzle-orm";
import { fieldValue } from "./field-value";
import type { TextFilters } from "./text-filters";

// The text filters as SQL conditions on a stored request row, exact: the text index only narrows
// the rows these run on (text-index.ts). `body` is a BLOB (bodies are stored byte for byte), NULL
// when the body is kept in chunks (over 1 MB), which no body filter matches.

const body = sql.raw("r.body");
const headers = sql.raw("r.headers");
// SQLite reads a BLOB given to its JSON functions as its binary JSONB format; our bodies are text.
const bodyText = sql`CAST(${body} AS TEXT)`;

/** `body_contains`: the bytes of the text appear in the body (case-sensitive). */
const contains = (text: string): SQL => sql`instr(${body}, CAST(${text} AS BLOB)) > 0`;

/** `body.<path>=<value>`: loose equality (field-value.ts); a body that is not JSON matches nothing. */
function fieldEquals(path: string, raw: string): SQL {
  const value = fieldValue(raw);
  const at = sql`json_extract(${bodyText}, ${path})`;
  const number = value.number === null ? sql`0` : sql`${at} = ${value.number}`;
  // CASE evaluates in order, so json_extract never sees malformed JSON (which would be an error).
  return sql`(CASE WHEN json_valid(${bodyText}) THEN (CASE json_type(${bodyText}, ${path})
    WHEN 'text' THEN ${at} = ${value.text}
    WHEN 'integer' THEN ${number}
    WHEN 'real' THEN ${number}
    WHEN 'true' THEN ${value.text} = 'true'
    WHEN 'false' THEN ${value.text} = 'false'
    WHEN 'null' THEN ${value.text} = 'null'
    ELSE 0 END) ELSE 0 END)`;
}

/** `headers.<name>=<value>`: stored header names are lower-case, values compared exactly. */
const headerEquals = (name: string, value: string): SQL => sql`json_extract(${headers}, ${`$."${name}"`}) = ${value}`;

/** Every text filter as a condition on the requests row aliased `r`. */
export function exactMatch(filters: TextFilters): SQL[] {
  return [
    ...(filters.bodyContains !== null ? [contains(filters.bodyContains)] : []),
    ...filters.bodyFields.map((f) => fieldEquals(f.path, f.value)),
    ...filters.headers.map((h) => headerEquals(h.name, h.value)),
  ];
}
