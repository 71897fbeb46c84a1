// Who may use the admin API (spec §8, §9): API keys, the audit log of changes, dashboard sessions.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ms } from "./columns";

/** Admin API keys (spec §8): only a SHA-256 hash of the `egk_…` key is kept. */
export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    role: text("role").$type<"admin" | "read" | "publish">().notNull(),
    keyHash: text("key_hash").notNull(),
    createdAt: ms("created_at").notNull(),
    // Written at most once a minute per key and isolate, never on every request (src/auth/last-used.ts).
    lastUsedAt: ms("last_used_at"),
    expiresAt: ms("expires_at"),
    revokedAt: ms("revoked_at"),
  },
  (t) => [uniqueIndex("api_keys_key_hash").on(t.keyHash)],
);

/** Every change attempted through /v1 (spec §8): who, what, when; never a body or a secret. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: text("id").primaryKey(),
    keyId: text("key_id").notNull(),
    method: text("method").notNull(),
    // The route's pattern as the OpenAPI document names it, e.g. /v1/sources/{id}.
    route: text("route").notNull(),
    objectId: text("object_id"),
    status: integer("status").notNull(),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [
    index("audit_log_key").on(t.keyId, t.id),
    index("audit_log_object").on(t.objectId, t.id).where(sql`object_id IS NOT NULL`),
  ],
);

/**
 * Dashboard sessions (spec §9): the SHA-256 of the random id in the browser's HttpOnly cookie, and
 * the principal of the API key that opened it (migrations/0005_sessions.sql).
 */
export const sessions = sqliteTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    keyId: text("key_id").notNull(),
    role: text("role").$type<"admin" | "read" | "publish">().notNull(),
    createdAt: ms("created_at").notNull(),
    expiresAt: ms("expires_at").notNull(),
  },
  (t) => [index("sessions_expires").on(t.expiresAt), index("sessions_key").on(t.keyId)],
);
