import { database } from "../db/client";
import type { Env } from "../env";
import { timingSafeEqual } from "../http/constant-time";
import { API_KEY_PREFIX, hashApiKey } from "./api-key-token";
import { type ApiKeyRow, lookupKey } from "./key-cache";
import { ADMIN_TOKEN_KEY_ID, type Principal } from "./principal";

const usable = (row: ApiKeyRow | null, now: number): Principal | null =>
  row && row.revokedAt === null && (row.expiresAt === null || row.expiresAt > now) ? { keyId: row.id, role: row.role } : null;

/**
 * Resolves a presented secret (a bearer token) to its principal, or null when it opens nothing:
 * an `egk_` API key that exists, is not revoked and has not expired, or the bootstrap ADMIN_TOKEN.
 */
export async function principalForKey(env: Env, presented: string, now = Date.now()): Promise<Principal | null> {
  if (presented.startsWith(API_KEY_PREFIX)) {
    // Looked up by hash: the stored value is not the secret, so no comparison on it can leak it.
    const principal = usable(await lookupKey(database(env.DB), { hash: await hashApiKey(presented) }, now), now);
    if (principal) return principal;
  }
  const expected = env.ADMIN_TOKEN;
  if (expected && (await timingSafeEqual(presented, expected))) return { keyId: ADMIN_TOKEN_KEY_ID, role: "admin" };
  return null;
}

/**
 * The principal a key id still stands for, or null once the key is revoked, expired or deleted.
 * Dashboard sessions call it on each use, so revoking a key ends its sessions within the same
 * bound as the key itself (KEY_CACHE_TTL_MS).
 */
export async function principalForKeyId(env: Env, keyId: string, now = Date.now()): Promise<Principal | null> {
  if (keyId === ADMIN_TOKEN_KEY_ID) return env.ADMIN_TOKEN ? { keyId, role: "admin" } : null;
  return usable(await lookupKey(database(env.DB), { id: keyId }, now), now);
}
