import type { ProblemField } from "../../http/problem";
import { parseBodyPath } from "./json-path";

// The search filters whose names are not fixed (spec §3): a JSON-path equality on the body, given as
// a query parameter named by the path (`?body.data.object.id=pi_123`), and a header equality
// (`?headers.x-github-event=push`). A fixed zod schema cannot declare them, so they are read from
// the raw query here and validated by hand, each problem naming its parameter.

export interface BodyFieldFilter {
  param: string;
  /** SQLite JSON path, e.g. `$."data"."object"."id"`. */
  path: string;
  value: string;
}

export interface HeaderFilter {
  param: string;
  /** Lower-case, as stored. */
  name: string;
  value: string;
}

export interface TextFilters {
  bodyContains: string | null;
  bodyFields: BodyFieldFilter[];
  headers: HeaderFilter[];
}

const BODY_PREFIX = "body.";
const HEADER_PREFIX = "headers.";
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
export const MAX_FIELD_FILTERS = 10;
export const MAX_VALUE_LENGTH = 1_000;

export type ParsedTextFilters = { ok: true; filters: TextFilters } | { ok: false; problems: ProblemField[] };

/** Reads `body.*` and `headers.*` parameters from a query string; `bodyContains` comes validated by zod. */
export function parseTextFilters(query: URLSearchParams, bodyContains: string | undefined): ParsedTextFilters {
  const problems: ProblemField[] = [];
  const filters: TextFilters = { bodyContains: bodyContains ?? null, bodyFields: [], headers: [] };
  const seen = new Set<string>();
  for (const [param, value] of query) {
    const isBody = param.startsWith(BODY_PREFIX);
    const isHeader = param.startsWith(HEADER_PREFIX);
    if (!isBody && !isHeader) continue;
    const where = `query.${param}`;
    if (seen.has(param)) {
      problems.push({ path: where, message: "give this parameter once" });
      continue;
    }
    seen.add(param);
    if (value.length > MAX_VALUE_LENGTH) {
      problems.push({ path: where, message: `a value has at most ${MAX_VALUE_LENGTH} characters` });
      continue;
    }
    if (isBody) {
      const path = parseBodyPath(param.slice(BODY_PREFIX.length));
      if (path.ok) filters.bodyFields.push({ param, path: path.sqlitePath, value });
      else problems.push({ path: where, message: path.message });
    } else {
      const name = param.slice(HEADER_PREFIX.length);
      if (HEADER_NAME.test(name)) filters.headers.push({ param, name: name.toLowerCase(), value });
      else problems.push({ path: where, message: "not a valid header name" });
    }
  }
  if (filters.bodyFields.length + filters.headers.length > MAX_FIELD_FILTERS) {
    problems.push({ path: "query", message: `at most ${MAX_FIELD_FILTERS} body.* and headers.* filters at once` });
  }
  return problems.length ? { ok: false, problems } : { ok: true, filters };
}

export const hasTextFilters = (f: TextFilters) => f.bodyContains !== null || f.bodyFields.length > 0 || f.headers.length > 0;
