import { and, inArray, notExists, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { eventPayloads, events, requestBodyChunks } from "../db/schema";
import { CHUNK_BYTES } from "../ingest/store-request";
import type { ConsoleLine } from "../rules/transform";

// A transformed request is stored per event, next to the original, which stays untouched so that a
// fixed transformation can replay it. Its body follows the same rule as a request's: inline up to
// CHUNK_BYTES, else in chunks keyed by the event id.

export interface EventPayload {
  eventId: string;
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: Uint8Array;
  console: ConsoleLine[];
}

export function payloadStatements(db: Db, payload: EventPayload) {
  const { body, eventId } = payload;
  const inline = body.byteLength <= CHUNK_BYTES;
  const chunks = [];
  if (!inline) {
    for (let offset = 0, seq = 0; offset < body.byteLength; offset += CHUNK_BYTES, seq++) {
      chunks.push(db.insert(requestBodyChunks).values({ requestId: eventId, seq, data: body.subarray(offset, offset + CHUNK_BYTES) }).onConflictDoNothing());
    }
  }
  return [
    db.insert(eventPayloads).values({
      eventId, method: payload.method, path: payload.path, query: payload.query, headers: payload.headers,
      body: inline ? body : null, bodySize: body.byteLength, bodyChunks: chunks.length, console: payload.console,
    }).onConflictDoNothing(),
    ...chunks,
  ];
}

/**
 * Run after the event inserts in the same batch: the payloads of events that were not inserted (a
 * concurrent routing run won the request, and its events stand) are removed again, so a losing run
 * leaves nothing behind.
 */
export function losingPayloadCleanup(db: Db, eventIds: string[]) {
  if (eventIds.length === 0) return [];
  const lost = (column: typeof eventPayloads.eventId | typeof requestBodyChunks.requestId) =>
    and(inArray(column, eventIds), notExists(db.select({ one: sql`1` }).from(events).where(sql`${events.id} = ${column}`)));
  return [
    db.delete(eventPayloads).where(lost(eventPayloads.eventId)),
    db.delete(requestBodyChunks).where(lost(requestBodyChunks.requestId)),
  ];
}
