import { and, eq, inArray, lt } from "drizzle-orm";
import type { Db } from "../db/client";
import { replays } from "../db/schema";
import { errorField, log } from "../log";
import type { ReplayJob } from "../replay/replay-job";

// The straggler sweep for replays (spec §6): a running job writes its record at every step (at
// least once a second), so a record left untouched past the grace period means its object's alarm
// chain broke (the runtime gives up retrying an alarm that keeps throwing). The object is nudged to
// set its alarm again; a record whose object no longer knows the job is closed as `failed`.

const STALLED_BATCH = 33;

export async function nudgeStalledReplays(db: Db, job: (jobKey: string) => Pick<DurableObjectStub<ReplayJob>, "nudge">, now: number, graceMs: number) {
  const stalled = await db.select({ id: replays.id, jobKey: replays.jobKey }).from(replays)
    .where(and(eq(replays.status, "running"), lt(replays.updatedAt, now - graceMs)))
    .limit(STALLED_BATCH).all();
  if (stalled.length === 0) return { nudged: 0, lost: 0 };
  const answers = await Promise.all(stalled.map(async (r) => {
    try {
      return { id: r.id, state: await job(r.jobKey).nudge(r.id) };
    } catch (error) {
      // Unreachable now; the next pass asks again.
      log("error", "sweep.replay_nudge_failed", { replay_id: r.id, error: errorField(error) });
      return { id: r.id, state: "running" as const };
    }
  }));
  const lost = answers.filter((a) => a.state === "unknown").map((a) => a.id);
  if (lost.length) {
    await db.update(replays).set({ status: "failed", updatedAt: now, completedAt: now })
      .where(and(inArray(replays.id, lost), eq(replays.status, "running")));
  }
  log("warn", "sweep.replays", { nudged: answers.length - lost.length, lost: lost.length });
  return { nudged: answers.length - lost.length, lost: lost.length };
}
