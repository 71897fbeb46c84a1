// The Worker's entry points (spec §1): HTTP (ingest, admin API, docs), the queue consumer, and the
// cron sweeper.
import { buildApp } from "./app";
import { config } from "./config";
import { database } from "./db/client";
import type { Env } from "./env";
import { consume } from "./queue/consumer";
import type { QueueMessage } from "./queue/messages";
import { purgeExpiredKeys } from "./rules/deduplicate";
import { sweepStragglers } from "./sweep/sweep-stragglers";

export { Pacer } from "./pacing/pacer";

const app = buildApp();

export default {
  fetch: app.fetch,

  async queue(batch, env, ctx) {
    await consume(batch, env, ctx);
  },

  async scheduled(_controller, env) {
    const db = database(env.DB);
    const now = Date.now();
    await sweepStragglers(db, (messages) => env.DELIVERY_QUEUE.sendBatch(messages.map((body) => ({ body }))), now, config(env).sweepGraceMs);
    await purgeExpiredKeys(db, now);
  },
} satisfies ExportedHandler<Env, QueueMessage>;
