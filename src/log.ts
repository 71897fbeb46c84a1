import { recordLifecycle } from "./observability/telemetry/exporter";

// Structured logs: one JSON object per line, ids and outcomes only (never secrets, never bodies),
// so Workers Logs and Logpush can index them. The lifecycle lines among them also become
// OpenTelemetry spans when an OTLP endpoint is configured (docs/observability.md § OpenTelemetry).
export function log(level: "info" | "warn" | "error", event: string, fields: Record<string, unknown>) {
  recordLifecycle(event, fields);
  const line = JSON.stringify({ level, event, ...fields });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}

/**
 * An error as a log field. Drizzle's query errors repeat the statement's parameters, which carry
 * request bodies and headers; the underlying driver error (its `cause`) says what went wrong
 * without them.
 */
export function errorField(error: unknown): string {
  const cause = (error as { cause?: unknown })?.cause;
  return String(cause ?? error).slice(0, 300);
}
