import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { replays } from "../db/schema";
import type { ReplayKind, ReplaySelection } from "./query";

// A replay as the API shows it (spec §2 Replay). The Durable Object that runs the job writes this
// record to D1 when the job starts and as it advances, so that GET /v1/replays and the sweeper can
// find every job without waking its object.

export type ReplayStatus = "running" | "completed" | "cancelled" | "failed";

export interface ReplayView {
  id: string;
  kind: ReplayKind;
  jobKey: string;
  query: ReplaySelection["query"];
  status: ReplayStatus;
  total: number;
  processed: number;
  failed: number;
  createdAt: number;
  updatedAt: number;
  completedAt: number | null;
}

export async function insertReplayRecord(db: Db, view: ReplayView): Promise<void> {
  await db.insert(replays).values({
    id: view.id, kind: view.kind, jobKey: view.jobKey, query: view.query, status: view.status, total: view.total,
    processed: view.processed, failed: view.failed, createdAt: view.createdAt, updatedAt: view.updatedAt, completedAt: view.completedAt,
  });
}

export async function updateReplayRecord(db: Db, view: ReplayView): Promise<void> {
  await db.update(replays)
    .set({ status: view.status, total: view.total, processed: view.processed, failed: view.failed, updatedAt: view.updatedAt, completedAt: view.completedAt })
    .where(eq(replays.id, view.id));
}

export function fromRecord(row: typeof replays.$inferSelect): ReplayView {
  return {
    id: row.id, kind: row.kind as ReplayKind, jobKey: row.jobKey, query: row.query, status: row.status as ReplayStatus,
    total: row.total, processed: row.processed, failed: row.failed, createdAt: row.createdAt, updatedAt: row.updatedAt,
    completedAt: row.completedAt,
  };
}
