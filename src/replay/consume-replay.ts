import { and, eq, gte } from "drizzle-orm";
import type { Db } from "../db/client";
import type { DeliveryOutcome } from "../delivery/deliver-event";
import { attempts } from "../db/schema";
import type { Env } from "../env";
import { ID_PREFIXES } from "../ids";
import { errorField, log } from "../log";
import { deliverMsg, type DeliverMessage, type ReplayMessage } from "../queue/messages";
import type { ReplayJob } from "./replay-job";

// The consumer's side of a replay: each item is claimed from its job's Durable Object before it is
// worked on, and settled after. An item that is not granted (already done, claimed by another
// copy of its message, or its job is over) is acknowledged and left alone. An event item is claimed
// only once it holds one of the invocation's outbound connections, so that its claim (which lapses
// after CLAIM_TTL_MS) does not run while it waits for one.

interface ReplayWork {
  env: Env;
  db: Db;
  /** Runs a task holding one of the invocation's outbound connections, as delivery does. */
  limit: <T>(destinationId: string, task: () => Promise<T>) => Promise<T>;
  /**
   * One attempt with trigger `bulk_retry`, through the normal delivery path (pacing applies), inside
   * the item's connection; it calls `leaveSlot` once its HTTP exchange is over.
   */
  deliver: (message: DeliverMessage, leaveSlot: () => void) => Promise<DeliveryOutcome>;
  /** Routes a request again through today's rules and enqueues its new events. */
  reroute: (requestId: string) => Promise<unknown>;
}

type Entry = { message: Message<unknown>; body: ReplayMessage };
type Settled = { done: string[]; failed: string[]; abandoned: string[] };

export async function consumeReplayMessages(entries: Entry[], work: ReplayWork): Promise<void> {
  const jobs = Map.groupBy(entries, (e) => `${e.body.job_key}\n${e.body.replay_id}`);
  await Promise.all([...jobs.values()].map((group) => consumeJob(group, work)));
}

async function consumeJob(entries: Entry[], work: ReplayWork) {
  const { job_key: jobKey, replay_id: replayId } = entries[0]!.body;
  const job = work.env.REPLAY.get(work.env.REPLAY.idFromName(jobKey));
  const settled: Settled = { done: [], failed: [], abandoned: [] };
  await Promise.all(entries.map((entry) => {
    const destinationId = entry.body.destination_id;
    if (!destinationId) return consumeItem(job, entry, work, settled, () => {});
    // The connection is held from before the claim until the attempt's HTTP exchange is over.
    return new Promise<void>((done) => {
      void work.limit(destinationId, () => new Promise<void>((leaveSlot) => {
        consumeItem(job, entry, work, settled, leaveSlot).finally(() => {
          leaveSlot();
          done();
        });
      }));
    });
  }));
  try {
    if (settled.done.length) await job.settle(replayId, settled.done);
    if (settled.abandoned.length) await job.abandon(replayId, settled.abandoned);
    // Released, the items can be claimed by their retried messages.
    if (settled.failed.length) await job.release(replayId, settled.failed);
  } catch (error) {
    // The claims lapse on their own (CLAIM_TTL_MS) and the job sends the items again; the check on
    // `since` keeps an event that was delivered meanwhile from a second attempt.
    log("error", "replay.settle_failed", { replay_id: replayId, error: errorField(error) });
  }
}

async function consumeItem(job: DurableObjectStub<ReplayJob>, { message, body }: Entry, work: ReplayWork, settled: Settled, leaveSlot: () => void) {
  let grant: { id: string; since: number | null } | undefined;
  try {
    [grant] = await job.claim(body.replay_id, [body.item_id]);
  } catch (error) {
    log("error", "replay.claim_failed", { replay_id: body.replay_id, error: errorField(error) });
    message.retry({ delaySeconds: 5 });
    return;
  }
  // Not granted: done already, or another copy of its message holds it.
  if (!grant) {
    message.ack();
    return;
  }
  try {
    const result = await replayItem(body, grant.since, work, leaveSlot);
    if (result === "done" || result === "abandoned") {
      settled[result].push(body.item_id);
      message.ack();
    } else {
      // Paced, or another attempt holds the event: the item comes back when it may go.
      settled.failed.push(body.item_id);
      message.retry({ delaySeconds: Math.max(1, Math.ceil(result.retryInMs / 1000)) });
    }
  } catch (error) {
    log("error", "replay.item_failed", { replay_id: body.replay_id, item_id: body.item_id, attempts: message.attempts, error: errorField(error) });
    settled.failed.push(body.item_id);
    message.retry({ delaySeconds: Math.min(60, 2 ** message.attempts) });
  }
}

/**
 * An item is done once its attempt is recorded (or its request routed again); one whose event can
 * no longer be delivered (gone, or its connection or destination deleted) is abandoned, and counts
 * as failed; one that must wait (paced, or another attempt in flight) comes back after `retryInMs`.
 */
async function replayItem(body: ReplayMessage, since: number | null, work: ReplayWork, leaveSlot: () => void): Promise<"done" | "abandoned" | { retryInMs: number }> {
  if (body.item_id.startsWith(`${ID_PREFIXES.request}_`)) {
    // Routing again is idempotent (src/routing/reroute-request.ts): no check needed.
    await work.reroute(body.item_id);
    return "done";
  }
  if (since !== null && (await attemptedSince(work.db, body.item_id, since))) return "done";
  const outcome = await work.deliver(deliverMsg(body.item_id, body.destination_id ?? "", "bulk_retry"), leaveSlot);
  if (outcome.kind === "deferred") return { retryInMs: outcome.delayMs };
  if (outcome.kind === "skipped") {
    log("warn", "replay.item_skipped", { item_id: body.item_id, reason: outcome.reason });
    return "abandoned";
  }
  return "done";
}

/** Whether an earlier holder of the claim made its attempt before it went silent. */
async function attemptedSince(db: Db, eventId: string, since: number): Promise<boolean> {
  const row = await db.select({ id: attempts.id }).from(attempts)
    .where(and(eq(attempts.eventId, eventId), eq(attempts.trigger, "bulk_retry"), gte(attempts.startedAt, since)))
    .limit(1).get();
  return row !== undefined;
}
