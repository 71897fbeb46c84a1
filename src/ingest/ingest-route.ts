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
import { readBody } from "./read-body";
import { loadSource, type SourceRow } from "./source-cache";
import { storeRequest, type RequestRecord } from "./store-request";

type Rejection = "verification_failed" | "method_not_allowed" | "payload_too_large" | "source_disabled";

const INGEST_PREFIX = /^\/e\/[^/]+/;

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
  const subPath = url.pathname.replace(INGEST_PREFIX, "");
  const base = {
    id: newId("request", now),
    sourceId: source.id,
    receivedAt: now,
    method: request.method,
    path: subPath,
    query: url.search.replace(/^\?/, ""),
    headers: Object.fromEntries(request.headers),
    enqueuedAt: now,
    verificationType: verification?.type ?? null,
  };
  // Stored with the request, in the same write: what search finds it by (docs/observability.md).
  const providerId = (body: Uint8Array) => providerEventId(base.verificationType, request.headers, body);

  // How long the signature check took, for the `verify` span (src/observability/telemetry/).
  let verifyMs: number | undefined;
  const reject = (rejection: Rejection, detail: string, body: Uint8Array, size: number, problem: Problem) => {
    const record = { ...base, providerEventId: providerId(body), bodySize: size, verified: false, rejection, rejectionDetail: detail };
    // A rejected request is recorded for the operator, but the sender need not wait for that.
    c.executionCtx.waitUntil(
      storeRequest(db, record, body).catch((error) => log("error", "rejection.store_failed", { request_id: base.id, error: errorField(error) })),
    );
    log("warn", "request.rejected", { request_id: base.id, source_id: source.id, method: base.method, verification: base.verificationType, rejection, detail, body_size: size,
      duration_ms: Date.now() - now, verify_ms: verifyMs });
    return problemResponse(problem);
  };

  const body = await readBody(request, cfg.maxBodyBytes);
  if (!body.ok) {
    return reject("payload_too_large", `body of ${body.size} bytes exceeds ${cfg.maxBodyBytes}`, new Uint8Array(0), body.size,
      new Problem(413, "Payload Too Large", `The body exceeds ${cfg.maxBodyBytes} bytes.`));
  }
  const input = { method: request.method, url: publicUrl(verification, url), headers: request.headers, body: body.bytes, now };

  const handshake = await answerHandshake(verification, input);
  if (handshake) return handshake;

  if (source.disabledAt) {
    return reject("source_disabled", "source is disabled", body.bytes, body.bytes.byteLength,
      new Problem(403, "Forbidden", "This source is not accepting requests."));
  }
  if (!source.allowedMethods.includes(request.method)) {
    return reject("method_not_allowed", `method ${request.method} not in ${source.allowedMethods.join(",")}`, body.bytes, body.bytes.byteLength,
      new Problem(405, "Method Not Allowed", undefined, undefined, { allow: source.allowedMethods.join(", ") }));
  }
  const verifyStarted = Date.now();
  const verdict = await verifyRequest(verification, input);
  verifyMs = Date.now() - verifyStarted;
  if (!verdict.ok) {
    return reject("verification_failed", verdict.reason, body.bytes, body.bytes.byteLength,
      new Problem(401, "Unauthorized", "The request could not be verified."));
  }

  const record: Omit<RequestRecord, "body" | "bodyChunks"> = {
    ...base, providerEventId: providerId(body.bytes), bodySize: body.bytes.byteLength, verified: verdict.verified,
  };
  try {
    await storeRequest(db, record, body.bytes);
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
    provider_event_id: record.providerEventId, body_size: record.bodySize, duration_ms: Date.now() - now, verify_ms: verifyMs,
  });
  return acknowledge(source, base.id);
}

function acknowledge(source: SourceRow, requestId: string): Response {
  const headers = { "x-request-id": requestId };
  if (source.response) {
    const { status, content_type, body } = source.response;
    return new Response(body, { status, headers: { ...headers, "content-type": content_type } });
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
