import { config } from "../config";
import { database } from "../db/client";
import { deliverEvent, type DeliveryDeps } from "../delivery/deliver-event";
import { fairLimiter } from "../delivery/fair-limiter";
import type { Env } from "../env";
import { errorField, log } from "../log";
import { routeRequests } from "../routing/route-request";
import { releasePausedPage } from "../events/release-paused";
import { deliverNotification } from "../observability/notifications/deliver-notification";
import { retryRequest } from "../recovery/retry-request";
import { consumeReplayMessages } from "../replay/consume-replay";
import { sendAll, sendBodies, sendLater } from "./enqueue";
import { queueMessage, releaseMsg, type QueueMessage, type ReplayMessage, type RouteMessage } from "./messages";

/**
 * The queue consumer (spec §1): routes requests into events and delivers events. Each message is
 * acknowledged on its own; one that throws (D1 unreachable, say) is retried by Queues, while a
 * delivery that merely failed is rescheduled by the gateway's own retry policy and acknowledged.
 */
export async function consume(batch: MessageBatch<unknown>, env: Env, ctx: ExecutionContext): Promise<void> {
  const db = database(env.DB);
  const now = () => Date.now();
  const valid: { message: Message<unknown>; body: QueueMessage }[] = [];
  for (const message of batch.messages) {
    const parsed = queueMessage.safeParse(message.body);
    if (parsed.success) valid.push({ message, body: parsed.data });
    else {
      // Retrying cannot fix a message of an unknown shape; keep it visible in the logs.
      log("error", "queue.bad_message", { message_id: message.id, issues: parsed.error.issues.length });
      message.ack();
    }
  }
  const limit = fairLimiter(valid.flatMap(({ body }) =>
    body.kind === "deliver" ? [body.destination_id] : body.kind === "replay" && body.destination_id ? [body.destination_id] : []));
  const context: Context = { env, db, now, limit, background: (task) => ctx.waitUntil(task) };
  // Route messages are handled together, in two D1 round trips for the lot; replay items together
  // per job (they are claimed from the job first, and acknowledge themselves); the others one by one.
  const routes: { message: Message<unknown>; body: RouteMessage }[] = [];
  const replays: { message: Message<unknown>; body: ReplayMessage }[] = [];
  const others: { message: Message<unknown>; body: Exclude<QueueMessage, RouteMessage | ReplayMessage> }[] = [];
  for (const { message, body } of valid) {
    if (body.kind === "route") routes.push({ message, body });
    else if (body.kind === "replay") replays.push({ message, body });
    else others.push({ message, body });
  }
  await Promise.all([
    routes.length ? route(routes, context) : null,
    replays.length ? consumeReplayMessages(replays, {
      env,
      db,
      limit,
      // A replay item already holds its outbound connection, and settles once its attempt is
      // recorded: it waits for its pacing slot in place.
      deliver: (message, leaveSlot) => deliverEvent({ ...deliveryDeps(context), limit: (_destinationId, task) => task().finally(leaveSlot), waitInline: true }, message),
      reroute: (requestId) => retryRequest(db, (messages) => sendAll(env.DELIVERY_QUEUE, messages), requestId, now()),
    }) : null,
    ...others.map((v) => settle([v.message], v.body.kind, () => handle(v.body, context))),
  ]);
}

/** Acknowledges the messages when the work succeeds; otherwise Queues retries them, backing off. */
async function settle(messages: Message<unknown>[], kind: string, work: () => Promise<unknown>) {
  try {
    await work();
  } catch (error) {
    for (const message of messages) retry(message, kind, error);
    return;
  }
  for (const message of messages) message.ack();
}

function retry(message: Message<unknown>, kind: string, error: unknown) {
  log("error", "queue.message_failed", { message_id: message.id, kind, attempts: message.attempts, error: errorField(error) });
  message.retry({ delaySeconds: Math.min(60, 2 ** message.attempts) });
}

/** Routes the batch's requests together; a request whose rules threw is retried alone, the others are acknowledged. */
async function route(routes: { message: Message<unknown>; body: RouteMessage }[], { env, db, now }: Context) {
  let failed: string[];
  try {
    const routed = await routeRequests(db, routes.map((r) => r.body.request_id), now());
    await sendAll(env.DELIVERY_QUEUE, routed.messages);
    failed = routed.failed;
  } catch (error) {
    for (const { message } of routes) retry(message, "route", error);
    return;
  }
  for (const { message, body } of routes) {
    if (failed.includes(body.request_id)) retry(message, "route", "routing this request threw (logged as route.request_failed)");
    else message.ack();
  }
}

interface Context {
  env: Env;
  db: ReturnType<typeof database>;
  now: () => number;
  limit: ReturnType<typeof fairLimiter>;
  background: (task: Promise<unknown>) => void;
}

function deliveryDeps({ env, db, now, limit, background }: Context): DeliveryDeps {
  return {
    db,
    now,
    allowPrivate: config(env).allowPrivateDestinations,
    enqueue: sendLater(env.DELIVERY_QUEUE),
    pacer: (destinationId) => env.PACER.get(env.PACER.idFromName(destinationId)),
    limit,
    background,
  };
}

async function handle(msg: Exclude<QueueMessage, RouteMessage | ReplayMessage>, context: Context) {
  const { env, db, now } = context;
  if (msg.kind === "release") {
    const after = msg.after ? { requestId: msg.after.request_id, id: msg.after.id } : null;
    const { messages, next } = await releasePausedPage(db, msg.target, after, now());
    await sendBodies(env.DELIVERY_QUEUE, messages);
    if (next) await env.DELIVERY_QUEUE.send(releaseMsg(msg.target, { request_id: next.requestId, id: next.id }));
    return;
  }
  if (msg.kind === "notify") {
    await deliverNotification({ db, now, allowPrivate: config(env).allowPrivateDestinations, enqueue: sendLater(env.DELIVERY_QUEUE) }, msg);
    return;
  }
  const outcome = await deliverEvent(deliveryDeps(context), msg);
  if (outcome.kind === "deferred") await sendLater(env.DELIVERY_QUEUE)(msg, outcome.delayMs);
}
