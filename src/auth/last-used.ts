import { and, eq, isNull, lt, or } from "drizzle-orm";
import { database } from "../db/client";
import { apiKeys } from "../db/schema";
import type { Env } from "../env";
import { errorField, log } from "../log";

// `last_used_at` answers "is this key still used?", to the minute. Writing it on every request
// would double the D1 writes of a busy key, so each isolate writes it at most once a minute per
// key, after the answer (waitUntil), and only if no other isolate wrote a newer one.
export const LAST_USED_RESOLUTION_MS = 60_000;
const written = new Map<string, number>();

export function noteKeyUsed(env: Env, ctx: Pick<ExecutionContext, "waitUntil">, keyId: string, now: number) {
  const last = written.get(keyId);
  if (last !== undefined && now - last < LAST_USED_RESOLUTION_MS) return;
  if (written.size >= 1000) written.clear();
  written.set(keyId, now);
  const stale = now - LAST_USED_RESOLUTION_MS;
  const write = database(env.DB).update(apiKeys).set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, keyId), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, stale))))
    .run()
    .catch((error) => log("warn", "api_key.last_used_failed", { key_id: keyId, error: errorField(error) }));
  ctx.waitUntil(write);
}
