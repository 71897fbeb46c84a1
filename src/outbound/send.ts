import { outboundUrlProblem } from "./address-guard";

// One outbound HTTP try, for deliveries and notifications alike: redirects followed by hand (at
// most 5, spec §6), every hop through the address guard before it is fetched, credentials kept
// from any other origin than the one configured, a timeout, the first 2 KB of the answer kept,
// and network failures sorted into the error classes attempts record. docs/delivery.md, Redirects.

export type DeliveryError =
  | "timeout" | "connection_refused" | "connection_lost" | "dns" | "tls" | "too_many_redirects" | "blocked_address" | "network";

export interface SendResult {
  status: number | null;
  error: DeliveryError | null;
  errorDetail: string | null;
  responseHeaders: Record<string, string>;
  responseBody: string | null;
  durationMs: number;
}

export interface SendOptions {
  url: URL;
  method: string;
  headers: Headers;
  /** Called once per hop, since a streamed body can be read only once. */
  body: () => BodyInit | null;
  timeoutMs: number;
  now: () => number;
  /** The deployment's ALLOW_PRIVATE_DESTINATIONS: loopback and private addresses may be used. */
  allowPrivate: boolean;
  /**
   * The credentials the caller added (header names, query parameter names): sent only to the
   * configured URL's origin, dropped once a redirect leaves it.
   */
  credentials?: Credentials;
}

export interface Credentials {
  headers: string[];
  query: string[];
  /** The body holds a credential (PagerDuty's routing key): a redirect that would resend it elsewhere is refused. */
  inBody?: boolean;
}

// Dropped across origins whatever the caller says: what commonly carries a credential, and the
// signature, which only the configured receiver can check and anyone else could replay to it.
const CROSS_ORIGIN_DROPPED = ["authorization", "proxy-authorization", "cookie", "webhook-signature"];

export const MAX_REDIRECTS = 5;
export const RESPONSE_BODY_LIMIT = 2048;

export async function send(options: SendOptions): Promise<SendResult> {
  const started = options.now();
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url = options.url;
  let method = options.method;
  let headers = options.headers;
  const elapsed = () => Math.max(0, options.now() - started);
  try {
    for (let hop = 0; ; hop++) {
      const refused = outboundUrlProblem(url, options.allowPrivate);
      if (refused) return failure("blocked_address", `${hop === 0 ? "" : "redirect to "}${url.protocol}//${url.host} refused: ${refused}`, elapsed());
      const hasBody = method !== "GET" && method !== "HEAD";
      const response = await fetch(url, { method, headers, body: hasBody ? options.body() : null, redirect: "manual", signal });
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        if (hop >= MAX_REDIRECTS) return failure("too_many_redirects", `more than ${MAX_REDIRECTS} redirects`, elapsed());
        url = new URL(location, url);
        // 303, and 301/302 after a POST, turn into a GET in every client users compare us with.
        if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST")) method = "GET";
        if (url.origin !== options.url.origin) {
          if (options.credentials?.inBody && method !== "GET" && method !== "HEAD") {
            return failure("blocked_address", `redirect to ${url.protocol}//${url.host} refused: it would resend a body that holds a credential to another origin`, elapsed());
          }
          // Once the chain has left the configured origin, nothing of the credentials follows it,
          // even back to that origin.
          headers = withoutCredentials(headers, options.credentials);
          for (const name of options.credentials?.query ?? []) url.searchParams.delete(name);
        }
        continue;
      }
      return {
        status: response.status,
        error: null,
        errorDetail: null,
        responseHeaders: Object.fromEntries(response.headers),
        responseBody: await readPrefix(response, RESPONSE_BODY_LIMIT),
        durationMs: elapsed(),
      };
    }
  } catch (error) {
    if (signal.aborted) return failure("timeout", `no answer within ${options.timeoutMs} ms`, elapsed());
    return failure(classify(error), String(error), elapsed());
  }
}

function withoutCredentials(headers: Headers, credentials: Credentials | undefined): Headers {
  const kept = new Headers(headers);
  for (const name of [...CROSS_ORIGIN_DROPPED, ...(credentials?.headers ?? [])]) kept.delete(name);
  return kept;
}

function failure(error: DeliveryError, detail: string, durationMs: number): SendResult {
  return { status: null, error, errorDetail: detail.slice(0, 500), responseHeaders: {}, responseBody: null, durationMs };
}

export function classify(error: unknown): DeliveryError {
  const text = String(error).toLowerCase();
  if (text.includes("refused")) return "connection_refused";
  // workerd reports a refused connection and one reset mid-answer alike, as "Network connection
  // lost", so the two cannot be told apart here.
  if (text.includes("connection lost")) return "connection_lost";
  if (text.includes("dns") || text.includes("name not resolved") || text.includes("getaddrinfo")) return "dns";
  if (text.includes("tls") || text.includes("ssl") || text.includes("certificate")) return "tls";
  if (text.includes("timed out") || text.includes("timeout")) return "timeout";
  return "network";
}

async function readPrefix(response: Response, limit: number): Promise<string | null> {
  if (!response.body) return null;
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  while (size < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => {});
  const bytes = new Uint8Array(Math.min(size, limit));
  let offset = 0;
  for (const part of parts) {
    const take = part.subarray(0, bytes.byteLength - offset);
    bytes.set(take, offset);
    offset += take.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
