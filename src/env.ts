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
  MAX_BODY_BYTES?: string;
  SWEEP_GRACE_MS?: string;
  SOURCE_CACHE_TTL_MS?: string;
  ALLOW_PRIVATE_DESTINATIONS?: string;
  RETENTION_DAYS?: string;
}
