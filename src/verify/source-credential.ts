import type { Verification } from ".";

// A source's own credential (`bearer`, `basic`, `api_key` verification) proves the sender to the
// gateway and is meant for no one else. Ingest removes it from the request before storing it, so it
// never reaches D1, a transformation, a destination or an attempt's URL (docs/providers.md).
// Signatures (Stripe's, GitHub's, ...) stay: they are no key, and destinations may check them.

interface Parts {
  headers: Record<string, string>;
  /** The raw query string, without `?`. */
  query: string;
}

/** The request's headers and query without the header or query parameter that carries the credential. */
export function withoutSourceCredential(verification: Verification | null, parts: Parts): Parts {
  const where = credentialPlace(verification);
  if (!where) return parts;
  if (where.header) {
    const header = where.header.toLowerCase();
    return { ...parts, headers: Object.fromEntries(Object.entries(parts.headers).filter(([name]) => name.toLowerCase() !== header)) };
  }
  return { ...parts, query: withoutParameter(parts.query, where.query!) };
}

function credentialPlace(verification: Verification | null): { header?: string; query?: string } | null {
  switch (verification?.type) {
    case "bearer":
    case "basic":
      return { header: "authorization" };
    case "api_key":
      return verification.header !== undefined ? { header: verification.header } : { query: verification.query! };
    default:
      return null;
  }
}

/** Drops every `name=` pair and keeps the others exactly as they were written. */
function withoutParameter(query: string, name: string): string {
  if (query === "") return query;
  return query.split("&").filter((pair) => decodeName(pair.split("=", 1)[0]!) !== name).join("&");
}

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    return raw;
  }
}
