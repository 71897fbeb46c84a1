import type { Context } from "hono";
import { config } from "../config";
import { database } from "../db/client";
import type { Env } from "../env";
import { Problem, problemResponse } from "../http/problem";
import { newId } from "../ids";
import { errorField, log } from "../log";
import { providerEventId } from "../observability/provider-event-id";
import { routeMsg } from "../queue/messages";
import { answerHandshake, verifyRequest, type Verification } from "../verify";
import { withoutSourceCredential } from "../verify/source-credential";
import { readBody } from "./read-body";
import { loadSource, type SourceRow } from "./source-cache";
import { storeRequest, type RequestRecord } from "./store-request";

type Rejection = "verification_failed" | "method_not_allowed" | "payload_too_large" | "source_disabled";

const INGEST_PREFIX = /^\/e\/[^/]+/;
/** How much of a rejected request's body is stored (docs/providers.md, at the top). */
export const REJECTED_BODY_LIMIT = 64 * 1024;
/** Statuses whose answer has no body (RFC 9110 §15.3.5, §15.3.6): a Response with one throws. */
export const NO_BODY_STATUSES = new Set([204, 205]);

/**
 * `/e/:source_id[/*]` (spec §3): size check → verification → persist (one D1 write) → enqueue the
 * id → answer. The sender hears 2xx only once the request is in D1.
 */
export async function ingest(c: Context<{ Bindings: Env }>): Promise<Response> {
  const env = c.env;
  const cfg = config(env);
  const now = Date.now();
  const db = database(env.DB);
  const url = new URL(c.req.url);
  const sourceId = c.req.param("source_id")!;

  let source: SourceRow | null;
  try {
    source = await loadSource(db, sourceId, cfg.sourceCacheTtlMs, now);
  } catch (error) {
    return unavailable("source lookup", error);
  }
  if (!source) return problemResponse(new Problem(404, "Not Found", "No such source."));

  const request = c.req.raw;
  const verification = source.verification as Verification | null;
  const base = requestBase(source, request, url, now);
  // How long the answer and the signature check took, for the log line and the `verify` span.
  const timing: Timing = { startedAt: now };
  const reject = (rejection: Rejection, detail: string, body: Uint8Array, size: number, problem: Problem) =>
    recordRejection(c, base, { rejection, detail, body, size }, problem, timing);

  const body = await readBody(request, cfg.maxBodyBytes);
  if (!body.ok) {
    return reject("payload_too_large", `body of ${body.size} bytes exceeds ${cfg.maxBodyBytes}`, new Uint8Array(0), body.size,
      new Problem(413, "Payload Too Large", `The body exceeds ${cfg.maxBodyBytes} bytes.`));
  }
  const input = { method: request.method, url: publicUrl(verification, url), headers: request.headers, body: body.bytes, now };

  // A disabled source answers nothing but its rejection, handshakes included: answering a
  // provider's challenge would keep registering an endpoint the operator switched off.
  if (source.disabledAt) {
    return reject("source_disabled", "source is disabled", body.bytes, body.bytes.byteLength,
      new Problem(403, "Forbidden", "This source is not accepting requests."));
  }
  const handshake = await answerHandshake(verification, input);
  if (handshake) return handshake;
  if (!source.allowedMethods.includes(request.method)) {
    return reject("method_not_allowed", `method ${request.method} not in ${source.allowedMethods.join(",")}`, body.bytes, body.bytes.byteLength,
      new Problem(405, "Method Not Allowed", undefined, undefined, { allow: source.allowedMethods.join(", ") }));
  }
  const verifyStarted = Date.now();
  const verdict = await verifyRequest(verification, input);
  timing.verifyMs = Date.now() - verifyStarted;
  if (!verdict.ok) {
    return reject("verification_failed", verdict.reason, body.bytes, body.bytes.byteLength,
      new Problem(401, "Unauthorized", "The request could not be verified."));
  }
  return accept(env, source, { ...base, providerEventId: base.providerId(body.bytes), bodySize: body.bytes.byteLength, verified: verdict.verified }, body.bytes, timing);
}

type RequestBase = Omit<RequestRecord, "body" | "bodyChunks" | "bodySize" | "verified"> & {
  id: string;
  /** The provider's own id for the webhook, stored with the request: what search finds it by (docs/observability.md). */
  providerId: (body: Uint8Array) => string | null;
};

/** What every stored request records, accepted or rejected. */
function requestBase(source: SourceRow, request: Request, url: URL, now: number): RequestBase {
  const verification = source.verification as Verification | null;
  // Stored, and so forwarded, without the source's own credential; verification reads the original.
  const stored = withoutSourceCredential(verification, { headers: Object.fromEntries(request.headers), query: url.search.replace(/^\?/, "") });
  const verificationType = verification?.type ?? null;
  return {
    id: newId("request", now),
    sourceId: source.id,
    receivedAt: now,
    method: request.method,
    path: url.pathname.replace(INGEST_PREFIX, ""),
    query: stored.query,
    headers: stored.headers,
    enqueuedAt: now,
    verificationType,
    providerId: (body) => providerEventId(verificationType, request.headers, body),
  };
}

type Timing = { startedAt: number; verifyMs?: number };

type RejectionFacts = { rejection: Rejection; detail: string; body: Uint8Array; size: number };

function recordRejection(c: Context<{ Bindings: Env }>, base: RequestBase, facts: RejectionFacts, problem: Problem, timing: Timing): Response {
  const { providerId, ...fields } = base;
  const { rejection, detail, body, size } = facts;
  const record = { ...fields, providerEventId: providerId(body), bodySize: size, verified: false, rejection, rejectionDetail: detail };
  // A rejected request is recorded for the operator, but the sender need not wait for that. Only
  // a prefix of its body is kept (body_size stays the size received): anyone who knows a source's
  // URL can send rejected requests, and they must not be able to fill D1 with them.
  c.executionCtx.waitUntil(
    storeRequest(database(c.env.DB), record, body.subarray(0, REJECTED_BODY_LIMIT))
      .catch((error) => log("error", "rejection.store_failed", { request_id: base.id, error: errorField(error) })),
  );
  log("warn", "request.rejected", { request_id: base.id, source_id: base.sourceId, method: base.method, verification: base.verificationType, rejection, detail, body_size: size,
    duration_ms: Date.now() - timing.startedAt, verify_ms: timing.verifyMs });
  return problemResponse(problem);
}

/** Stores an accepted request, hands its id to the queue, and answers: 2xx only once it is in D1. */
async function accept(env: Env, source: SourceRow, base: RequestBase & Pick<RequestRecord, "providerEventId" | "bodySize" | "verified">, body: Uint8Array, timing: Timing) {
  const { providerId: _, ...record } = base;
  try {
    await storeRequest(database(env.DB), record, body);
  } catch (error) {
    return unavailable("request store", error);
  }
  try {
    await env.DELIVERY_QUEUE.send(routeMsg(base.id));
  } catch (error) {
    // The request is durable: the sweeper routes requests that never reached the queue.
    log("error", "request.enqueue_failed", { request_id: base.id, error: errorField(error) });
  }
  log("info", "request.accepted", {
    request_id: base.id, source_id: source.id, method: base.method, verification: base.verificationType, verified: record.verified,
    provider_event_id: record.providerEventId, body_size: record.bodySize, duration_ms: Date.now() - timing.startedAt, verify_ms: timing.verifyMs,
  });
  return acknowledge(source, base.id);
}

function acknowledge(source: SourceRow, requestId: string): Response {
  const headers = { "x-request-id": requestId };
  if (source.response) {
    const { status, content_type, body } = source.response;
    if (NO_BODY_STATUSES.has(status)) return new Response(null, { status, headers });
    try {
      return new Response(body, { status, headers: { ...headers, "content-type": content_type } });
    } catch (error) {
      // Saved before the admin API refused such answers: the request is stored, so the sender must
      // still hear 2xx, or it would send it again.
      log("warn", "source.response_invalid", { source_id: source.id, request_id: requestId, error: errorField(error) });
    }
  }
  return Response.json({ request_id: requestId }, { headers });
}

function publicUrl(verification: Verification | null, received: URL): URL {
  const configured = verification && "public_url" in verification ? (verification.public_url as string | undefined) : undefined;
  if (!configured) return received;
  const url = new URL(configured);
  url.search = received.search;
  return url;
}

function unavailable(step: string, error: unknown): Response {
  log("error", "ingest.unavailable", { step, error: errorField(error) });
  return problemResponse(new Problem(503, "Service Unavailable", "The request was not stored; please retry.", undefined, { "retry-after": "5" }));
}
