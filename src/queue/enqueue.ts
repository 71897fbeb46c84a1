import type { QueueMessage } from "./messages";

// Sending to the delivery queue, within what Queues accepts.

/** Sends messages in batches of at most 100, the most one sendBatch takes. */
export async function sendAll(queue: Queue<QueueMessage>, messages: MessageSendRequest<QueueMessage>[]): Promise<void> {
  for (let i = 0; i < messages.length; i += 100) await queue.sendBatch(messages.slice(i, i + 100));
}

/** `sendAll` for bare message bodies, sent without delay. */
export function sendBodies(queue: Queue<QueueMessage>, bodies: QueueMessage[]): Promise<void> {
  return sendAll(queue, bodies.map((body) => ({ body })));
}

/** A sender that takes its delay in milliseconds; Queues delays by whole seconds, so it rounds up. */
export function sendLater(queue: Queue<QueueMessage>) {
  return (body: QueueMessage, delayMs: number) => queue.send(body, { delaySeconds: Math.ceil(delayMs / 1000) });
}
