// How each part of a stored request is presented to its filter (spec §4).

// Fatal: bytes that are not UTF-8 are not JSON, rather than JSON with replacement characters. A
// leading byte-order mark is dropped.
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/**
 * The body as `body` filters see it: parsed JSON, or `undefined` when the body is not JSON, which
 * then offers no fields (spec §3, §4). A body declared JSON (`application/json`, `…+json`) is
 * parsed whatever its first character, so a JSON scalar such as `false` can be matched (Hookdeck's
 * "single value match"); an undeclared or mislabelled body is parsed when it starts as an object or
 * array does, since senders often label JSON `text/plain` or not at all. Never throws.
 */
export function parseBodyForFilter(bytes: Uint8Array, contentType?: string): unknown {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return undefined;
  }
  const first = text.trimStart()[0];
  if (first === undefined || (!isJsonMediaType(contentType) && first !== "{" && first !== "[")) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isJsonMediaType(contentType: string | undefined): boolean {
  const essence = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return essence === "application/json" || essence === "text/json" || essence.endsWith("+json");
}

/**
 * The query string as `query` filters see it: an object of its parameters, values decoded, a
 * repeated name giving a list in order (`?tag=a&tag=b` → `{"tag": ["a", "b"]}`), a name without a
 * value giving `""`. Names are kept as written: `a[b]=1` is the parameter `a[b]`, not a nested
 * object. A leading `?` is allowed.
 */
export function parseQuery(query: string): Record<string, string | string[]> {
  const params = new Map<string, string | string[]>();
  for (const [name, value] of new URLSearchParams(query)) {
    const seen = params.get(name);
    if (seen === undefined) params.set(name, value);
    else if (Array.isArray(seen)) seen.push(value);
    else params.set(name, [seen, value]);
  }
  // fromEntries defines own properties, so a parameter named __proto__ is a parameter like any other.
  return Object.fromEntries(params);
}

/** Header names are case-insensitive (RFC 9110): filters see them lower-cased. */
export function lowerCaseNames(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
