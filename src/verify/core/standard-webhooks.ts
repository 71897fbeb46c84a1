import { z } from "zod";
import type { VerifyInput, VerifyResult } from "../types";
import { concatBytes, fromBase64 } from "../../bytes";
import { listOf, PUBLIC_KEY, publicKeyFields, requireOneOf, SECRET, secretFields, tolerance } from "./fields";
import { hmacMatches } from "./hmac";
import { malformedHeader, missingHeader, rejected, signatureMismatch, verified } from "./result";
import { parseTimestamp, toleranceViolation } from "./timestamp";

// The Standard Webhooks scheme (standard-webhooks spec, "Verifying webhook authenticity"), which
// Svix, and so Clerk and Resend, use under `svix-*` header names. Signed content is
// `{id}.{timestamp}.{raw body}`; the signature header lists space-separated entries:
// `v1,<base64 HMAC-SHA256>` keyed with base64-decode(secret without `whsec_`), and
// `v1a,<base64 Ed25519 signature>` checked against `whpk_` public keys. Any one valid entry passes.
// The official JS libraries skip `v1a`; this one does not.

const SECRET_PREFIX = "whsec_";
const PUBLIC_KEY_PREFIX = "whpk_";
const ED25519_KEY_BYTES = 32;

const decodeSecret = (secret: string) =>
  fromBase64(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret);

const decodePublicKey = (key: string) =>
  key.startsWith(PUBLIC_KEY_PREFIX) ? fromBase64(key.slice(PUBLIC_KEY_PREFIX.length)) : null;

const secret = z.string().refine((value) => (decodeSecret(value)?.byteLength ?? 0) > 0, "expected whsec_ followed by base64");
const publicKey = z
  .string()
  .refine((value) => decodePublicKey(value)?.byteLength === ED25519_KEY_BYTES, "expected whpk_ followed by a base64 32-byte Ed25519 key");

export const standardWebhooksFields = {
  ...secretFields(secret),
  ...publicKeyFields(publicKey),
  tolerance_s: tolerance,
};

export const requireKeys = requireOneOf(SECRET, PUBLIC_KEY);

interface StandardWebhooksConfig {
  secret?: string;
  secrets?: string[];
  public_key?: string;
  public_keys?: string[];
  tolerance_s: number;
}

/** Header names to read, in order of preference (Svix also sends the unbranded ones). */
type HeaderSet = { id: string; timestamp: string; signature: string };

function firstHeader(input: VerifyInput, sets: readonly HeaderSet[], field: keyof HeaderSet): [name: string, value: string | null] {
  for (const set of sets) {
    const value = input.headers.get(set[field]);
    if (value !== null) return [set[field], value];
  }
  return [sets[0]![field], null];
}

async function ed25519Verifies(keys: readonly Uint8Array[], signature: Uint8Array, content: Uint8Array): Promise<boolean> {
  for (const raw of keys) {
    const key = await crypto.subtle.importKey("raw", raw, { name: "Ed25519" }, false, ["verify"]);
    if (await crypto.subtle.verify({ name: "Ed25519" }, key, signature, content)) return true;
  }
  return false;
}

export async function verifyStandardWebhook(
  config: StandardWebhooksConfig,
  input: VerifyInput,
  headerSets: readonly HeaderSet[],
): Promise<VerifyResult> {
  const [idName, id] = firstHeader(input, headerSets, "id");
  const [timestampName, timestamp] = firstHeader(input, headerSets, "timestamp");
  const [signatureName, header] = firstHeader(input, headerSets, "signature");
  if (id === null) return missingHeader(idName);
  if (timestamp === null) return missingHeader(timestampName);
  if (header === null) return missingHeader(signatureName);
  const timestampMs = parseTimestamp(timestamp, "s");
  if (timestampMs === null) return malformedHeader(timestampName, "not a timestamp");

  const symmetric: Uint8Array[] = [];
  const asymmetric: Uint8Array[] = [];
  for (const entry of header.split(" ")) {
    const comma = entry.indexOf(",");
    const bytes = fromBase64(entry.slice(comma + 1));
    if (comma < 0 || !bytes) continue;
    const version = entry.slice(0, comma);
    if (version === "v1") symmetric.push(bytes);
    else if (version === "v1a") asymmetric.push(bytes);
  }
  if (symmetric.length + asymmetric.length === 0) return malformedHeader(signatureName, "no v1 or v1a entry");

  const content = concatBytes(`${id}.${timestamp}.`, input.body);
  const secrets = listOf(config.secret, config.secrets).map((s) => decodeSecret(s)!);
  const publicKeys = listOf(config.public_key, config.public_keys).map((k) => decodePublicKey(k)!);
  let valid = secrets.length > 0 && symmetric.length > 0 && (await hmacMatches("sha256", secrets, content, symmetric));
  for (const signature of asymmetric) {
    if (!valid && publicKeys.length > 0) valid = await ed25519Verifies(publicKeys, signature, content);
  }
  if (!valid) return signatureMismatch;
  const late = toleranceViolation(timestampMs, input.now, config.tolerance_s);
  return late ? rejected(late) : verified;
}
