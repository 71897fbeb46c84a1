import { randomSpanId, spanIdOf, traceIdOf } from "./span-ids";

// The lifecycle log lines (src/log.ts) as OpenTelemetry spans: each line the gateway writes at the
// end of a step carries the ids and, where it was timed, the step's duration, which is all a span
// needs. Hooking the one logging door keeps tracing out of the ingest, routing and delivery code.
//   request.accepted / request.rejected → `ingest` (the trace's root, named after the request) and
//                                         its child `verify`, when the source verifies
//   request.routed                      → `route`, a child of `ingest`, one event per created event
//   attempt.finished / .interrupted     → `attempt`, a child of `ingest`
// Lines of other kinds make no span.

export interface Span {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  startMs: number;
  endMs: number;
  error: boolean;
  attributes: Record<string, string | number | boolean>;
  events?: { name: string; timeMs: number; attributes: Record<string, string> }[];
}

type Fields = Record<string, unknown>;

/** The fields worth an attribute: ids and outcomes, never bodies or secrets (the log line has none). */
function attributes(fields: Fields, names: Record<string, string>): Span["attributes"] {
  const out: Span["attributes"] = {};
  for (const [field, attribute] of Object.entries(names)) {
    const value = fields[field];
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") out[attribute] = value;
  }
  return out;
}

const ROUTE = { request_id: "gateway.request.id", source_id: "gateway.source.id" };
const EVENT = { ...ROUTE, event_id: "gateway.event.id", connection_id: "gateway.connection.id", destination_id: "gateway.destination.id" };

function ingestSpans(event: string, f: Fields, now: number): Span[] {
  const requestId = String(f.request_id);
  const rejected = event === "request.rejected";
  const start = now - Number(f.duration_ms ?? 0);
  const root: Span = {
    traceId: traceIdOf(requestId), spanId: spanIdOf(requestId), name: "ingest", startMs: start, endMs: now, error: rejected,
    attributes: attributes(f, { ...ROUTE, method: "http.request.method", rejection: "gateway.rejection", body_size: "gateway.body_size" }),
  };
  if (!f.verification) return [root];
  // The line says how long verification took, not when: it is placed at the start of the ingest.
  return [root, {
    traceId: root.traceId, spanId: randomSpanId(), parentSpanId: root.spanId, name: "verify", startMs: start, endMs: start + Number(f.verify_ms ?? 0),
    error: f.rejection === "verification_failed",
    attributes: attributes(f, { ...ROUTE, verification: "gateway.verification", verified: "gateway.verified" }),
  }];
}

export function spansFromLog(event: string, f: Fields, now: number): Span[] {
  if (typeof f.request_id !== "string") return [];
  const traceId = traceIdOf(f.request_id);
  const parentSpanId = spanIdOf(f.request_id);
  switch (event) {
    case "request.accepted":
    case "request.rejected":
      return ingestSpans(event, f, now);
    case "request.routed": {
      const created = Array.isArray(f.events) ? (f.events as { id: string; destination_id: string }[]) : [];
      return [{
        traceId, spanId: randomSpanId(), parentSpanId, name: "route", startMs: Number(f.started_at ?? now), endMs: now, error: false,
        attributes: { ...attributes(f, ROUTE), "gateway.events": created.length },
        events: created.map((e) => ({ name: "event.created", timeMs: now, attributes: { "gateway.event.id": e.id, "gateway.destination.id": e.destination_id } })),
      }];
    }
    case "attempt.finished":
    case "attempt.interrupted": {
      const code = typeof f.status_code === "number" ? f.status_code : null;
      return [{
        traceId, spanId: typeof f.attempt_id === "string" ? spanIdOf(f.attempt_id) : randomSpanId(), parentSpanId, name: "attempt",
        startMs: now - Number(f.duration_ms ?? 0), endMs: now, error: code === null || code < 200 || code > 299,
        attributes: attributes(f, { ...EVENT, attempt_id: "gateway.attempt.id", number: "gateway.attempt.number", trigger: "gateway.attempt.trigger",
          status_code: "http.response.status_code", error: "error.type", event_status: "gateway.event.status" }),
      }];
    }
    default:
      return [];
  }
}
