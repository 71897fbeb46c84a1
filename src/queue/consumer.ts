import { database } from "../db/client";
import { deliverEvent } from "../delivery/deliver-event";
import { fairLimiter } from "../delivery/fair-limiter";
import type { Env } from "../env";
import { errorField, log } from "../log";
import { routeRequest } from "../routing/route-request";
import { releasePausedPage } from "../delivery/release-paused";
import { queueMessage, releaseMsg, type QueueMessage } from "./messages";

/**
 * The queue consumer (spec §1): routes requests into events and delivers events. Each message is
 * acknowledged on its own; one that throws (D1 unreachable, say) is retried by Queues, while a
 * delivery that merely failed is rescheduled by the gateway's own retry policy and acknowledged.
 */
export async function consume(batch: MessageBatch<unknown>, env: Env, ctx: ExecutionContext): Promise<void> {
  const db = database(env.DB);
  const now = () => Date.now();
  const destinationIds = batch.messages.flatMap((m) => {
    const parsed = queueMessage.safeParse(m.body);
    return parsed.success && parsed.data.kind === "deliver" ? [parsed.data.destination_id] : [];
  });
  const limit = fairLimiter(destinationIds);

  await Promise.all(
    batch.messages.map(async (message) => {
      const parsed = queueMessage.safeParse(message.body);
      if (!parsed.success) {
        // Retrying cannot fix a message of an unknown shape; keep it visible in the logs.
        log("error", "queue.bad_message", { message_id: message.id, issues: parsed.error.issues.length });
        message.ack();
        return;
      }
      try {
        await handle(parsed.data, { env, db, now, limit, background: (task) => ctx.waitUntil(task) });
        message.ack();
      } catch (error) {
        log("error", "queue.message_failed", { message_id: message.id, kind: parsed.data.kind, attempts: message.attempts, error: errorField(error) });
        message.retry({ delaySeconds: Math.min(60, 2 ** message.attempts) });
      }
    }),
  );
}

interface Context {
  env: Env;
  db: ReturnType<typeof database>;
  now: () => number;
  limit: ReturnType<typeof fairLimiter>;
  background: (task: Promise<unknown>) => void;
}

async function handle(msg: QueueMessage, { env, db, now, limit, background }: Context) {
  if (msg.kind === "route") {
    const { messages } = await routeRequest(db, msg.request_id, now());
    for (let i = 0; i < messages.length; i += 100) {
      // sendBatch takes at most 100 messages.
      await env.DELIVERY_QUEUE.sendBatch(messages.slice(i, i + 100));
    }
    return;
  }
  if (msg.kind === "release") {
    const after = msg.after ? { requestId: msg.after.request_id, id: msg.after.id } : null;
    const { messages, next } = await releasePausedPage(db, msg.target, after, now());
    if (messages.length) await env.DELIVERY_QUEUE.sendBatch(messages.map((body) => ({ body })));
    if (next) await env.DELIVERY_QUEUE.send(releaseMsg(msg.target, { request_id: next.requestId, id: next.id }));
    return;
  }
  await deliverEvent(
    {
      db,
      now,
      enqueue: (body, delayMs) => env.DELIVERY_QUEUE.send(body, { delaySeconds: Math.ceil(delayMs / 1000) }),
      pacer: (destinationId) => env.PACER.get(env.PACER.idFromName(destinationId)),
      limit,
      background,
    },
    msg,
  );
}
