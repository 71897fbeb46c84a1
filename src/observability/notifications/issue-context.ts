import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { attempts, connections, destinations, issues } from "../../db/schema";
import type { IssueRow } from "../issues/issue-view";

// What a notification says about an issue: the issue, the names of its connection and destination
// (either may have been deleted since), and the last failed attempt's answer, read in one query.

export interface IssueContext {
  issue: IssueRow;
  connectionName: string | null;
  destination: { name: string; url: string } | null;
  lastAttempt: { statusCode: number | null; error: string | null; eventId: string } | null;
}

export async function loadIssueContext(db: Db, issueId: string): Promise<IssueContext | null> {
  const row = await db
    .select({
      issue: issues,
      connectionName: connections.name,
      destinationName: destinations.name,
      destinationUrl: destinations.url,
      attemptStatus: attempts.statusCode,
      attemptError: attempts.error,
      attemptEvent: attempts.eventId,
    })
    .from(issues)
    .leftJoin(connections, eq(connections.id, issues.connectionId))
    .leftJoin(destinations, eq(destinations.id, issues.destinationId))
    .leftJoin(attempts, eq(attempts.id, issues.lastAttemptId))
    .where(eq(issues.id, issueId))
    .get();
  if (!row) return null;
  return {
    issue: row.issue,
    connectionName: row.connectionName,
    destination: row.destinationName !== null && row.destinationUrl !== null ? { name: row.destinationName, url: row.destinationUrl } : null,
    lastAttempt: row.attemptEvent !== null ? { statusCode: row.attemptStatus, error: row.attemptError, eventId: row.attemptEvent } : null,
  };
}

/** The last answer in words: "HTTP 503", "timeout", or nothing known. */
export function lastAnswer(context: IssueContext): string {
  const attempt = context.lastAttempt;
  if (!attempt) return "no attempt on record";
  return attempt.statusCode !== null ? `HTTP ${attempt.statusCode}` : (attempt.error ?? "no answer");
}

/** "orders-to-erp → erp-prod" with ids when the names are gone. */
export function routeName(context: IssueContext): string {
  return `${context.connectionName ?? context.issue.connectionId} → ${context.destination?.name ?? context.issue.destinationId}`;
}
