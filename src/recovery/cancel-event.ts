import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { destinations, events } from "../db/schema";
import { nextInLine } from "../delivery/fifo";
import { cancelEventStatement } from "../events/control";
import type { DeliverMessage } from "../queue/messages";

// POST /v1/events/:id/cancel (spec §3): a `scheduled` or `paused` event stops for good. Its
// queued messages find it final and do nothing; the sweeper skips it.
//
// An event with an attempt in flight cannot be cancelled until that attempt ends: the attempt
// would record its own outcome over the cancellation. Cancelling an event that is already
// cancelled answers it unchanged; `successful` and `failed` are final and cannot be cancelled (a
// failed event is not waiting for anything).

type Event = typeof events.$inferSelect;

type CancelEventOutcome =
  | { kind: "not_found" }
  | { kind: "final"; event: Event }
  | { kind: "in_flight"; event: Event }
  /** `next`: on a fifo destination, the message that hands the turn to the next event in line. */
  | { kind: "cancelled"; event: Event; next: DeliverMessage | null };

export async function cancelEvent(db: Db, eventId: string, now: number): Promise<CancelEventOutcome> {
  const [cancelled] = await cancelEventStatement(db, eventId, now);
  if (cancelled) {
    const destination = await db.select({ order: destinations.deliveryOrder }).from(destinations).where(eq(destinations.id, cancelled.destinationId)).get();
    // A cancelled head of line must not hold the events behind it.
    const next = destination?.order === "fifo" ? await nextInLine(db, cancelled.destinationId) : null;
    return { kind: "cancelled", event: cancelled, next };
  }
  const event = await db.select().from(events).where(eq(events.id, eventId)).get();
  if (!event) return { kind: "not_found" };
  if (event.status === "cancelled") return { kind: "cancelled", event, next: null };
  if (event.status === "successful" || event.status === "failed") return { kind: "final", event };
  return { kind: "in_flight", event };
}
