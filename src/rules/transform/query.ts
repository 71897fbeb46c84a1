/**
 * Hookdeck hands transformations `parsed_query` beside the raw `query`; a key that repeats becomes
 * an array of its values.
 */
export function parseQuery(query: string): Record<string, string | string[]> {
  const parsed: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(query)) {
    const seen = parsed[key];
    parsed[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return parsed;
}
