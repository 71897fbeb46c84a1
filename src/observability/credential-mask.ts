import { maskSecret } from "../secret-mask";

// Traces and stored requests show headers, queries and attempt URLs, any of which can carry a credential: the sender's
// (basic, bearer or api_key verification), the one delivery adds for the destination (an api_key in
// the query ends up in the attempt's URL), or one a transformation writes. A trace is read by
// people debugging, pasted into tickets and chat, so it masks them like every other secret the API
// shows (spec §2: at most the last 4 characters).
//
// A value is masked when its name looks like a credential, when the source's verification or the
// destination's auth names it, or when it contains a secret known from those configs. Signature
// headers are masked too: not secrets, but a valid signature replays within its tolerance.

const SENSITIVE_NAME = /auth|token|secret|passw|key|signature|hmac|cookie|session|credential/i;

/** Whether a header or parameter name looks like it carries a credential (shown masked, kept from other origins). */
export const looksLikeCredential = (name: string) => SENSITIVE_NAME.test(name);

export interface Sensitive {
  /** Header and query parameter names (lower-case) that carry a credential. */
  names: Set<string>;
  /** Secret values that must not appear anywhere in a header, query or URL. */
  values: string[];
}

/** Credentials named or held by a verification or auth config: `header`, `query`, `name` are names. */
export function sensitiveOf(configs: (Record<string, unknown> | null | undefined)[]): Sensitive {
  const names = new Set<string>();
  const values: string[] = [];
  for (const config of configs) {
    if (!config) continue;
    for (const [field, value] of Object.entries(config)) {
      if ((field === "header" || field === "query" || field === "name") && typeof value === "string") names.add(value.toLowerCase());
      // `value` is custom_header auth's credential.
      else if (SENSITIVE_NAME.test(field) || field === "value" || field === "client_state") {
        for (const secret of [value].flat()) if (typeof secret === "string" && secret.length >= 4) values.push(secret);
      }
    }
  }
  return { names, values };
}

function scrub(text: string, sensitive: Sensitive): string {
  let out = text;
  for (const secret of sensitive.values) {
    for (const form of [secret, encodeURIComponent(secret)]) out = out.split(form).join(maskSecret(secret));
  }
  return out;
}

const isSensitive = (name: string, sensitive: Sensitive) => looksLikeCredential(name) || sensitive.names.has(name.toLowerCase());

export function maskHeaders(headers: Record<string, string>, sensitive: Sensitive): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, isSensitive(name, sensitive) ? maskSecret(value) : scrub(value, sensitive)]),
  );
}

/** A request's (or payload's) headers and query, masked; everything else as it was. */
export function maskParts<T extends { headers: Record<string, string>; query: string }>(parts: T, sensitive: Sensitive): T {
  return { ...parts, headers: maskHeaders(parts.headers, sensitive), query: maskQuery(parts.query, sensitive) };
}

/** A query string (without `?`) with credential parameters masked, for display (the mask is not URL-encoded). */
export function maskQuery(query: string, sensitive: Sensitive): string {
  if (query === "") return query;
  return query
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      if (eq < 0) return scrub(pair, sensitive);
      let name = pair.slice(0, eq);
      try {
        name = decodeURIComponent(name.replace(/\+/g, " "));
      } catch {
        // an undecodable name is matched as written
      }
      const value = pair.slice(eq + 1);
      return `${pair.slice(0, eq)}=${isSensitive(name, sensitive) ? maskSecret(value) : scrub(value, sensitive)}`;
    })
    .join("&");
}

export function maskUrl(url: string, sensitive: Sensitive): string {
  const at = url.indexOf("?");
  const base = scrub(at < 0 ? url : url.slice(0, at), sensitive);
  return at < 0 ? base : `${base}?${maskQuery(url.slice(at + 1), sensitive)}`;
}
