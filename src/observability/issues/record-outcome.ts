import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { connectionHealth, issues } from "../../db/schema";
import { newId } from "../../ids";
import { log } from "../../log";
import type { NotifyMessage } from "../../queue/messages";
import { notificationsFor } from "../notifications/fan-out";

// The issue rule (spec §2 Issue; docs/observability.md), applied after every recorded attempt:
//
// - A connection's failed attempts in a row are counted (connection_health), whatever event they
//   belong to. An issue opens when an event of the connection ends `failed` (retries exhausted or an
//   answer not retried), or when FAILURE_STREAK attempts in a row have failed, whichever comes
//   first: a destination that is down is reported while its events are still backing off.
// - A connection has at most one unresolved issue (a unique index, so concurrent isolates agree):
//   every later failure lands on it, counted in `failures`, and notifies nobody. A flood of
//   failures opens one issue.
// - A successful delivery on the connection resets the count and resolves its issue, open or
//   acknowledged.
//
// Opening and resolving return one notification message per channel, for the caller to enqueue.

export const FAILURE_STREAK = 5;

export interface RecordedAttempt {
  connectionId: string;
  destinationId: string;
  eventId: string;
  attemptId: string;
  /** The attempt got a 2xx answer. */
  success: boolean;
  /** The attempt left its event `failed`. */
  eventFailed: boolean;
  now: number;
}

export async function recordDeliveryOutcome(db: Db, outcome: RecordedAttempt): Promise<NotifyMessage[]> {
  return outcome.success ? recordSuccess(db, outcome) : recordFailure(db, outcome);
}

async function recordFailure(db: Db, o: RecordedAttempt): Promise<NotifyMessage[]> {
  const candidateId = newId("issue", o.now);
  // Raw D1 statements: drizzle cannot batch a raw query that has parameters, and the two must run
  // as one transaction so that the streak the insert reads includes this failure.
  const d1 = db.$client;
  const [, touched] = await d1.batch<{ id: string; failures: number }>([
    d1.prepare(`
      INSERT INTO connection_health (connection_id, consecutive_failures, updated_at) VALUES (?1, 1, ?2)
      ON CONFLICT (connection_id) DO UPDATE SET consecutive_failures = consecutive_failures + 1, updated_at = excluded.updated_at`)
      .bind(o.connectionId, o.now),
    // Inserts a new issue when the rule says so, or counts the failure on the unresolved one.
    d1.prepare(`
      INSERT INTO issues (id, connection_id, destination_id, status, first_seen_at, last_seen_at, failures, last_attempt_id, created_at, updated_at)
      SELECT ?1, ?2, ?3, 'open', ?4, ?4, h.consecutive_failures, ?5, ?4, ?4
      FROM connection_health h
      WHERE h.connection_id = ?2 AND (h.consecutive_failures >= ?6 OR ?7
        OR EXISTS (SELECT 1 FROM issues WHERE connection_id = ?2 AND status != 'resolved'))
      ON CONFLICT (connection_id) WHERE status != 'resolved' DO UPDATE SET
        failures = failures + 1, last_seen_at = excluded.last_seen_at, last_attempt_id = excluded.last_attempt_id,
        destination_id = excluded.destination_id, updated_at = excluded.updated_at
      RETURNING id, failures`)
      .bind(candidateId, o.connectionId, o.destinationId, o.now, o.attemptId, FAILURE_STREAK, o.eventFailed ? 1 : 0),
  ]);
  const issue = touched?.results[0];
  if (!issue || issue.id !== candidateId) return [];
  log("warn", "issue.opened", { issue_id: issue.id, connection_id: o.connectionId, destination_id: o.destinationId, failures: issue.failures, event_id: o.eventId });
  return notificationsFor(db, issue.id, "opened");
}

async function recordSuccess(db: Db, o: RecordedAttempt): Promise<NotifyMessage[]> {
  const [, resolved] = await db.batch([
    db.update(connectionHealth).set({ consecutiveFailures: 0, updatedAt: o.now })
      .where(sql`${connectionHealth.connectionId} = ${o.connectionId} AND ${connectionHealth.consecutiveFailures} > 0`),
    db.update(issues).set({ status: "resolved", resolvedAt: o.now, updatedAt: o.now })
      .where(sql`${issues.connectionId} = ${o.connectionId} AND ${issues.status} != 'resolved'`)
      .returning({ id: issues.id, failures: issues.failures }),
  ]);
  const messages: NotifyMessage[] = [];
  for (const issue of resolved) {
    log("info", "issue.resolved", { issue_id: issue.id, connection_id: o.connectionId, failures: issue.failures, by: "delivery", event_id: o.eventId });
    messages.push(...(await notificationsFor(db, issue.id, "resolved")));
  }
  return messages;
}
