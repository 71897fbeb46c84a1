import type { Db } from "../db/client";
import { eventPayloads, requestBodyChunks } from "../db/schema";
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
