import type { Span } from "./spans-from-log";

// Spans in the OTLP/HTTP JSON encoding (an ExportTraceServiceRequest): ids as hex, times as
// nanosecond strings, attributes as typed values. One resource, the gateway; one scope.

const SERVICE_NAME = "event-gateway";
const nanos = (ms: number) => `${BigInt(Math.round(ms)) * 1_000_000n}`;

function attributeList(attributes: Record<string, string | number | boolean>) {
  return Object.entries(attributes).map(([key, value]) => ({
    key,
    value: typeof value === "string" ? { stringValue: value } : typeof value === "boolean" ? { boolValue: value }
      : Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value },
  }));
}

// SpanKind: 2 server (the ingest answers a sender), 3 client (an attempt calls a destination), 1 internal.
const KIND: Record<string, number> = { ingest: 2, attempt: 3 };

export function otlpTraces(spans: Span[]) {
  return {
    resourceSpans: [{
      resource: { attributes: attributeList({ "service.name": SERVICE_NAME }) },
      scopeSpans: [{
        scope: { name: SERVICE_NAME },
        spans: spans.map((s) => ({
          traceId: s.traceId,
          spanId: s.spanId,
          ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
          name: s.name,
          kind: KIND[s.name] ?? 1,
          startTimeUnixNano: nanos(s.startMs),
          endTimeUnixNano: nanos(Math.max(s.startMs, s.endMs)),
          attributes: attributeList(s.attributes),
          events: (s.events ?? []).map((e) => ({ name: e.name, timeUnixNano: nanos(e.timeMs), attributes: attributeList(e.attributes) })),
          // STATUS_CODE_ERROR = 2, UNSET = 0.
          status: { code: s.error ? 2 : 0 },
        })),
      }],
    }],
  };
}
