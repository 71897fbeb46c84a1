import type { issues } from "../../db/schema";

// An issue as the API and the generic webhook show it (spec §2 Issue): ISO timestamps, snake_case.

export type IssueRow = typeof issues.$inferSelect;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function issueView(row: IssueRow) {
  return {
    id: row.id,
    connection_id: row.connectionId,
    destination_id: row.destinationId,
    status: row.status,
    first_seen_at: iso(row.firstSeenAt)!,
    last_seen_at: iso(row.lastSeenAt)!,
    failures: row.failures,
    last_attempt_id: row.lastAttemptId,
    acknowledged_at: iso(row.acknowledgedAt),
    resolved_at: iso(row.resolvedAt),
    created_at: iso(row.createdAt)!,
    updated_at: iso(row.updatedAt)!,
  };
}
