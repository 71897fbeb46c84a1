import { and, asc, eq, inArray, lt, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { destinations, events } from "../db/schema";
import { errorField, log } from "../log";
import { deliverMsg, type DeliverMessage } from "../queue/messages";

// Ordered delivery (`delivery_order: "fifo"`): a destination's scheduled events go one at a time in
// order of arrival (the request id, which sorts by receipt time, then the event id). The event at
// the head is the only one delivered; it holds the others until it leaves `scheduled` (succeeds,
// fails for good, is paused, cancelled or dead-lettered), and whatever moved it hands the turn to
// the next. Paused events do not hold the line: they were set aside on purpose.

type EventKey = { id: string; requestId: string; destinationId: string };

export async function waitsForEarlierEvent(db: Db, event: EventKey): Promise<boolean> {
  const earlier = await db
    .select({ id: events.id })
    .from(events)
    .where(and(
      eq(events.destinationId, event.destinationId),
      eq(events.status, "scheduled"),
      or(lt(events.requestId, event.requestId), and(eq(events.requestId, event.requestId), lt(events.id, event.id))),
    ))
    .limit(1)
    .get();
  return earlier !== undefined;
}

/** The message for the next event in line at this destination, if there is one. */
export async function nextInLine(db: Db, destinationId: string): Promise<DeliverMessage | null> {
  const next = await db
    .select({ id: events.id, attemptsCount: events.attemptsCount })
    .from(events)
    .where(and(eq(events.destinationId, destinationId), eq(events.status, "scheduled")))
    .orderBy(asc(events.requestId), asc(events.id))
    .limit(1)
    .get();
  return next ? deliverMsg(next.id, destinationId, next.attemptsCount === 0 ? "initial" : "automatic") : null;
}

/**
 * Hands the turn to the next event in line after the head left `scheduled`. If the send fails, the
 * sweeper re-sends the next event once it is overdue.
 */
export async function handTurnOn(db: Db, destinationId: string, send: (message: DeliverMessage) => Promise<unknown>): Promise<void> {
  try {
    const next = await nextInLine(db, destinationId);
    if (next) await send(next);
  } catch (error) {
    log("error", "fifo.hand_on_failed", { destination_id: destinationId, error: errorField(error) });
  }
}

/** After events left several lines at once (their connection was deleted): each fifo line moves on. */
export async function handTurnsOn(db: Db, destinationIds: string[], send: (message: DeliverMessage) => Promise<unknown>): Promise<void> {
  const ids = [...new Set(destinationIds)];
  if (ids.length === 0) return;
  const fifo = await db.select({ id: destinations.id }).from(destinations)
    .where(and(inArray(destinations.id, ids), eq(destinations.deliveryOrder, "fifo"))).all();
  for (const { id } of fifo) await handTurnOn(db, id, send);
}
