import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { bodyColumns, loadBody } from "../db/request-body";
import { connections, events, requests } from "../db/schema";
import { evaluateConnections, type Ignored } from "./evaluate-connections";
import { losingPayloadCleanup, payloadStatements } from "./event-payload";
import { initialMessages, type DeliveryMessages } from "./initial-messages";

// Routing a stored request again through today's rules (POST /v1/requests/:id/retry, and replays
// over requests): how a user recovers a request that a filter or a transformation turned away,
// once the rule is fixed.
//
// Semantics:
// - Only the source's active connections that have no event for the request yet are evaluated. A
//   connection that already has one keeps it (retry that event to deliver it again): the unique
//   index on (request_id, connection_id) allows one event per pair, and a second copy of a webhook
//   is not what a user fixing a filter wants.
// - Each new event starts as if just routed: `scheduled`, after the connection's delay, attempt
//   trigger `initial`.
// - The request's `ignored` keeps its entries for connections not evaluated this time (disabled or
//   deleted ones, history) and takes today's outcome for the ones that were; `events_count` is
//   recounted; `routed_at` is set if the request had never been routed.
// - Running it twice, or alongside the normal route of the same request, creates no duplicate: an
//   insert that meets an existing pair does nothing, and only inserted events get a message.
// - Rejected requests were never accepted and are not routed.


export type RerouteOutcome =
  | { kind: "not_found" }
  | { kind: "rejected" }
  | { kind: "routed"; created: { id: string; connectionId: string; destinationId: string }[]; ignored: Ignored[]; messages: DeliveryMessages };

export async function rerouteRequest(db: Db, requestId: string, now: number): Promise<RerouteOutcome> {
  const request = await db
    .select({ ...bodyColumns, method: requests.method, path: requests.path, query: requests.query, headers: requests.headers,
      sourceId: requests.sourceId, rejection: requests.rejection, ignored: requests.ignored })
    .from(requests).where(eq(requests.id, requestId)).get();
  if (!request) return { kind: "not_found" };
  if (request.rejection) return { kind: "rejected" };

  const [active, existing] = await db.batch([
    db.select().from(connections).where(and(eq(connections.sourceId, request.sourceId), isNull(connections.disabledAt))),
    db.select({ connectionId: events.connectionId }).from(events).where(eq(events.requestId, requestId)),
  ]);
  const routed = new Set(existing.map((e) => e.connectionId));
  const pending = active.filter((c) => !routed.has(c.id));
  const body = pending.length > 0 ? await loadBody(db, request) : new Uint8Array(0);
  const { created, payloads, ignored } = await evaluateConnections(db,
    { id: requestId, sourceId: request.sourceId, method: request.method, path: request.path, query: request.query, headers: request.headers, body },
    pending, now);

  const evaluated = new Set(pending.map((c) => c.id));
  const stillRouted = new Set([...routed, ...created.map((e) => e.connectionId)]);
  const keptIgnored = request.ignored.filter((entry) => !evaluated.has(entry.connection_id) && !stillRouted.has(entry.connection_id));
  const inserts = created.map((event) => db.insert(events).values(event).onConflictDoNothing().returning({ id: events.id }));
  const results = await db.batch([
    ...inserts,
    ...payloads.flatMap((payload) => payloadStatements(db, payload)),
    ...losingPayloadCleanup(db, payloads.map((payload) => payload.eventId)),
    db.update(requests).set({
      routedAt: sql`coalesce(${requests.routedAt}, ${now})`,
      eventsCount: sql`(SELECT count(*) FROM ${events} WHERE ${events.requestId} = ${requestId})`,
      ignored: [...keptIgnored, ...ignored],
    }).where(eq(requests.id, requestId)),
  ] as unknown as Parameters<Db["batch"]>[0]);

  // An insert that met an existing pair (a concurrent route) returned no row: no event, no message.
  const inserted = created.filter((_, i) => (results[i] as { id: string }[]).length > 0);
  return {
    kind: "routed",
    created: inserted.map((e) => ({ id: e.id, connectionId: e.connectionId, destinationId: e.destinationId })),
    ignored,
    messages: initialMessages(inserted, now),
  };
}
