import { fromBase64, fromHex } from "../../bytes";

// How a provider writes its signature: hex or base64.

export type SignatureEncoding = "hex" | "base64";

export const decodeSignature = (encoding: SignatureEncoding, text: string): Uint8Array | null =>
  encoding === "hex" ? fromHex(text) : fromBase64(text);
