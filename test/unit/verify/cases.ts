import { base64, bytes, hex, INGEST_URL, mac, rawToDer, seconds, type RequestParts } from "./support";

// One entry per signature type: how to configure it with given keys, and how a sender signs a
// request with one key at a given time. verifiers.test.ts runs the same checks over all of them.

export interface SignedCase<K = string> {
  name: string;
  /** Three keys: the current one, the one being rotated in, and one the source does not know. */
  keys(): Promise<[K, K, K]>;
  config(keys: K[]): Record<string, unknown>;
  /** `body` defaults to a small JSON event; the benchmark passes 10 KB ones. */
  sign(key: K, at: number, body?: string): Promise<RequestParts>;
  /** The same request with one signed byte changed. */
  tamper?(request: RequestParts): RequestParts;
  /** The reason a tampered request gets, when not "signature mismatch". */
  tamperReason?: string;
  timestamped: boolean;
  /** The header whose absence is reported, if the scheme has one. */
  header?: string;
}

export const BODY = '{"id":"evt_1","amount":100}';
export const bodyTamper = (request: RequestParts): RequestParts => ({ ...request, body: String(request.body).replace("100", "999") });
const plain = (a: string) => async (): Promise<[string, string, string]> => [`${a}-current-secret`, `${a}-next-secret`, `${a}-unknown-secret`];
const withSecrets = (type: string, extra: Record<string, unknown> = {}) => (keys: string[]) =>
  keys.length === 1 ? { type, secret: keys[0], ...extra } : { type, secrets: keys, ...extra };

const whsec = (seed: number) => `whsec_${base64(new Uint8Array(24).map((_, i) => (i * 7 + seed) & 0xff))}`;
const standardSign = (headers: { id: string; timestamp: string; signature: string }) => async (secret: string, at: number, body = BODY) => {
  const key = Uint8Array.from(atob(secret.slice("whsec_".length)), (c) => c.charCodeAt(0));
  const ts = String(seconds(at));
  const signature = base64(await mac("SHA-256", key, `msg_2Xh.${ts}.${body}`));
  return { body, headers: { [headers.id]: "msg_2Xh", [headers.timestamp]: ts, [headers.signature]: `v1,${signature}` } };
};

type Ed25519Key = { pair: CryptoKeyPair; publicKey: string };
type P256Key = { pair: CryptoKeyPair; spki: string };

export const signedCases: SignedCase<any>[] = [
  {
    name: "stripe",
    keys: async () => ["whsec_stripe_current_0001", "whsec_stripe_next_0002", "whsec_stripe_unknown_03"],
    config: withSecrets("stripe"),
    async sign(secret, at, body = BODY) {
      const t = seconds(at);
      return { body, headers: { "stripe-signature": `t=${t},v1=${hex(await mac("SHA-256", secret, `${t}.${body}`))}` } };
    },
    timestamped: true,
    header: "stripe-signature",
  },
  {
    name: "github",
    keys: plain("gh"),
    config: withSecrets("github"),
    sign: async (secret, _at, body = BODY) => ({ body, headers: { "x-hub-signature-256": `sha256=${hex(await mac("SHA-256", secret, body))}` } }),
    timestamped: false,
    header: "x-hub-signature-256",
  },
  {
    name: "shopify",
    keys: plain("shp"),
    config: withSecrets("shopify"),
    sign: async (secret, _at, body = BODY) => ({ body, headers: { "x-shopify-hmac-sha256": base64(await mac("SHA-256", secret, body)) } }),
    timestamped: false,
    header: "x-shopify-hmac-sha256",
  },
  {
    name: "slack",
    keys: plain("slack"),
    config: withSecrets("slack"),
    async sign(secret, at, body = BODY) {
      const ts = String(seconds(at));
      const signature = `v0=${hex(await mac("SHA-256", secret, `v0:${ts}:${body}`))}`;
      return { body, headers: { "x-slack-signature": signature, "x-slack-request-timestamp": ts } };
    },
    timestamped: true,
    header: "x-slack-signature",
  },
  {
    name: "twilio (form parameters)",
    keys: plain("twilio"),
    config: withSecrets("twilio", { public_url: INGEST_URL }),
    async sign(token, _at, text = "Hello there") {
      const body = `To=%2B15550001111&From=%2B15550002222&Body=${encodeURIComponent(text)}&MessageSid=SM1`;
      // Twilio's docs: URL, then each parameter's name and value sorted by name.
      const data = `${INGEST_URL}Body${text}From+15550002222MessageSidSM1To+15550001111`;
      return { body, headers: { "x-twilio-signature": base64(await mac("SHA-1", token, data)) } };
    },
    tamper: (request) => ({ ...request, body: String(request.body).replace("Hello", "Howdy") }),
    timestamped: false,
    header: "x-twilio-signature",
  },
  {
    name: "twilio (JSON body with bodySHA256)",
    keys: plain("twilio"),
    config: withSecrets("twilio"),
    async sign(token, _at, body = BODY) {
      const digest = hex(await crypto.subtle.digest("SHA-256", bytes(body)));
      const url = `${INGEST_URL}?bodySHA256=${digest}`;
      return { url, body, headers: { "x-twilio-signature": base64(await mac("SHA-1", token, url)) } };
    },
    tamperReason: "body does not match bodySHA256",
    timestamped: false,
    header: "x-twilio-signature",
  },
  {
    name: "standard_webhooks (v1 HMAC)",
    keys: async () => [whsec(1), whsec(2), whsec(3)],
    config: withSecrets("standard_webhooks"),
    sign: standardSign({ id: "webhook-id", timestamp: "webhook-timestamp", signature: "webhook-signature" }),
    timestamped: true,
    header: "webhook-signature",
  },
  {
    name: "standard_webhooks (v1a Ed25519)",
    async keys() {
      const make = async (): Promise<Ed25519Key> => {
        const pair = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"])) as CryptoKeyPair;
        const raw = new Uint8Array((await crypto.subtle.exportKey("raw", pair.publicKey)) as ArrayBuffer);
        return { pair, publicKey: `whpk_${base64(raw)}` };
      };
      return [await make(), await make(), await make()];
    },
    config: (keys: Ed25519Key[]) =>
      keys.length === 1 ? { type: "standard_webhooks", public_key: keys[0]!.publicKey } : { type: "standard_webhooks", public_keys: keys.map((k) => k.publicKey) },
    async sign(key: Ed25519Key, at, body = BODY) {
      const ts = String(seconds(at));
      const signature = await crypto.subtle.sign({ name: "Ed25519" }, key.pair.privateKey, bytes(`msg_9.${ts}.${body}`));
      return { body, headers: { "webhook-id": "msg_9", "webhook-timestamp": ts, "webhook-signature": `v1a,${base64(signature)}` } };
    },
    timestamped: true,
    header: "webhook-id",
  },
  {
    name: "svix",
    keys: async () => [whsec(4), whsec(5), whsec(6)],
    config: withSecrets("svix"),
    sign: standardSign({ id: "svix-id", timestamp: "svix-timestamp", signature: "svix-signature" }),
    timestamped: true,
    header: "svix-timestamp",
  },
  {
    name: "paddle",
    keys: async () => ["pdl_ntfset_current_0001", "pdl_ntfset_next_0002", "pdl_ntfset_unknown_03"],
    config: withSecrets("paddle"),
    async sign(secret, at, body = BODY) {
      const ts = seconds(at);
      return { body, headers: { "paddle-signature": `ts=${ts};h1=${hex(await mac("SHA-256", secret, `${ts}:${body}`))}` } };
    },
    timestamped: true,
    header: "paddle-signature",
  },
  {
    name: "linear",
    keys: plain("lin"),
    config: withSecrets("linear"),
    async sign(secret, at, data = BODY) {
      // Linear's replay check reads webhookTimestamp from the signed body.
      const body = `{"action":"create","type":"Issue","data":${data},"webhookTimestamp":${at}}`;
      return { body, headers: { "linear-signature": hex(await mac("SHA-256", secret, body)) } };
    },
    timestamped: true,
    header: "linear-signature",
  },
  {
    name: "zoom",
    keys: plain("zoom"),
    config: withSecrets("zoom"),
    async sign(secret, at, body = BODY) {
      const ts = String(seconds(at));
      const signature = `v0=${hex(await mac("SHA-256", secret, `v0:${ts}:${body}`))}`;
      return { body, headers: { "x-zm-signature": signature, "x-zm-request-timestamp": ts } };
    },
    timestamped: true,
    header: "x-zm-request-timestamp",
  },
  {
    name: "meta",
    keys: plain("meta"),
    config: withSecrets("meta", { verify_token: "meta-verify-token" }),
    sign: async (secret, _at, body = BODY) => ({ body, headers: { "x-hub-signature-256": `sha256=${hex(await mac("SHA-256", secret, body))}` } }),
    timestamped: false,
    header: "x-hub-signature-256",
  },
  {
    name: "twitter",
    keys: plain("x"),
    config: withSecrets("twitter"),
    sign: async (secret, _at, body = BODY) => ({ body, headers: { "x-twitter-webhooks-signature": `sha256=${base64(await mac("SHA-256", secret, body))}` } }),
    timestamped: false,
    header: "x-twitter-webhooks-signature",
  },
  {
    name: "square",
    keys: plain("sq"),
    config: withSecrets("square", { public_url: INGEST_URL }),
    sign: async (secret, _at, body = BODY) => ({ body, headers: { "x-square-hmacsha256-signature": base64(await mac("SHA-256", secret, INGEST_URL + body)) } }),
    timestamped: false,
    header: "x-square-hmacsha256-signature",
  },
  {
    name: "hubspot",
    keys: plain("hs"),
    config: withSecrets("hubspot", { public_url: INGEST_URL }),
    async sign(secret, at, body = BODY) {
      const ts = String(at);
      const signature = base64(await mac("SHA-256", secret, `POST${INGEST_URL}${body}${ts}`));
      return { body, headers: { "x-hubspot-signature-v3": signature, "x-hubspot-request-timestamp": ts } };
    },
    timestamped: true,
    header: "x-hubspot-signature-v3",
  },
  {
    name: "intercom",
    keys: plain("ic"),
    config: withSecrets("intercom"),
    sign: async (secret, _at, body = BODY) => ({ body, headers: { "x-hub-signature": `sha1=${hex(await mac("SHA-1", secret, body))}` } }),
    timestamped: false,
    header: "x-hub-signature",
  },
  {
    name: "mailgun",
    keys: plain("mg"),
    config: withSecrets("mailgun"),
    async sign(secret, at, body = BODY) {
      const timestamp = String(seconds(at));
      const token = "c4a3f4a2b1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1";
      const signature = hex(await mac("SHA-256", secret, timestamp + token));
      return { body: JSON.stringify({ signature: { timestamp, token, signature }, "event-data": JSON.parse(body) }) };
    },
    // Mailgun signs only timestamp + token, so that is what a tamperer must change to be caught.
    tamper: (request) => ({ ...request, body: String(request.body).replace('"token":"c4', '"token":"d4') }),
    timestamped: true,
  },
  {
    name: "sendgrid",
    async keys() {
      const make = async (): Promise<P256Key> => {
        const pair = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"])) as CryptoKeyPair;
        return { pair, spki: base64((await crypto.subtle.exportKey("spki", pair.publicKey)) as ArrayBuffer) };
      };
      return [await make(), await make(), await make()];
    },
    config: (keys: P256Key[]) =>
      keys.length === 1 ? { type: "sendgrid", public_key: keys[0]!.spki } : { type: "sendgrid", public_keys: keys.map((k) => k.spki) },
    async sign(key: P256Key, at, body = BODY) {
      const ts = String(seconds(at));
      const raw = new Uint8Array(await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, key.pair.privateKey, bytes(ts + body)));
      return {
        body,
        headers: { "x-twilio-email-event-webhook-signature": base64(rawToDer(raw)), "x-twilio-email-event-webhook-timestamp": ts },
      };
    },
    timestamped: true,
    header: "x-twilio-email-event-webhook-signature",
  },
  {
    name: "typeform",
    keys: plain("tf"),
    config: withSecrets("typeform"),
    sign: async (secret, _at, body = BODY) => ({ body, headers: { "typeform-signature": `sha256=${base64(await mac("SHA-256", secret, body))}` } }),
    timestamped: false,
    header: "typeform-signature",
  },
  {
    name: "calendly",
    keys: plain("cal"),
    config: withSecrets("calendly"),
    async sign(secret, at, body = BODY) {
      const t = seconds(at);
      return { body, headers: { "calendly-webhook-signature": `t=${t},v1=${hex(await mac("SHA-256", secret, `${t}.${body}`))}` } };
    },
    timestamped: true,
    header: "calendly-webhook-signature",
  },
  {
    name: "bitbucket",
    keys: plain("bb"),
    config: withSecrets("bitbucket"),
    sign: async (secret, _at, body = BODY) => ({ body, headers: { "x-hub-signature": `sha256=${hex(await mac("SHA-256", secret, body))}` } }),
    timestamped: false,
    header: "x-hub-signature",
  },
  {
    name: "hmac (sha512, base64, prefix, raw body)",
    keys: plain("generic"),
    config: withSecrets("hmac", { algorithm: "sha512", encoding: "base64", header: "X-Signature", prefix: "sha512=" }),
    sign: async (secret, _at, body = BODY) => ({ body, headers: { "x-signature": `sha512=${base64(await mac("SHA-512", secret, body))}` } }),
    timestamped: false,
    header: "x-signature",
  },
  {
    name: "hmac (sha256 hex over {timestamp}.{body})",
    keys: plain("generic"),
    config: withSecrets("hmac", { header: "x-sig", template: "{timestamp}.{body}", timestamp_header: "X-Sig-Timestamp" }),
    async sign(secret, at, body = BODY) {
      const ts = String(seconds(at));
      return { body, headers: { "x-sig": hex(await mac("SHA-256", secret, `${ts}.${body}`)), "x-sig-timestamp": ts } };
    },
    timestamped: true,
    header: "x-sig-timestamp",
  },
  {
    name: "hmac (sha1 hex over {method} {url} {body})",
    keys: plain("generic"),
    config: withSecrets("hmac", { algorithm: "sha1", header: "x-sig", template: "{method} {url}\n{body}" }),
    sign: async (secret, _at, body = BODY) => ({ body, headers: { "x-sig": hex(await mac("SHA-1", secret, `POST ${INGEST_URL}\n${body}`)) } }),
    timestamped: false,
    header: "x-sig",
  },
];
