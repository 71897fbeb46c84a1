// Handshakes and body-carried signatures need a look inside small JSON bodies. Large bodies are
// never handshakes, so they are not parsed at all.

const HANDSHAKE_MAX_BYTES = 16 * 1024;

export function parseJsonObject(body: Uint8Array, maxBytes = Number.POSITIVE_INFINITY): Record<string, unknown> | null {
  if (body.byteLength > maxBytes) return null;
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(body));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export const parseHandshakeBody = (body: Uint8Array) => parseJsonObject(body, HANDSHAKE_MAX_BYTES);
