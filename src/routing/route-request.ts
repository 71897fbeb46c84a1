import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { bodyColumns, loadBody } from "../db/request-body";
import { connections, events, requests } from "../db/schema";
import { errorField, log } from "../log";
import { evaluateConnections } from "./evaluate-connections";
import { initialMessages, type DeliveryMessages } from "./initial-messages";
import { losingPayloadCleanup, payloadStatements } from "./event-payload";

type Scheduled = { id: string; destinationId: string; nextAttemptAt: number | null };
type Connection = typeof connections.$inferSelect;

/**
 * Routes stored requests through their sources' active connections: one event per connection whose
 * rules pass. A whole queue batch of requests costs two D1 round trips: one read (the requests and
 * their connections) and one atomic write (every event, payload and routing outcome). Safe to run
 * twice for the same request (a redelivered queue message): only the run that marks the request
 * routed creates events, and a later run re-sends messages for the events never tried.
 *
 * Each request is evaluated on its own: one whose routing throws (a corrupt stored body, a rule that
 * fails) is left unrouted and named in `failed`, so that only its message is retried; the others
 * are routed.
 */
export async function routeRequests(db: Db, requestIds: string[], now: number): Promise<{ messages: DeliveryMessages; failed: string[] }> {
  const [found, active] = await db.batch([
    db.select({ ...bodyColumns, method: requests.method, path: requests.path, query: requests.query, headers: requests.headers,
      sourceId: requests.sourceId, rejection: requests.rejection, routedAt: requests.routedAt })
      .from(requests).where(inArray(requests.id, requestIds)),
    db.select().from(connections).where(and(
      inArray(connections.sourceId, db.select({ sourceId: requests.sourceId }).from(requests).where(inArray(requests.id, requestIds))),
      isNull(connections.disabledAt),
    )),
  ]);
  const bySource = Map.groupBy(active, (c: Connection) => c.sourceId);
  const rerouted: string[] = [];
  const writes: Parameters<Db["batch"]>[0][number][] = [];
  const outcomes: { requestId: string; created: Scheduled[]; markedAt: number }[] = [];
  const failed: string[] = [];

  for (const request of found) {
    if (request.rejection) continue;
    if (request.routedAt !== null) {
      rerouted.push(request.id);
      continue;
    }
    const evaluated = await evaluateOne(db, request, bySource.get(request.sourceId) ?? [], now);
    if (!evaluated) {
      failed.push(request.id);
      continue;
    }
    const { created, payloads, ignored } = evaluated;
    // The marking's `changes` will say whether this run won the request.
    outcomes.push({ requestId: request.id, created, markedAt: writes.length });
    writes.push(
      db.update(requests).set({ routedAt: now, eventsCount: created.length, ignored })
        .where(and(eq(requests.id, request.id), isNull(requests.routedAt))),
      ...created.map((event) => db.insert(events).values(event).onConflictDoNothing()),
      ...payloads.flatMap((payload) => payloadStatements(db, payload)),
      ...losingPayloadCleanup(db, payloads.map((payload) => payload.eventId)),
    );
  }

  const messages: DeliveryMessages = [];
  if (writes.length > 0) {
    const results = await db.batch(writes as [(typeof writes)[number], ...typeof writes]);
    for (const outcome of outcomes) {
      // Another run routed this request first: its events stand, and ours were not inserted.
      if ((results[outcome.markedAt] as D1Result).meta.changes === 0) rerouted.push(outcome.requestId);
      else {
        messages.push(...initialMessages(outcome.created, now));
        log("info", "request.routed", { request_id: outcome.requestId, started_at: now, events: outcome.created.map((e) => ({ id: e.id, destination_id: e.destinationId })) });
      }
    }
  }
  if (rerouted.length > 0) messages.push(...initialMessages(await untried(db, rerouted), now));
  return { messages, failed };
}

type Found = Parameters<typeof loadBody>[1] & { method: string; path: string; query: string; headers: Record<string, string>; sourceId: string };

/** One request through its source's connections; undefined (and logged) if that threw. */
async function evaluateOne(db: Db, request: Found, mine: Connection[], now: number) {
  try {
    const body = mine.length > 0 ? await loadBody(db, request) : new Uint8Array(0);
    return await evaluateConnections(db,
      { id: request.id, sourceId: request.sourceId, method: request.method, path: request.path, query: request.query, headers: request.headers, body },
      mine, now);
  } catch (error) {
    log("error", "route.request_failed", { request_id: request.id, error: errorField(error) });
    return undefined;
  }
}

function untried(db: Db, requestIds: string[]): Promise<Scheduled[]> {
  return db
    .select({ id: events.id, destinationId: events.destinationId, nextAttemptAt: events.nextAttemptAt })
    .from(events)
    .where(and(inArray(events.requestId, requestIds), eq(events.status, "scheduled"), eq(events.attemptsCount, 0)))
    .all();
}
