import { errorField, log } from "../../log";
import { otlpTraces } from "./otlp-json";
import { spansFromLog, type Span } from "./spans-from-log";

// Sends lifecycle spans to an OpenTelemetry collector over OTLP/HTTP (JSON), when
// OTEL_EXPORTER_OTLP_ENDPOINT is set; otherwise every call here does nothing. Spans wait in a
// buffer of this isolate, bounded at MAX_BUFFERED (beyond it new spans are dropped and counted, so a
// collector that is down costs memory for at most that many), and leave in batches of up to
// MAX_BATCH in the background (waitUntil): at the end of each invocation, and FLUSH_DELAY_MS after
// the first span recorded when none is pending, for the work an invocation continues after its
// answer. Export never blocks or fails ingest or delivery: a batch the collector refuses is dropped.

export const MAX_BUFFERED = 2_000;
export const MAX_BATCH = 500;
const FLUSH_DELAY_MS = 1_000;

interface Target { url: string; headers: Record<string, string> }
interface Waiter { waitUntil(promise: Promise<unknown>): void }

let target: Target | null = null;
let waiter: Waiter | null = null;
let buffer: Span[] = [];
let dropped = 0;
let flushPending = false;

/** OTEL_EXPORTER_OTLP_HEADERS: `key=value` pairs separated by commas, values URL-encoded (the OTel convention). */
export function parseHeaders(text: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of (text ?? "").split(",")) {
    const at = pair.indexOf("=");
    if (at > 0) headers[pair.slice(0, at).trim()] = decodeURIComponent(pair.slice(at + 1).trim());
  }
  return headers;
}

/** Called at each entry point: the configuration, and the invocation whose waitUntil carries exports. */
export function bindTelemetry(env: { OTEL_EXPORTER_OTLP_ENDPOINT?: string; OTEL_EXPORTER_OTLP_HEADERS?: string }, ctx: Waiter) {
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  target = endpoint ? { url: `${endpoint.replace(/\/+$/, "")}/v1/traces`, headers: parseHeaders(env.OTEL_EXPORTER_OTLP_HEADERS) } : null;
  waiter = ctx;
}

/** The log door's hook (src/log.ts). */
export function recordLifecycle(event: string, fields: Record<string, unknown>) {
  if (!target) return;
  const spans = spansFromLog(event, fields, Date.now());
  if (spans.length === 0) return;
  const room = MAX_BUFFERED - buffer.length;
  dropped += Math.max(0, spans.length - room);
  buffer.push(...spans.slice(0, Math.max(0, room)));
  if (!flushPending && waiter) {
    flushPending = true;
    waiter.waitUntil(new Promise((resolve) => setTimeout(resolve, FLUSH_DELAY_MS)).then(flushTelemetry));
  }
}

/** Sends what is buffered, a batch per request to the collector. */
export async function flushTelemetry(): Promise<void> {
  flushPending = false;
  const to = target;
  while (to && buffer.length > 0) {
    const batch = buffer.splice(0, MAX_BATCH);
    try {
      const res = await fetch(to.url, { method: "POST", headers: { ...to.headers, "content-type": "application/json" }, body: JSON.stringify(otlpTraces(batch)) });
      await res.body?.cancel();
      if (!res.ok) log("warn", "telemetry.export_failed", { status: res.status, spans: batch.length });
    } catch (error) {
      log("warn", "telemetry.export_failed", { error: errorField(error), spans: batch.length });
    }
  }
  if (dropped > 0) {
    log("warn", "telemetry.spans_dropped", { spans: dropped });
    dropped = 0;
  }
}

/** What is waiting, for tests and the log. */
export const telemetryBacklog = () => ({ buffered: buffer.length, dropped });
