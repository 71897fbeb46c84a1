import { and, asc, eq, gt, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { connections, destinations, events } from "../db/schema";
import { deliverMsg, type DeliverMessage } from "../queue/messages";

// Unpausing releases held events in order of arrival (spec §6), a page at a time, so that a
// destination paused for a day does not need one giant write. Each page turns its events back to
// `scheduled` and hands back their messages and a cursor for the next page.

export const RELEASE_PAGE = 100;

export type ReleaseTarget = { type: "destination" | "connection"; id: string };

export async function releasePausedPage(db: Db, target: ReleaseTarget, after: { requestId: string; id: string } | null, now: number) {
  const owner = target.type === "destination" ? eq(events.destinationId, target.id) : eq(events.connectionId, target.id);
  const page = await db
    .select({ id: events.id, requestId: events.requestId, destinationId: events.destinationId })
    .from(events)
    .innerJoin(connections, eq(connections.id, events.connectionId))
    .innerJoin(destinations, eq(destinations.id, events.destinationId))
    .where(and(
      owner,
      eq(events.status, "paused"),
      // Still held by the other side (a paused destination behind an unpaused connection) stays put.
      isNull(connections.pausedAt),
      isNull(destinations.pausedAt),
      after ? or(gt(events.requestId, after.requestId), and(eq(events.requestId, after.requestId), gt(events.id, after.id))) : undefined,
    ))
    .orderBy(asc(events.requestId), asc(events.id))
    .limit(RELEASE_PAGE)
    .all();
  if (page.length === 0) return { messages: [] as DeliverMessage[], next: null };
  await db
    .update(events)
    .set({ status: "scheduled", nextAttemptAt: now, updatedAt: now })
    .where(and(inArray(events.id, page.map((e) => e.id)), eq(events.status, "paused")));
  const last = page[page.length - 1]!;
  return {
    messages: page.map((e) => deliverMsg(e.id, e.destinationId, "unpause")),
    next: page.length === RELEASE_PAGE ? { requestId: last.requestId, id: last.id } : null,
  };
}
