import { fieldValue } from "./field-value";
import type { TextFilters } from "./text-filters";

// The full-text index over stored requests (migrations: request_text): an FTS5 table with the
// trigram tokenizer, case-sensitive, over each inline body (as UTF-8 text) and the headers JSON.
// `detail=column` keeps it small: it knows which trigrams each column holds, not where, so it cannot
// match phrases. A search therefore asks it for rows that hold every trigram of a needle (a superset
// of the rows that hold the needle itself) and checks the real condition on those rows
// (src/observability/search/exact-match.ts). The index only narrows; it never decides alone.

// Trigrams per needle: enough to be selective, few enough that the index merges few lists.
const MAX_TRIGRAMS = 8;

/** Distinct trigrams of `text` (by code point), at most MAX_TRIGRAMS spread evenly over it. */
export function trigrams(text: string): string[] {
  const chars = Array.from(text);
  const all = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) all.add(chars.slice(i, i + 3).join(""));
  const distinct = [...all];
  if (distinct.length <= MAX_TRIGRAMS) return distinct;
  const step = (distinct.length - 1) / (MAX_TRIGRAMS - 1);
  return Array.from({ length: MAX_TRIGRAMS }, (_, k) => distinct[Math.round(k * step)]!);
}

const quote = (term: string) => `"${term.replaceAll('"', '""')}"`;

function needle(column: "body" | "headers", text: string): string | null {
  const terms = trigrams(text);
  return terms.length === 0 ? null : `${column} : (${terms.map(quote).join(" AND ")})`;
}

/**
 * The FTS5 expression that every matching request satisfies, or null when no filter can use the
 * index. Headers are stored as JSON.stringify wrote them, so `"name":"value"` is their exact form.
 */
export function prefilter(filters: TextFilters): string | null {
  const parts: (string | null)[] = [];
  if (filters.bodyContains !== null) parts.push(needle("body", filters.bodyContains));
  for (const field of filters.bodyFields) {
    const { needle: text } = fieldValue(field.value);
    if (text !== null) parts.push(needle("body", text));
  }
  for (const header of filters.headers) parts.push(needle("headers", `${JSON.stringify(header.name)}:${JSON.stringify(header.value)}`));
  const usable = parts.filter((p): p is string => p !== null);
  return usable.length ? usable.map((p) => `(${p})`).join(" AND ") : null;
}
