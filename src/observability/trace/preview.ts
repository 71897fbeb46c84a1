import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { requestBodyChunks } from "../../db/schema";
import { toBase64 } from "../../bytes";
import type { BodyPreview } from "./trace-entry";

// The start of a stored body, for a trace's before/after: enough to see what a transformation did
// without sending megabytes. Text when the start is UTF-8 (a character cut at the end is dropped),
// else base64.

export const PREVIEW_BYTES = 4_096;

interface StoredPayload {
  /** The row that owns the chunks: the request id, or the event id for a transformed payload. */
  ownerId: string;
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  /** The first PREVIEW_BYTES of an inline body; null when the body is chunked. */
  head: Uint8Array | null;
  bodySize: number;
  bodyChunks: number;
}

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function asText(bytes: Uint8Array, truncated: boolean): string | null {
  // A multi-byte character cut by the preview limit leaves at most 3 bytes of it.
  for (let cut = 0; cut <= (truncated ? 3 : 0) && cut <= bytes.length; cut++) {
    try {
      return decoder.decode(bytes.subarray(0, bytes.length - cut));
    } catch {
      // try a shorter prefix
    }
  }
  return null;
}

/** The first PREVIEW_BYTES of a chunked body: only that much of its first (1 MB) chunk is read. */
async function chunkedHead(db: Db, ownerId: string): Promise<Uint8Array> {
  const row = await db
    .select({ head: sql`substr(${requestBodyChunks.data}, 1, ${PREVIEW_BYTES})`.mapWith(requestBodyChunks.data) })
    .from(requestBodyChunks)
    .where(and(eq(requestBodyChunks.requestId, ownerId), eq(requestBodyChunks.seq, 0)))
    .get();
  return row ? new Uint8Array(row.head) : new Uint8Array(0);
}

export async function preview(db: Db, payload: StoredPayload): Promise<BodyPreview> {
  const head = payload.bodyChunks > 0 ? await chunkedHead(db, payload.ownerId) : new Uint8Array(payload.head ?? new Uint8Array(0));
  const truncated = payload.bodySize > head.byteLength;
  const text = asText(head, truncated);
  return {
    method: payload.method,
    path: payload.path,
    query: payload.query,
    headers: payload.headers,
    body: text ?? toBase64(head),
    body_encoding: text === null ? "base64" : "utf8",
    body_size: payload.bodySize,
    body_truncated: truncated,
  };
}
