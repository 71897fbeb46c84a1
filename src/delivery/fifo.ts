import { and, asc, eq, lt, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { events } from "../db/schema";
import { deliverMsg, type DeliverMessage } from "../queue/messages";

// Ordered delivery (`delivery_order: "fifo"`): a destination's scheduled events go one at a time in
// order of arrival (the request id, which sorts by receipt time, then the event id). The event at
// the head is the only one delivered; it holds the others until it succeeds or fails for good, and
// then hands the turn to the next. Paused events do not hold the line: they were set aside on
// purpose.

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
