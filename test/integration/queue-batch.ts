import { createExecutionContext, createMessageBatch, env, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import worker from "../../src/index";

// Hands a batch of messages to the Worker's real queue handler, as Queues would, waits for its
// background work (waitUntil), and answers which messages it acknowledged or retried.

export const DELIVERY_QUEUE = "event-gateway-delivery";

export async function runQueueBatch(bodies: unknown[], queue = DELIVERY_QUEUE) {
  const batch = createMessageBatch(queue, bodies.map((body, i) => ({ id: `m${i}-${crypto.randomUUID()}`, timestamp: new Date(), attempts: 1, body })));
  const ctx = createExecutionContext();
  await worker.queue(batch as any, env, ctx);
  await waitOnExecutionContext(ctx);
  return getQueueResult(batch, ctx);
}
