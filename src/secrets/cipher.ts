import { fromBase64, toBase64 } from "../bytes";
import type { Keyring } from "./keyring";
import { SecretError } from "./secret-error";

// One encrypted value: `enc:v1:<kid>:<iv>:<ciphertext>` (base64url), AES-256-GCM with a random
// 96-bit IV. The field's name and row id are the additional data, so a ciphertext copied into
// another field or row fails to decrypt instead of passing for that one's secret.

export const SEALED_PREFIX = "enc:v1:";

const b64url = (bytes: Uint8Array) => toBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const encoder = new TextEncoder();

export const isSealed = (value: unknown): value is string => typeof value === "string" && value.startsWith(SEALED_PREFIX);

export async function seal(ring: Keyring, plaintext: string, field: string): Promise<string> {
  if (!ring.current) throw new SecretError(field, "ENCRYPTION_KEY is not set, so secrets cannot be stored");
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: encoder.encode(field) }, ring.current.key, encoder.encode(plaintext));
  return `${SEALED_PREFIX}${ring.current.kid}:${b64url(iv)}:${b64url(new Uint8Array(ct))}`;
}

export async function unseal(ring: Keyring, sealed: string, field: string): Promise<string> {
  const [kid, ivText, ctText, ...rest] = sealed.slice(SEALED_PREFIX.length).split(":");
  const iv = ivText ? fromBase64(ivText) : null;
  const ct = ctText ? fromBase64(ctText) : null;
  if (!kid || !iv || !ct || rest.length > 0) throw new SecretError(field, "the stored value is not a well-formed ciphertext");
  const key = ring.byKid.get(kid);
  if (!key) throw new SecretError(field, `encrypted under key ${kid}, which is neither ENCRYPTION_KEY nor ENCRYPTION_KEY_PREVIOUS`);
  try {
    const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv, additionalData: encoder.encode(field) }, key, ct);
    return new TextDecoder().decode(plain);
  } catch {
    throw new SecretError(field, `cannot be decrypted with key ${kid}: the ciphertext was altered or belongs to another field`);
  }
}
