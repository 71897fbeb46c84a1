import type { Env } from "../env";
import { fromBase64, toHex } from "../bytes";
import { SecretError } from "./secret-error";

// The keys that encrypt secrets at rest (docs/security.md): `ENCRYPTION_KEY` (base64, 32 bytes)
// encrypts and decrypts; `ENCRYPTION_KEY_PREVIOUS`, set while rotating, only decrypts. A key is
// known by its kid, the first 8 hex digits of its SHA-256, which every ciphertext names, so
// nothing else needs configuring and a row always says which key it needs.
//
// The keys are the Worker's secrets, the same for every invocation of an isolate; each entry
// point installs them (src/index.ts) so that the code reading a secret, deep in delivery or
// routing, needs no env threaded to it.

export interface Keyring {
  current: { kid: string; key: CryptoKey } | null;
  byKid: Map<string, CryptoKey>;
}

let installed: { current?: string; previous?: string } = {};
let ring: Promise<Keyring> | null = null;

export function installKeys(env: Pick<Env, "ENCRYPTION_KEY" | "ENCRYPTION_KEY_PREVIOUS">) {
  if (installed.current === env.ENCRYPTION_KEY && installed.previous === env.ENCRYPTION_KEY_PREVIOUS) return;
  installed = { current: env.ENCRYPTION_KEY, previous: env.ENCRYPTION_KEY_PREVIOUS };
  ring = null;
}

export function keyring(): Promise<Keyring> {
  if (!ring) {
    const built = build(installed.current, installed.previous);
    ring = built;
    // A bad key fails every use, not only the first: the rejected promise is not kept.
    built.catch(() => {
      if (ring === built) ring = null;
    });
  }
  return ring;
}

async function build(current: string | undefined, previous: string | undefined): Promise<Keyring> {
  const byKid = new Map<string, CryptoKey>();
  const load = async (variable: string, value: string | undefined) => {
    if (!value) return null;
    const raw = fromBase64(value.trim());
    if (!raw || raw.byteLength !== 32) throw new SecretError(variable, "must be 32 bytes in base64 (openssl rand -base64 32)");
    const kid = toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", raw))).slice(0, 8);
    const key = await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
    byKid.set(kid, key);
    return { kid, key };
  };
  const now = await load("ENCRYPTION_KEY", current);
  await load("ENCRYPTION_KEY_PREVIOUS", previous);
  return { current: now, byKid };
}
