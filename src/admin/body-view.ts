import { toBase64 } from "../bytes";

// How a stored body is shown by the API: as text when it is valid UTF-8, else as base64, with
// `body_encoding` saying which, so binary bodies round-trip exactly.

export function bodyView(bytes: Uint8Array): { body: string; body_encoding: "utf8" | "base64" } {
  try {
    return { body: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes), body_encoding: "utf8" };
  } catch {
    return { body: toBase64(bytes), body_encoding: "base64" };
  }
}
