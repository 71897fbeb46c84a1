import type { Db } from "../db/client";
import { requestBodyChunks, requests } from "../db/schema";

// A D1 row holds at most 2 MB. Bodies up to CHUNK_BYTES are stored inline in the request row;
// larger ones are split into CHUNK_BYTES rows of request_body_chunks. The chunks are written first
// and the request row last: the request row is the commit point, so a failure part-way leaves only
// unreferenced chunks (purged with retention), never a request with half a body.
export const CHUNK_BYTES = 1_000_000;

export type RequestRecord = typeof requests.$inferInsert;

export async function storeRequest(db: Db, record: Omit<RequestRecord, "body" | "bodyChunks">, body: Uint8Array) {
  if (body.byteLength <= CHUNK_BYTES) {
    await db.insert(requests).values({ ...record, body, bodyChunks: 0 });
    return;
  }
  const chunks: { requestId: string; seq: number; data: Uint8Array }[] = [];
  for (let offset = 0, seq = 0; offset < body.byteLength; offset += CHUNK_BYTES, seq++) {
    chunks.push({ requestId: record.id, seq, data: body.subarray(offset, offset + CHUNK_BYTES) });
  }
  // One chunk per statement keeps each D1 call small; they are independent, so they run together.
  await Promise.all(chunks.map((chunk) => db.insert(requestBodyChunks).values(chunk).onConflictDoNothing()));
  await db.insert(requests).values({ ...record, body: null, bodyChunks: chunks.length });
}
