import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { apiKeys } from "../db/schema";

export type ApiKeyRow = typeof apiKeys.$inferSelect;

// Every admin request resolves its key; caching the row per isolate keeps that off D1. The bound
// is the promise of spec §8: a key revoked in one isolate stops working in every other within
// KEY_CACHE_TTL_MS (at once in the isolate that revoked it, which forgets its cache). Expiry is
// checked on every use against the cached row, so it is exact.
export const KEY_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 1000;
const cache = new Map<string, { row: ApiKeyRow | null; until: number }>();

export type KeyLookup = { hash: string } | { id: string };

export async function lookupKey(db: Db, by: KeyLookup, now: number): Promise<ApiKeyRow | null> {
  const cacheKey = "hash" in by ? `hash:${by.hash}` : `id:${by.id}`;
  const hit = cache.get(cacheKey);
  if (hit && hit.until > now) return hit.row;
  const where = "hash" in by ? eq(apiKeys.keyHash, by.hash) : eq(apiKeys.id, by.id);
  const row = (await db.select().from(apiKeys).where(where).get()) ?? null;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(cacheKey, { row, until: now + KEY_CACHE_TTL_MS });
  return row;
}

/** Called after a key changes (revocation) so this isolate sees it at once; keys are few, so all go. */
export function forgetKeys() {
  cache.clear();
}
