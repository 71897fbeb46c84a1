import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { sources } from "../db/schema";
import { SOURCE_SECRETS } from "../secrets/secret-columns";
import { openRow } from "../secrets/sealed-row";

export type SourceRow = typeof sources.$inferSelect;

// Ingest reads its source on every request; caching it per isolate for a few seconds keeps ingest
// at one D1 write per webhook. The price: a change to a source reaches ingest within the TTL
// (SOURCE_CACHE_TTL_MS), which docs/architecture.md states. The row is cached decrypted, so the
// verification secret's decryption costs once per TTL, not once per webhook.
const cache = new Map<string, { row: SourceRow | null; until: number }>();
const MAX_ENTRIES = 1000;

export async function loadSource(db: Db, id: string, ttlMs: number, now: number) {
  const hit = cache.get(id);
  if (hit && hit.until > now) return hit.row;
  const stored = await db.select().from(sources).where(eq(sources.id, id)).get();
  const row = stored ? await openRow(SOURCE_SECRETS, stored) : null;
  if (ttlMs > 0) {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(id, { row, until: now + ttlMs });
  }
  return row;
}

/** Called by the admin API after it changes a source, so this isolate sees the change at once. */
export function forgetSource(id: string) {
  cache.delete(id);
}
