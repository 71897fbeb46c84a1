// How a stored body is handed to a transformation and how its result is written back. JSON objects
// and arrays arrive parsed, whatever the content type (senders mislabel JSON often); anything else,
// including JSON scalars, arrives as text. That keeps the round trip unambiguous: a string body is
// written back as it is, any other value as JSON. The caller keeps the original bytes, so a failed
// transformation can deliver or replay them untouched.

const decoder = new TextDecoder();

export function decodeTransformBody(bytes: Uint8Array): unknown {
  const text = decoder.decode(bytes);
  const start = text.trimStart()[0];
  if (start === "{" || start === "[") {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

export function encodeTransformBody(body: unknown): string {
  return typeof body === "string" ? body : JSON.stringify(body);
}
