import { looksLikeCredential } from "../observability/credential-mask";
import type { Credentials } from "../outbound/send";
import { applyAuth, authCredentials, type DestinationAuth } from "./destination-auth";

// What the gateway sends to a destination for one event (spec §6), as a pure function of the
// stored request, the destination and the event. See docs/architecture.md, "Outbound requests".

export interface OutboundInput {
  eventId: string;
  /** Seconds since the epoch, sent as `webhook-timestamp`. */
  timestamp: number;
  destination: { url: string; httpMethod: string; headers: Record<string, string>; auth: DestinationAuth | null };
  request: { path: string; query: string; headers: Record<string, string> };
}

export const USER_AGENT = "EventGateway/0.1";

// Headers that describe one hop (RFC 9110 §7.6.1), that the runtime recomputes, or that Cloudflare's
// edge added on the way in: none of them belongs to the webhook itself.
const DROPPED = new Set([
  "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection", "te",
  "trailer", "transfer-encoding", "upgrade", "host", "content-length", "accept-encoding", "cdn-loop",
  "x-real-ip", "true-client-ip", "user-agent", "webhook-id", "webhook-timestamp", "webhook-signature",
]);
const DROPPED_PREFIXES = ["cf-", "x-forwarded-"];

export function isForwardedHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return !DROPPED.has(lower) && !DROPPED_PREFIXES.some((p) => lower.startsWith(p));
}

export function outboundUrl(destinationUrl: string, path: string, query: string): URL {
  const url = new URL(destinationUrl);
  if (path && path !== "/") url.pathname = url.pathname.replace(/\/$/, "") + path;
  if (query) {
    for (const [key, value] of new URLSearchParams(query)) url.searchParams.append(key, value);
  }
  return url;
}

export interface OutboundRequest {
  url: URL;
  recordedUrl: string;
  method: string;
  headers: Headers;
  /** What send() keeps from other origins: the auth, and the destination's own headers named like a credential. */
  credentials: Credentials;
}

export function outboundRequest(input: OutboundInput): OutboundRequest {
  const headers = new Headers();
  for (const [name, value] of Object.entries(input.request.headers)) {
    if (isForwardedHeader(name)) headers.set(name, value);
  }
  for (const [name, value] of Object.entries(input.destination.headers)) headers.set(name, value);
  headers.set("user-agent", USER_AGENT);
  headers.set("webhook-id", input.eventId);
  headers.set("webhook-timestamp", String(input.timestamp));
  const url = outboundUrl(input.destination.url, input.request.path, input.request.query);
  // What the attempt records: the URL before an api_key credential joins its query, since attempts
  // are shown by the API and secrets are write-only there.
  const recordedUrl = url.toString();
  applyAuth(input.destination.auth, url, headers);
  const auth = authCredentials(input.destination.auth);
  const credentials = { headers: [...Object.keys(input.destination.headers).filter(looksLikeCredential), ...auth.headers], query: auth.query };
  return { url, recordedUrl, method: input.destination.httpMethod, headers, credentials };
}
