import { toBase64, toHex } from "../bytes";

// The API key itself (spec §8): `egk_` and 32 random bytes, URL-safe base64. It is shown once, at
// creation; only its SHA-256 is stored. A fast hash is enough because the key is 256 random bits,
// not a password: there is nothing to guess.

export const API_KEY_PREFIX = "egk_";

export function newApiKeySecret(): string {
  const raw = toBase64(crypto.getRandomValues(new Uint8Array(32)));
  return API_KEY_PREFIX + raw.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export async function hashApiKey(secret: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret))));
}
