import type { Reply } from "./read-result";
import type { TransformRequest } from "./types";

type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const FIELDS = new Set(["body", "headers", "query", "parsed_query", "path", "method"]);
// RFC 9110 token characters: what the Headers class and fetch accept as a name or a method.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Header values must not break the header block.
const UNSAFE_VALUE = /[\r\n\0]/;

/**
 * Checks what the handler returned. `body` and `headers` are required; `path`, `query` and
 * `method` keep their original values when left out (Hookdeck's request has no `method`);
 * `parsed_query` is ignored, as Hookdeck rebuilds it from `query`. Unknown fields are refused so a
 * misspelt field fails loudly instead of being dropped.
 */
export function checkReturnedRequest(reply: Reply, original: TransformRequest): Checked<TransformRequest> {
  if (reply.kind !== "object") return fail(`the handler must return the request object; it returned ${article(reply.kind)}`);
  const returned = parseObject(reply.json);
  if (returned === undefined) return fail("the returned request does not serialize as a JSON object: is toJSON defined on it or on Object.prototype?");
  const unknown = Object.keys(returned).filter((key) => !FIELDS.has(key));
  if (unknown.length > 0) {
    return fail(`the returned request has unknown field(s) ${unknown.map((k) => `"${k}"`).join(", ")}; allowed: body, headers, query, path, method`);
  }
  if (!("body" in returned)) return fail("the returned request has no body; use null for an empty body");

  const headers = checkHeaders(returned.headers, reply.undefinedHeaders);
  if (!headers.ok) return headers;
  const path = returned.path ?? original.path;
  if (typeof path !== "string" || !path.startsWith("/") || /[?#\s]/.test(path)) {
    return fail(`path must be a string that starts with "/" and has no "?", "#" or whitespace; got ${JSON.stringify(path)}`);
  }
  const query = returned.query ?? original.query;
  if (typeof query !== "string" || /[#\s]/.test(query)) {
    return fail(`query must be a string without "#" or whitespace, such as "a=1&b=2"; got ${JSON.stringify(query)}`);
  }
  const method = returned.method ?? original.method;
  if (typeof method !== "string" || !TOKEN.test(method)) {
    return fail(`method must be an HTTP method such as "POST"; got ${JSON.stringify(method)}`);
  }
  return {
    ok: true,
    value: { body: returned.body, headers: headers.value, query: query.replace(/^\?/, ""), path, method: method.toUpperCase() },
  };
}

/** The code's own toJSON methods may turn the request into anything, so its JSON is checked. */
function parseObject(json: string | undefined): Record<string, unknown> | undefined {
  if (json === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  return isRecord(value) ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkHeaders(headers: unknown, undefinedHeaders: string[]): Checked<Record<string, string>> {
  if (!isRecord(headers)) return fail("headers must be an object of header names to string values");
  if (undefinedHeaders.length > 0) {
    return fail(`header "${undefinedHeaders[0]}" is undefined (is a variable missing from context.env?)`);
  }
  // A Map, not an object: a header may be called "__proto__" or "constructor".
  const checked = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    if (!TOKEN.test(name)) return fail(`${JSON.stringify(name)} is not a valid header name`);
    if (typeof value !== "string") {
      return fail(`header "${name}" must be a string; got ${value === null ? "null" : typeof value}`);
    }
    if (UNSAFE_VALUE.test(value)) return fail(`header "${name}" contains a line break or NUL`);
    const lower = name.toLowerCase();
    if (checked.has(lower)) return fail(`header "${lower}" is set twice with different cases`);
    checked.set(lower, value);
  }
  return { ok: true, value: Object.fromEntries(checked) };
}

function article(kind: string): string {
  if (kind === "undefined" || kind === "null") return kind;
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}
