import { deliverMsg, type DeliverMessage } from "../queue/messages";

// The queue messages that start newly routed events (by routing, or by routing a request again):
// each an `initial` delivery, delayed until the event is due (a connection's `delay` rule).

export type DeliveryMessages = { body: DeliverMessage; delaySeconds: number }[];

export function initialMessages(scheduled: { id: string; destinationId: string; nextAttemptAt: number | null }[], now: number): DeliveryMessages {
  return scheduled.map((e) => ({
    body: deliverMsg(e.id, e.destinationId, "initial"),
    delaySeconds: Math.max(0, Math.ceil(((e.nextAttemptAt ?? now) - now) / 1000)),
  }));
}
