import { isSealed, seal, unseal } from "./cipher";
import { keyring } from "./keyring";
import type { SecretTable } from "./secret-columns";

// The load/save boundary for rows with secrets: `sealRow` before a row is written, `openRow` after
// one is read. A sealed value is the JSON of the plaintext, encrypted; a value that is not sealed
// is a row written before encryption existed, read as it is until a write or the re-encryption
// pass (src/secrets/reseal.ts) seals it.

const fieldOf = (spec: SecretTable<never>, column: string, id: string) => `${spec.name}.${column} (${id})`;

/** The row with each of its secret columns encrypted under ENCRYPTION_KEY; the same type, as D1 stores it. */
export async function sealRow<Row extends { id: string }>(spec: SecretTable<Row>, row: Row): Promise<Row> {
  const ring = await keyring();
  const out: Record<string, unknown> = { ...row };
  for (const column of spec.columns(row)) {
    const value = row[column];
    if (value === null || value === undefined || isSealed(value)) continue;
    out[column] = await seal(ring, JSON.stringify(value), fieldOf(spec as SecretTable<never>, column, row.id));
  }
  return out as Row;
}

/** The row with its secret columns decrypted; a SecretError naming the field if one cannot be. */
export async function openRow<Row extends { id: string }>(spec: SecretTable<Row>, row: Row): Promise<Row> {
  const out: Record<string, unknown> = { ...row };
  for (const column of spec.columns(row)) out[column] = await openValue(spec, column, row.id, row[column]);
  return out as Row;
}

/** One secret column's value, decrypted, for a query that selected only some of a row's columns. */
export async function openValue<Row extends { id: string }, T>(spec: SecretTable<Row>, column: keyof Row & string, id: string, value: T): Promise<T> {
  if (!isSealed(value)) return value;
  return JSON.parse(await unseal(await keyring(), value, fieldOf(spec as SecretTable<never>, column, id))) as T;
}

export const openRows = <Row extends { id: string }>(spec: SecretTable<Row>, rows: Row[]) => Promise.all(rows.map((row) => openRow(spec, row)));
