// Reads a request body up to a limit without buffering more than the limit: a sender that lies
// about (or omits) Content-Length is cut off as soon as it passes the limit.

export type BodyResult = { ok: true; bytes: Uint8Array } | { ok: false; size: number };

export async function readBody(request: Request, limit: number): Promise<BodyResult> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > limit) return { ok: false, size: declared };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  // A declared length within the limit: the runtime enforces it, so one native read suffices.
  if (Number.isFinite(declared)) return { ok: true, bytes: new Uint8Array(await request.arrayBuffer()) };

  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return { ok: false, size };
    }
    parts.push(value);
  }
  if (parts.length === 1) return { ok: true, bytes: parts[0]! };
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return { ok: true, bytes };
}
