import { verificationSchema, verifyRequest, answerHandshake, type VerifyInput } from "../../../src/verify";

// Test helpers: requests to verify, a fixed clock, and signing done straight with WebCrypto (not
// through the code under test) so a shared bug cannot make both sides agree.

export const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
export const seconds = (ms: number) => Math.floor(ms / 1000);
export const INGEST_URL = "https://hooks.example.com/e/src_01TEST";

const encoder = new TextEncoder();
export const bytes = (value: string | Uint8Array) => (typeof value === "string" ? encoder.encode(value) : value);

export function hex(data: ArrayBuffer | Uint8Array): string {
  return [...new Uint8Array(data)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export function base64(data: ArrayBuffer | Uint8Array): string {
  return btoa(String.fromCharCode(...new Uint8Array(data)));
}

export async function mac(hash: "SHA-1" | "SHA-256" | "SHA-512", key: string | Uint8Array, data: string | Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await crypto.subtle.importKey("raw", bytes(key), { name: "HMAC", hash }, false, ["sign"]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", cryptoKey, bytes(data)));
}

export interface RequestParts {
  method?: string;
  url?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  now?: number;
}

export const input = (parts: RequestParts = {}): VerifyInput => ({
  method: parts.method ?? "POST",
  url: new URL(parts.url ?? INGEST_URL),
  headers: new Headers(parts.headers ?? {}),
  body: bytes(parts.body ?? ""),
  now: parts.now ?? NOW,
});

/** Parses the config as the admin API does, then verifies. */
export const verify = (config: unknown, parts: RequestParts) => verifyRequest(verificationSchema.parse(config), input(parts));

export const handshake = (config: unknown, parts: RequestParts) => answerHandshake(verificationSchema.parse(config), input(parts));

/** Raw ECDSA (r‖s) to DER, written independently of src/verify/core/ecdsa-der.ts. */
export function rawToDer(raw: Uint8Array): Uint8Array {
  const integer = (half: Uint8Array) => {
    let start = 0;
    while (start < half.length - 1 && half[start] === 0) start++;
    const trimmed = half.subarray(start);
    const body = trimmed[0]! & 0x80 ? [0, ...trimmed] : [...trimmed];
    return [0x02, body.length, ...body];
  };
  const content = [...integer(raw.subarray(0, 32)), ...integer(raw.subarray(32))];
  return new Uint8Array([0x30, content.length, ...content]);
}
