import type { Pacer } from "./pacing/pacer";
import type { QueueMessage } from "./queue/messages";
import type { ReplayJob } from "./replay/replay-job";

/** The Worker's bindings as wrangler.toml and .dev.vars declare them (spec §1). */
export interface Env {
  DB: D1Database;
  DELIVERY_QUEUE: Queue<QueueMessage>;
  PACER: DurableObjectNamespace<Pacer>;
  REPLAY: DurableObjectNamespace<ReplayJob>;
  ADMIN_TOKEN: string;
  /** Encrypts secrets at rest: base64 of 32 random bytes (docs/security.md). */
  ENCRYPTION_KEY?: string;
  /** The key before the last rotation: still decrypts, never encrypts. */
  ENCRYPTION_KEY_PREVIOUS?: string;
  MAX_BODY_BYTES?: string;
  SWEEP_GRACE_MS?: string;
  SOURCE_CACHE_TTL_MS?: string;
  ALLOW_PRIVATE_DESTINATIONS?: string;
  RETENTION_DAYS?: string;
  // OpenTelemetry export (docs/observability.md): the collector's OTLP/HTTP base URL, and headers as
  // `key=value,…` (a secret: it usually carries the collector's credential). Unset: no export.
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  OTEL_EXPORTER_OTLP_HEADERS?: string;
}
