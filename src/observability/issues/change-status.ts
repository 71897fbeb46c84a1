import { and, eq, ne } from "drizzle-orm";
import type { Db } from "../../db/client";
import { connectionHealth, issues, type IssueStatus } from "../../db/schema";
import { log } from "../../log";
import type { NotifyMessage } from "../../queue/messages";
import { notificationsFor } from "../notifications/fan-out";
import type { IssueRow } from "./issue-view";

// A person's change to an issue (PATCH /v1/issues/:id): acknowledge it (someone is on it; failures
// keep counting on it), take the acknowledgement back, or resolve it. Resolved is final: failures
// after it open a new issue, so that each incident has its own start, count and notifications.
// Resolving by hand also restarts the connection's failure streak, so that the new issue takes a
// fresh streak (or an event ending failed) rather than opening on the very next failure.

export type StatusChange =
  | { kind: "changed"; issue: IssueRow; messages: NotifyMessage[] }
  | { kind: "unchanged"; issue: IssueRow }
  | { kind: "not_found" }
  | { kind: "final"; issue: IssueRow };

export async function changeIssueStatus(db: Db, id: string, status: IssueStatus, now: number): Promise<StatusChange> {
  const current = await db.select().from(issues).where(eq(issues.id, id)).get();
  if (!current) return { kind: "not_found" };
  if (current.status === status) return { kind: "unchanged", issue: current };
  if (current.status === "resolved") return { kind: "final", issue: current };
  const set = status === "resolved" ? { status, resolvedAt: now, updatedAt: now }
    : status === "acknowledged" ? { status, acknowledgedAt: now, updatedAt: now }
    : { status, acknowledgedAt: null, updatedAt: now };
  // Conditional, so a delivery that resolved the issue meanwhile is not overwritten.
  const update = db.update(issues).set(set).where(and(eq(issues.id, id), ne(issues.status, "resolved"))).returning();
  const [updated] = status === "resolved"
    ? (await db.batch([update, db.update(connectionHealth).set({ consecutiveFailures: 0, updatedAt: now }).where(eq(connectionHealth.connectionId, current.connectionId))]))[0]
    : await update;
  if (!updated) return { kind: "final", issue: (await db.select().from(issues).where(eq(issues.id, id)).get())! };
  log("info", `issue.${status}`, { issue_id: id, connection_id: updated.connectionId, failures: updated.failures, by: "api" });
  return { kind: "changed", issue: updated, messages: status === "resolved" ? await notificationsFor(db, id, "resolved") : [] };
}
