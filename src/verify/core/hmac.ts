import { timingSafeEqual } from "../../http/constant-time";
import { utf8 } from "../../bytes";

// HMAC through WebCrypto only, so the same code runs in workerd and in Node 22.

export type HmacAlgorithm = "sha1" | "sha256" | "sha512";

const HASH: Record<HmacAlgorithm, string> = { sha1: "SHA-1", sha256: "SHA-256", sha512: "SHA-512" };

/** A key is the secret's UTF-8 bytes unless the scheme decodes it first (Standard Webhooks). */
export type HmacKey = string | Uint8Array;

export async function hmac(algorithm: HmacAlgorithm, key: HmacKey, data: Uint8Array): Promise<Uint8Array> {
  const raw = typeof key === "string" ? utf8(key) : key;
  const cryptoKey = await crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: HASH[algorithm] }, false, ["sign"]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", cryptoKey, data));
}

/**
 * The first key whose HMAC over `content` equals one of `signatures`, or null. Every pair is compared
 * in constant time and the loop never stops early, so timing reveals neither which secret nor which
 * signature matched.
 */
export async function findSigningKey<K extends HmacKey>(
  algorithm: HmacAlgorithm,
  keys: readonly K[],
  content: Uint8Array,
  signatures: readonly Uint8Array[],
): Promise<K | null> {
  const expected = await Promise.all(keys.map((key) => hmac(algorithm, key, content)));
  let found: K | null = null;
  for (const [i, mac] of expected.entries()) {
    for (const signature of signatures) {
      if ((await timingSafeEqual(mac, signature)) && found === null) found = keys[i]!;
    }
  }
  return found;
}

export async function hmacMatches(
  algorithm: HmacAlgorithm,
  keys: readonly HmacKey[],
  content: Uint8Array,
  signatures: readonly Uint8Array[],
): Promise<boolean> {
  return (await findSigningKey(algorithm, keys, content, signatures)) !== null;
}
