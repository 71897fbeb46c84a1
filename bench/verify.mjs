// npm run bench:verify — the cost of verifying a 10 KB request per verification type, beside a
// bare HMAC-SHA256 of the same bytes. Runs in Node on WebCrypto (globalThis.crypto), the same API
// the verifiers use in workerd; run through tsx so it can import the TypeScript sources and reuse
// the unit tests' signers.
import { signedCases } from "../test/unit/verify/cases.ts";
import { NOW } from "../test/unit/verify/support.ts";
import { verificationSchema, verifyRequest } from "../src/verify/index.ts";

const BODY_BYTES = 10 * 1024;
const MIN_MS = 400;

const base = '{"id":"evt_bench","amount":100,"pad":""}';
const body = base.replace('"pad":""', `"pad":"${"x".repeat(BODY_BYTES - base.length)}"`);
const bodyBytes = new TextEncoder().encode(body);

/** Mean µs per call of `fn`, after a warm-up, over at least MIN_MS. */
async function time(fn) {
  for (let i = 0; i < 50; i++) await fn();
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < MIN_MS) {
    for (let i = 0; i < 50; i++) await fn();
    runs += 50;
  }
  return ((performance.now() - start) * 1000) / runs;
}

const bareHmac = async () => {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode("bench-secret"), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  await crypto.subtle.sign("HMAC", key, bodyBytes);
};

function toInput(request) {
  return {
    method: request.method ?? "POST",
    url: new URL(request.url ?? "https://hooks.example.com/e/src_01TEST"),
    headers: new Headers(request.headers ?? {}),
    body: typeof request.body === "string" ? new TextEncoder().encode(request.body) : request.body,
    now: NOW,
  };
}

async function bench(name, config, request) {
  const parsed = verificationSchema.parse(config);
  const input = toInput(request);
  const verdict = await verifyRequest(parsed, input);
  if (!verdict.ok) throw new Error(`${name}: the benchmark request does not verify (${verdict.reason})`);
  return { name, us: await time(() => verifyRequest(parsed, input)) };
}

const rows = [];
for (const testCase of signedCases) {
  const [key] = await testCase.keys();
  rows.push(await bench(testCase.name, testCase.config([key]), await testCase.sign(key, NOW, body)));
}
const credentials = [
  ["gitlab", { type: "gitlab", secret: "gitlab-token-123" }, { headers: { "x-gitlab-token": "gitlab-token-123" } }],
  ["basic", { type: "basic", username: "u", password: "p4ssw0rd" }, { headers: { authorization: `Basic ${btoa("u:p4ssw0rd")}` } }],
  ["postmark", { type: "postmark", username: "u", password: "p4ssw0rd" }, { headers: { authorization: `Basic ${btoa("u:p4ssw0rd")}` } }],
  ["bearer", { type: "bearer", token: "tok_123456" }, { headers: { authorization: "Bearer tok_123456" } }],
  ["api_key", { type: "api_key", header: "x-api-key", key: "key_123456" }, { headers: { "x-api-key": "key_123456" } }],
  ["msgraph (client_state)", { type: "msgraph", client_state: "state-123" }, { body: JSON.stringify({ value: [{ clientState: "state-123", pad: "x".repeat(BODY_BYTES - 60) }] }) }],
  ["none", { type: "none" }, {}],
];
for (const [name, config, request] of credentials) rows.push(await bench(name, config, { body, ...request }));

const baseline = await time(bareHmac);
const table = [{ name: "bare HMAC-SHA256 (importKey + sign)", us: baseline }, ...rows];
const width = Math.max(...table.map((row) => row.name.length));
console.log(`Verifying a ${BODY_BYTES / 1024} KB body, Node ${process.version}, WebCrypto\n`);
console.log(`${"type".padEnd(width)}  ${"µs/op".padStart(8)}  ${"× bare HMAC".padStart(11)}`);
console.log(`${"-".repeat(width)}  ${"-".repeat(8)}  ${"-".repeat(11)}`);
for (const row of table) {
  console.log(`${row.name.padEnd(width)}  ${row.us.toFixed(1).padStart(8)}  ${(row.us / baseline).toFixed(2).padStart(11)}`);
}
