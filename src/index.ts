// The Worker's entry points (spec §1): HTTP (ingest, admin API, docs), the queue consumer, and the
// cron sweeper.
import { buildApp } from "./app";
import { config } from "./config";
import { database } from "./db/client";
import type { Env } from "./env";
import { errorField, log } from "./log";
import { recheckIssues } from "./observability/issues/recheck-issues";
import { foldRollups } from "./observability/metrics/fold-rollups";
import { bindTelemetry, flushTelemetry } from "./observability/telemetry/exporter";
import { reconcileMetrics } from "./observability/metrics/reconcile";
import { consume } from "./queue/consumer";
import { sendBodies } from "./queue/enqueue";
import type { QueueMessage } from "./queue/messages";
import { consumeDeadLetters, DEAD_LETTER_QUEUE } from "./recovery/dead-letters";
import { purgeExpired } from "./recovery/purge-expired";
import { purgeExpiredKeys } from "./rules/deduplicate";
import { installKeys } from "./secrets/keyring";
import { resealStale } from "./secrets/reseal";
import { nudgeStalledReplays } from "./sweep/stalled-replays";
import { sweepStragglers } from "./sweep/sweep-stragglers";

export { Pacer } from "./pacing/pacer";
export { ReplayJob } from "./replay/replay-job";

const app = buildApp();

/** Runs an entry point with span export bound to it, and sends what it recorded in the background. */
async function traced<T>(env: Env, ctx: ExecutionContext, run: () => Promise<T>): Promise<T> {
  bindTelemetry(env, ctx);
  try {
    return await run();
  } finally {
    ctx.waitUntil(flushTelemetry());
  }
}

export default {
  fetch: (request, env, ctx) => {
    installKeys(env);
    return traced(env, ctx, async () => app.fetch(request, env, ctx));
  },

  async queue(batch, env, ctx) {
    installKeys(env);
    await traced(env, ctx, async () => {
      // The dead-letter queue is consumed by this same Worker: what Queues gave up on.
      if (batch.queue === DEAD_LETTER_QUEUE) await consumeDeadLetters(batch, env, database(env.DB), Date.now());
      else await consume(batch, env, ctx);
    });
  },

  async scheduled(_controller, env) {
    installKeys(env);
    const db = database(env.DB);
    const now = Date.now();
    const { sweepGraceMs, retentionDays } = config(env);
    // Independent chores: one that fails (its queue down, say) must not keep the others from
    // running. Its error is logged, and rethrown at the end so that the run shows as failed.
    const chores: [string, () => Promise<unknown>][] = [
      ["sweep", () => sweepStragglers(db, (messages) => sendBodies(env.DELIVERY_QUEUE, messages), now, sweepGraceMs)],
      ["replays", () => nudgeStalledReplays(db, (jobKey) => env.REPLAY.get(env.REPLAY.idFromName(jobKey)), now, sweepGraceMs)],
      ["dedupe_keys", () => purgeExpiredKeys(db, now)],
      ["retention", () => purgeExpired(db, now, retentionDays)],
      ["issues", async () => sendBodies(env.DELIVERY_QUEUE, await recheckIssues(db, now))],
      ["secrets", () => resealStale(env.DB)],
      // Metrics rollups age with the raw rows: folded into hours and days, past retention into lifetime totals.
      ["metrics_fold", () => foldRollups(db, now, retentionDays)],
      ["metrics_reconcile", () => reconcileMetrics(db, now)],
    ];
    let failure: unknown;
    for (const [name, chore] of chores) {
      try {
        await chore();
      } catch (error) {
        log("error", "cron.chore_failed", { chore: name, error: errorField(error) });
        failure ??= error;
      }
    }
    if (failure !== undefined) throw failure;
  },
} satisfies ExportedHandler<Env, QueueMessage>;
