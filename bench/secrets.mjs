// npm run bench:secrets — what encryption at rest costs per read and per write of a secret: one
// AES-256-GCM open and seal of a typical verification config, beside a bare HMAC-SHA256 of the same
// bytes (what every verified webhook already pays). Runs in Node on WebCrypto, the API the Worker
// uses in workerd; through tsx so it can import the TypeScript sources.
import { seal, unseal } from "../src/secrets/cipher.ts";
import { installKeys, keyring } from "../src/secrets/keyring.ts";

const MIN_MS = 400;
const FIELD = "sources.verification (src_bench)";

/** Mean µs per call of `fn`, after a warm-up, over at least MIN_MS. */
async function time(fn) {
  for (let i = 0; i < 200; i++) await fn();
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < MIN_MS) {
    for (let i = 0; i < 50; i++) await fn();
    runs += 50;
  }
  return ((performance.now() - start) * 1000) / runs;
}

installKeys({ ENCRYPTION_KEY: btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32)))) });
const ring = await keyring();
const plaintext = JSON.stringify({ type: "stripe", secrets: ["whsec_0123456789abcdefghijklmnopqrstuv", "whsec_vutsrqponmlkjihgfedcba9876543210"], tolerance_seconds: 300 });
const sealed = await seal(ring, plaintext, FIELD);
if ((await unseal(ring, sealed, FIELD)) !== plaintext) throw new Error("round trip failed");
const hmacKey = await crypto.subtle.importKey("raw", new TextEncoder().encode("bench"), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
const bytes = new TextEncoder().encode(plaintext);

console.table([
  { what: "open (decrypt) one secret column", us: (await time(() => unseal(ring, sealed, FIELD))).toFixed(1) },
  { what: "seal (encrypt) one secret column", us: (await time(() => seal(ring, plaintext, FIELD))).toFixed(1) },
  { what: "bare HMAC-SHA256 of the same bytes", us: (await time(() => crypto.subtle.sign("HMAC", hmacKey, bytes))).toFixed(1) },
]);
console.log(`plaintext ${plaintext.length} bytes, stored ${sealed.length} bytes`);
