import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import type { bodyStream } from "../db/request-body";
import { connections, destinations, eventPayloads, events, requests } from "../db/schema";
import { DESTINATION_SECRETS } from "../secrets/secret-columns";
import { openRow } from "../secrets/sealed-row";

// What one delivery reads, in one query: the event, its destination, its connection's rules and
// pause, and the request to send (the transformation's output when there is one, else the stored
// request), without any body chunk. The connection and destination are joined loosely: an event
// whose connection or destination was deleted is found, so that delivery can cancel it instead of
// skipping it for ever.

export type LoadedDelivery = {
  event: typeof events.$inferSelect;
  destination: typeof destinations.$inferSelect | null;
  connection: { rules: unknown[]; pausedAt: number | null } | null;
  request: Parameters<typeof bodyStream>[1] & { path: string; query: string; headers: Record<string, string> };
};

export type Deliverable = LoadedDelivery & { destination: NonNullable<LoadedDelivery["destination"]>; connection: NonNullable<LoadedDelivery["connection"]> };

export async function loadDelivery(db: Db, eventId: string): Promise<LoadedDelivery | undefined> {
  const row = await db
    .select({
      event: events,
      destination: destinations,
      connection: { id: connections.id, rules: connections.rules, pausedAt: connections.pausedAt },
      original: {
        id: requests.id, path: requests.path, query: requests.query, headers: requests.headers,
        body: requests.body, bodySize: requests.bodySize, bodyChunks: requests.bodyChunks,
      },
      transformed: {
        id: eventPayloads.eventId, path: eventPayloads.path, query: eventPayloads.query, headers: eventPayloads.headers,
        body: eventPayloads.body, bodySize: eventPayloads.bodySize, bodyChunks: eventPayloads.bodyChunks,
      },
    })
    .from(events)
    .innerJoin(requests, eq(requests.id, events.requestId))
    .leftJoin(destinations, eq(destinations.id, events.destinationId))
    .leftJoin(connections, eq(connections.id, events.connectionId))
    .leftJoin(eventPayloads, eq(eventPayloads.eventId, events.id))
    .where(eq(events.id, eventId))
    .get();
  if (!row) return undefined;
  return {
    event: row.event,
    // Decrypted here, at the load boundary: auth and signing secrets are encrypted at rest.
    destination: row.destination && (await openRow(DESTINATION_SECRETS, row.destination)),
    connection: row.connection,
    request: row.transformed ?? row.original,
  };
}
