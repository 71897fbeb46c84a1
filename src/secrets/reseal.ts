import { getTableColumns } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { database } from "../db/client";
import { errorField, log } from "../log";
import { keyring } from "./keyring";
import { SECRET_TABLES, type SecretTable } from "./secret-columns";
import { openRow, sealRow } from "./sealed-row";
import { SecretError } from "./secret-error";

// The cron's re-encryption pass: rows whose secrets are still plaintext (written before
// encryption existed; a SQL migration cannot encrypt) or under ENCRYPTION_KEY_PREVIOUS are sealed
// again under ENCRYPTION_KEY, a batch per table per run. Once a pass finds nothing, the previous
// key can be removed (docs/security.md).

const BATCH = 100;

export async function resealStale(d1: D1Database): Promise<Record<string, number>> {
  const ring = await keyring();
  if (!ring.current) throw new SecretError("ENCRYPTION_KEY", "is not set, so secrets stay as they are stored");
  const resealed: Record<string, number> = {};
  for (const spec of SECRET_TABLES) {
    const count = await resealTable(d1, spec, ring.current.kid);
    if (count > 0) resealed[spec.name] = count;
  }
  if (Object.keys(resealed).length > 0) log("info", "secrets.resealed", { tables: resealed });
  return resealed;
}

async function resealTable(d1: D1Database, spec: SecretTable<{ id: string }>, kid: string): Promise<number> {
  const columns = getTableColumns(spec.table) as Record<string, SQLiteColumn>;
  const rows = (await database(d1).select().from(spec.table).where(spec.staleWhere(kid)).limit(BATCH).all()) as ({ id: string; updatedAt: number } & Record<string, unknown>)[];
  const updates: D1PreparedStatement[] = [];
  for (const row of rows) {
    let sealed: Record<string, unknown>;
    try {
      sealed = await sealRow(spec, await openRow(spec, row));
    } catch (error) {
      // Left as it is (it needs the key it was written under) and named in the log.
      log("error", "secrets.reseal_failed", { error: errorField(error) });
      continue;
    }
    const names = spec.columns(row);
    const sets = names.map((n) => `${columns[n]!.name} = ?`).join(", ");
    const values = names.map((n) => (columns[n]!.columnType === "SQLiteTextJson" && sealed[n] !== null ? JSON.stringify(sealed[n]) : sealed[n]));
    // Only if nobody changed the row since it was read: a write through the API seals it anyway.
    updates.push(d1.prepare(`UPDATE ${spec.name} SET ${sets} WHERE id = ? AND updated_at = ?`).bind(...values, row.id, row.updatedAt));
  }
  if (updates.length > 0) await d1.batch(updates);
  return updates.length;
}
