import { and, eq, inArray, isNull, ne, notExists, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { connections, issues } from "../../db/schema";
import { log } from "../../log";
import type { NotifyMessage } from "../../queue/messages";
import { notificationsFor } from "../notifications/fan-out";

// The cron's re-check of issues (spec §1): deliveries resolve an issue when they succeed again, but
// a connection that was deleted or disabled will never deliver again, so its issue would stay open
// for good and keep a pager ringing for a route nobody runs. Such issues are resolved here, with the
// usual "resolved" notifications. A paused connection keeps its issue: it will deliver on unpause,
// and that delivery settles it.

// Issues per cron run; more wait for the next minute.
const RECHECK_BATCH = 50;

export async function recheckIssues(db: Db, now: number): Promise<NotifyMessage[]> {
  const orphaned = await db.update(issues)
    .set({ status: "resolved", resolvedAt: now, updatedAt: now })
    .where(inArray(issues.id, db.select({ id: issues.id }).from(issues).where(and(
      ne(issues.status, "resolved"),
      // No enabled connection: deleted, or disabled.
      notExists(db.select({ one: sql`1` }).from(connections).where(and(eq(connections.id, issues.connectionId), isNull(connections.disabledAt)))),
    )).limit(RECHECK_BATCH)))
    .returning({ id: issues.id, connectionId: issues.connectionId, failures: issues.failures });
  const messages: NotifyMessage[] = [];
  for (const issue of orphaned) {
    log("info", "issue.resolved", { issue_id: issue.id, connection_id: issue.connectionId, failures: issue.failures, by: "recheck" });
    messages.push(...(await notificationsFor(db, issue.id, "resolved")));
  }
  return messages;
}
