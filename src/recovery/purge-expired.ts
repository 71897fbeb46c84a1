import { and, eq, gte, inArray, isNotNull, lt, notExists, or, sql, type SQLWrapper } from "drizzle-orm";
import type { Db } from "../db/client";
import { attempts, eventPayloads, events, replays, requestBodyChunks, requests } from "../db/schema";
import { idFloor } from "../ids";

// Retention (spec §1): the cron purges what is older than the retention period, a bounded amount
// per run, so that one pass never holds D1 for long and a backlog drains over a few minutes.
//
// Age is the request's: a request past the period goes together with everything derived from it
// (its events, their attempts and transformed payloads, and every body chunk of either), so that
// nothing is left pointing at a row that is gone. A request that still has an event waiting
// (`scheduled` or `paused`) is kept until that event is final: retention never drops accepted work
// that has not been delivered, and a request never routed stays too. Body chunks that belong to no request or payload (an ingest that
// failed between writing the chunks and the request row) are purged once past the period too.

// Requests per batch. Their ids are bound as parameters, and D1 takes at most 100 per statement.
export const PURGE_BATCH = 50;
// Batches per cron run: at most 1,000 requests a minute, 1.4 million a day.
const PURGE_BATCHES_PER_RUN = 20;
const ORPHAN_CHUNK_BATCH = 100;

const DAY_MS = 24 * 60 * 60_000;

interface PurgeResult {
  requests: number;
  events: number;
  orphans: number;
  replays: number;
}

export async function purgeExpired(db: Db, now: number, retentionDays: number, batches = PURGE_BATCHES_PER_RUN): Promise<PurgeResult> {
  const cutoff = now - retentionDays * DAY_MS;
  const result: PurgeResult = { requests: 0, events: 0, orphans: 0, replays: 0 };
  for (let batch = 0; batch < batches; batch++) {
    const purged = await purgeRequestBatch(db, cutoff);
    result.requests += purged.requests;
    result.events += purged.events;
    if (purged.requests < PURGE_BATCH) break;
  }
  result.orphans = await purgeOrphans(db, cutoff);
  const finished = await db.delete(replays).where(and(isNotNull(replays.completedAt), lt(replays.completedAt, cutoff))).returning({ id: replays.id });
  result.replays = finished.length;
  return result;
}

async function purgeRequestBatch(db: Db, cutoff: number) {
  const waiting = db.select({ one: sql`1` }).from(events)
    .where(and(eq(events.requestId, requests.id), inArray(events.status, ["scheduled", "paused"])));
  const expired = await db.select({ id: requests.id }).from(requests)
    // A request never routed is accepted work not yet done: it stays (the sweeper keeps routing it).
    .where(and(lt(requests.id, idFloor("request", cutoff)), or(isNotNull(requests.routedAt), isNotNull(requests.rejection)), notExists(waiting)))
    .orderBy(requests.id).limit(PURGE_BATCH).all();
  if (expired.length === 0) return { requests: 0, events: 0 };
  const ids = expired.map((r) => r.id);
  const eventIds = db.select({ id: events.id }).from(events).where(inArray(events.requestId, ids));
  // One batch, one transaction: derived rows first, the request last.
  const [, , , deletedEvents] = await db.batch([
    db.delete(attempts).where(inArray(attempts.eventId, eventIds)),
    db.delete(requestBodyChunks).where(inArray(requestBodyChunks.requestId, eventIds)),
    db.delete(eventPayloads).where(inArray(eventPayloads.eventId, eventIds)),
    db.delete(events).where(inArray(events.requestId, ids)),
    db.delete(requestBodyChunks).where(inArray(requestBodyChunks.requestId, ids)),
    db.delete(requests).where(inArray(requests.id, ids)),
  ]);
  return { requests: ids.length, events: deletedEvents.meta.changes };
}

/**
 * Transformed payloads past the period whose event does not exist (left by a routing run that lost
 * its request to another before that run cleaned up after itself), then chunks past the period whose
 * request (`req_…`) or transformed payload (`evt_…`) does not exist.
 */
async function purgeOrphans(db: Db, cutoff: number): Promise<number> {
  const orphans = (kind: "request" | "event", owner: SQLWrapper) =>
    db.delete(requestBodyChunks).where(inArray(sql`rowid`, db.select({ rowid: sql`rowid` }).from(requestBodyChunks)
      .where(and(gte(requestBodyChunks.requestId, idFloor(kind, 0)), lt(requestBodyChunks.requestId, idFloor(kind, cutoff)), notExists(owner)))
      .limit(ORPHAN_CHUNK_BATCH)));
  const [payloads, fromRequests, fromPayloads] = await db.batch([
    db.delete(eventPayloads).where(inArray(eventPayloads.eventId, db.select({ id: eventPayloads.eventId }).from(eventPayloads)
      .where(and(lt(eventPayloads.eventId, idFloor("event", cutoff)), notExists(db.select({ one: sql`1` }).from(events).where(eq(events.id, eventPayloads.eventId)))))
      .limit(ORPHAN_CHUNK_BATCH))),
    orphans("request", db.select({ one: sql`1` }).from(requests).where(eq(requests.id, requestBodyChunks.requestId))),
    orphans("event", db.select({ one: sql`1` }).from(eventPayloads).where(eq(eventPayloads.eventId, requestBodyChunks.requestId))),
  ]);
  return payloads.meta.changes + fromRequests.meta.changes + fromPayloads.meta.changes;
}
