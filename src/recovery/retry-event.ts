import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { connections, destinations, events } from "../db/schema";
import { deliverMsg, type DeliverMessage } from "../queue/messages";

// POST /v1/events/:id/retry (spec §3): a new attempt now, trigger `manual`, whatever the event's
// status. The attempt itself is made by the queue consumer like any other, so the destination's
// pacing still holds; delivery (src/delivery/deliver-event.ts) lets a requested attempt through
// whatever the status, pause or place in line. A success makes the event `successful`, and an
// automatic retry still queued then finds it final and does nothing; a failure starts no new retry
// schedule.

type RetryEventOutcome =
  | { kind: "not_found" }
  /** Its connection or destination was deleted: there is nowhere to deliver it. */
  | { kind: "orphaned" }
  | { kind: "queued"; event: typeof events.$inferSelect };

export async function retryEvent(db: Db, enqueue: (message: DeliverMessage) => Promise<unknown>, eventId: string): Promise<RetryEventOutcome> {
  const row = await db
    .select({ event: events, connectionId: connections.id, destinationId: destinations.id })
    .from(events)
    .leftJoin(connections, eq(connections.id, events.connectionId))
    .leftJoin(destinations, eq(destinations.id, events.destinationId))
    .where(eq(events.id, eventId))
    .get();
  if (!row) return { kind: "not_found" };
  if (!row.connectionId || !row.destinationId) return { kind: "orphaned" };
  await enqueue(deliverMsg(row.event.id, row.event.destinationId, "manual"));
  return { kind: "queued", event: row.event };
}
