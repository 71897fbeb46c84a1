import { and, eq, getTableColumns, getTableName, isNotNull, notLike, or, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { destinations, notificationChannels, sources, transformations } from "../db/schema";

// Every column that holds a secret (spec §8), the one list that encryption, the re-encryption pass
// and docs/security.md follow. A notification channel's secrets depend on its type: each type
// declares its own (a Slack incoming-webhook URL is itself the credential; a generic webhook's
// URL is not).

type ChannelRow = typeof notificationChannels.$inferSelect;

export const CHANNEL_SECRETS: Record<ChannelRow["type"], (keyof ChannelRow & string)[]> = {
  slack: ["url"],
  pagerduty: ["routingKey"],
  webhook: ["secret"],
  opsgenie: ["routingKey"],
  teams: ["url"],
};

export interface SecretTable<Row extends { id: string }> {
  name: string;
  table: SQLiteTable;
  /** The row's secret columns, by their drizzle (camelCase) names. */
  columns(row: Row): (keyof Row & string)[];
  /** Rows holding a secret not yet encrypted under the key `kid` (plaintext, or an older key). */
  staleWhere(kid: string): SQL | undefined;
}

/** A column whose value is not encrypted under `kid`; a JSON column stores the ciphertext as a JSON string. */
function stale(column: SQLiteColumn, kid: string): SQL {
  const quote = column.columnType === "SQLiteTextJson" ? '"' : "";
  return and(isNotNull(column), notLike(column, `${quote}enc:v1:${kid}:%`))!;
}

/** A table whose secret columns are the same in every row. */
function fixed<T extends SQLiteTable & { $inferSelect: { id: string } }>(table: T, names: (keyof T["$inferSelect"] & string)[]): SecretTable<T["$inferSelect"]> {
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
  return { name: getTableName(table), table, columns: () => names, staleWhere: (kid) => or(...names.map((n) => stale(columns[n]!, kid))) };
}

export const SOURCE_SECRETS = fixed(sources, ["verification"]);
export const DESTINATION_SECRETS = fixed(destinations, ["auth", "signing"]);
export const TRANSFORMATION_SECRETS = fixed(transformations, ["env"]);

export const NOTIFICATION_CHANNEL_SECRETS: SecretTable<ChannelRow> = {
  name: getTableName(notificationChannels),
  table: notificationChannels,
  columns: (row) => CHANNEL_SECRETS[row.type],
  staleWhere: (kid) => {
    const columns = getTableColumns(notificationChannels) as Record<string, SQLiteColumn>;
    return or(...Object.entries(CHANNEL_SECRETS).map(([type, names]) =>
      and(eq(notificationChannels.type, type as ChannelRow["type"]), or(...names.map((n) => stale(columns[n]!, kid))))));
  },
};

export const SECRET_TABLES = [SOURCE_SECRETS, DESTINATION_SECRETS, TRANSFORMATION_SECRETS, NOTIFICATION_CHANNEL_SECRETS] as SecretTable<{ id: string }>[];
