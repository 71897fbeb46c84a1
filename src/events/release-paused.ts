import { and, asc, eq, gt, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { events } from "../db/schema";
import { deliverMsg, type DeliverMessage } from "../queue/messages";
import { releaseEvents } from "./control";

// Unpausing releases held events in order of arrival (spec §6), a page at a time, so that a
// destination paused for a day does not need one giant write. Each page turns its events back to
// `scheduled` (the `release` transition, which leaves an event whose other side is still paused
// where it is) and hands back their messages and a cursor for the next page.

export const RELEASE_PAGE = 100;

export type ReleaseTarget = { type: "destination" | "connection"; id: string };

export async function releasePausedPage(db: Db, target: ReleaseTarget, after: { requestId: string; id: string } | null, now: number) {
  const owner = target.type === "destination" ? eq(events.destinationId, target.id) : eq(events.connectionId, target.id);
  const page = await db
    .select({ id: events.id, requestId: events.requestId })
    .from(events)
    .where(and(
      owner,
      eq(events.status, "paused"),
      after ? or(gt(events.requestId, after.requestId), and(eq(events.requestId, after.requestId), gt(events.id, after.id))) : undefined,
    ))
    .orderBy(asc(events.requestId), asc(events.id))
    .limit(RELEASE_PAGE)
    .all();
  if (page.length === 0) return { messages: [] as DeliverMessage[], next: null };
  const released = await releaseEvents(db, page.map((e) => e.id), now);
  const order = new Map(page.map((e, i) => [e.id, i]));
  released.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const last = page[page.length - 1]!;
  return {
    messages: released.map((e) => deliverMsg(e.id, e.destinationId, "unpause")),
    next: page.length === RELEASE_PAGE ? { requestId: last.requestId, id: last.id } : null,
  };
}
