import { and, asc, count, eq, gt, gte, isNull, lt } from "drizzle-orm";
import type { Db } from "../db/client";
import { events, requests } from "../db/schema";
import { idFloor } from "../ids";
import type { ReplaySelection } from "./query";

// Reading a replay's selection from D1: how many rows it holds (a dry run, a job's total) and the
// next page after a cursor. Ids sort by creation time (src/ids.ts), so the keyset is the id alone
// and the time window becomes id bounds on the primary key; never OFFSET, which rereads every row
// it skips.

/** The id range a job walks: from `lower` (inclusive, if any) up to `upper` (exclusive). */
export interface IdBounds {
  lower: string | null;
  upper: string;
}

interface PageItem {
  id: string;
  /** The event's destination (events only): lets the consumer share connections fairly. */
  destinationId: string | null;
}

/**
 * The bounds of a job started at `now`. The upper bound is fixed when the job starts, so that
 * events created while it runs (some by the replay itself, in a re-route) are not swept up by it.
 */
export function boundsAt(selection: ReplaySelection, now: number): IdBounds {
  const kind = selection.kind === "events" ? "event" : "request";
  const { created_after, created_before } = selection.query;
  const end = created_before ? Math.min(Date.parse(created_before), now + 1) : now + 1;
  return { lower: created_after ? idFloor(kind, Date.parse(created_after)) : null, upper: idFloor(kind, end) };
}

function eventWhere(query: Extract<ReplaySelection, { kind: "events" }>["query"], bounds: IdBounds, after: string | null) {
  return and(
    bounds.lower ? gte(events.id, bounds.lower) : undefined,
    lt(events.id, bounds.upper),
    after ? gt(events.id, after) : undefined,
    query.status ? eq(events.status, query.status) : undefined,
    query.source_id ? eq(events.sourceId, query.source_id) : undefined,
    query.connection_id ? eq(events.connectionId, query.connection_id) : undefined,
    query.destination_id ? eq(events.destinationId, query.destination_id) : undefined,
  );
}

function requestWhere(query: Extract<ReplaySelection, { kind: "requests" }>["query"], bounds: IdBounds, after: string | null) {
  return and(
    bounds.lower ? gte(requests.id, bounds.lower) : undefined,
    lt(requests.id, bounds.upper),
    after ? gt(requests.id, after) : undefined,
    // A rejected request was never accepted: there is nothing to route.
    isNull(requests.rejection),
    query.source_id ? eq(requests.sourceId, query.source_id) : undefined,
    query.verified === undefined ? undefined : eq(requests.verified, query.verified),
  );
}

export async function countSelection(db: Db, selection: ReplaySelection, bounds: IdBounds): Promise<number> {
  const row = selection.kind === "events"
    ? await db.select({ n: count() }).from(events).where(eventWhere(selection.query, bounds, null)).get()
    : await db.select({ n: count() }).from(requests).where(requestWhere(selection.query, bounds, null)).get();
  return row?.n ?? 0;
}

/** Up to `size` items after `after`, in id order. */
export async function pageAfter(db: Db, selection: ReplaySelection, bounds: IdBounds, after: string | null, size: number): Promise<PageItem[]> {
  if (selection.kind === "events") {
    return db.select({ id: events.id, destinationId: events.destinationId }).from(events)
      .where(eventWhere(selection.query, bounds, after)).orderBy(asc(events.id)).limit(size).all();
  }
  const rows = await db.select({ id: requests.id }).from(requests)
    .where(requestWhere(selection.query, bounds, after)).orderBy(asc(requests.id)).limit(size).all();
  return rows.map((r) => ({ id: r.id, destinationId: null }));
}
