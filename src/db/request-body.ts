import { and, asc, eq } from "drizzle-orm";
import type { Db } from "./client";
import { requestBodyChunks, requests } from "./schema";

// Reading a stored body back: inline bodies come with their row; chunked ones (over 1 MB, see
// ingest/store-request.ts) are read one chunk at a time so that delivering a 10 MiB body never
// holds more than a chunk or two in memory.

export interface StoredBodyRef {
  id: string;
  body: Uint8Array | null;
  bodySize: number;
  bodyChunks: number;
}

export async function readChunk(db: Db, requestId: string, seq: number): Promise<Uint8Array> {
  const row = await db
    .select({ data: requestBodyChunks.data })
    .from(requestBodyChunks)
    .where(and(eq(requestBodyChunks.requestId, requestId), eq(requestBodyChunks.seq, seq)))
    .get();
  if (!row) throw new Error(`request ${requestId} is missing body chunk ${seq}`);
  return new Uint8Array(row.data);
}

/** The whole body in memory: for rules, which need to parse it. */
export async function loadBody(db: Db, ref: StoredBodyRef): Promise<Uint8Array> {
  if (ref.bodyChunks === 0) return ref.body ? new Uint8Array(ref.body) : new Uint8Array(0);
  const rows = await db
    .select({ data: requestBodyChunks.data })
    .from(requestBodyChunks)
    .where(eq(requestBodyChunks.requestId, ref.id))
    .orderBy(asc(requestBodyChunks.seq))
    .all();
  const out = new Uint8Array(ref.bodySize);
  let offset = 0;
  for (const row of rows) {
    out.set(new Uint8Array(row.data), offset);
    offset += row.data.byteLength;
  }
  return out;
}

/**
 * The body as a stream with a known length, pulled chunk by chunk from D1 as the outbound
 * connection drains it. A known length keeps Content-Length on the outbound request.
 */
export function bodyStream(db: Db, ref: StoredBodyRef): ReadableStream<Uint8Array> | Uint8Array {
  if (ref.bodyChunks === 0) return ref.body ? new Uint8Array(ref.body) : new Uint8Array(0);
  const { readable, writable } = new FixedLengthStream(ref.bodySize);
  const pump = async () => {
    const writer = writable.getWriter();
    try {
      for (let seq = 0; seq < ref.bodyChunks; seq++) await writer.write(await readChunk(db, ref.id, seq));
      await writer.close();
    } catch (error) {
      await writer.abort(error);
    }
  };
  void pump();
  return readable;
}

export const bodyColumns = {
  id: requests.id,
  body: requests.body,
  bodySize: requests.bodySize,
  bodyChunks: requests.bodyChunks,
};
