import { eq, lte, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { dedupeKeys } from "../db/schema";
import { isForwardedHeader } from "../delivery/outbound-request";
import { concatBytes, toHex } from "../bytes";
import { parseFieldPath, valuesAt, withoutPath } from "./field-paths";

// The `deduplicate` rule (spec §2): a request whose key was already seen on this connection within
// the window is dropped. The key is a SHA-256 of the chosen fields; the store is a D1 table, so the
// check holds across every isolate and consumer.

export interface DedupeRule {
  window_ms: number;
  include_fields?: string[];
  exclude_fields?: string[];
}

export interface DedupeInput {
  body: unknown;
  headers: Record<string, string>;
  rawBody: Uint8Array;
}

const encoder = new TextEncoder();

/** Field paths must start with `body` or `headers`; returns the paths that are not valid. */
export function invalidFieldPaths(paths: string[]): number[] {
  return paths.flatMap((path, i) => {
    const segments = parseFieldPath(path);
    const first = segments?.[0];
    return first && "key" in first && (first.key === "body" || first.key === "headers") ? [] : [i];
  });
}

export async function dedupeKey(rule: DedupeRule, input: DedupeInput): Promise<string> {
  const headers = Object.fromEntries(Object.entries(input.headers).map(([k, v]) => [k.toLowerCase(), v]));
  let material: string | Uint8Array;
  if (rule.include_fields) {
    const root = { body: input.body, headers };
    material = JSON.stringify(rule.include_fields.map((path) => valuesAt(root, parseFieldPath(path) ?? [])));
  } else if (rule.exclude_fields) {
    let root: unknown = { body: input.body ?? new TextDecoder().decode(input.rawBody), headers };
    for (const path of rule.exclude_fields) root = withoutPath(root, parseFieldPath(path) ?? []);
    material = JSON.stringify(root);
  } else {
    // The whole request: its bytes, and the headers the sender chose (not the ones the edge added).
    const own = Object.entries(headers).filter(([name]) => isForwardedHeader(name)).sort(([a], [b]) => (a < b ? -1 : 1));
    material = concatBytes(JSON.stringify(own), input.rawBody);
  }
  const bytes = typeof material === "string" ? encoder.encode(material) : material;
  return toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)));
}

/**
 * Claims `key` for this request: true when it is new, expired, or already this request's own (a
 * request routed again is not its own duplicate). One statement, so two isolates cannot both win.
 */
export async function claimKey(db: Db, claim: { connectionId: string; key: string; requestId: string; now: number; windowMs: number }) {
  const won = await db
    .insert(dedupeKeys)
    .values({ connectionId: claim.connectionId, key: claim.key, requestId: claim.requestId, expiresAt: claim.now + claim.windowMs })
    .onConflictDoUpdate({
      target: [dedupeKeys.connectionId, dedupeKeys.key],
      set: { requestId: claim.requestId, expiresAt: claim.now + claim.windowMs },
      setWhere: or(lte(dedupeKeys.expiresAt, claim.now), eq(dedupeKeys.requestId, claim.requestId)),
    })
    .returning({ requestId: dedupeKeys.requestId });
  return won.length > 0;
}

/** Deletes expired keys, a bounded batch at a time, for the cron. */
export async function purgeExpiredKeys(db: Db, now: number, limit = 1000) {
  const result = await db.run(
    sql`DELETE FROM ${dedupeKeys} WHERE rowid IN (SELECT rowid FROM ${dedupeKeys} WHERE ${dedupeKeys.expiresAt} <= ${now} LIMIT ${limit})`,
  );
  return result.meta.changes;
}
