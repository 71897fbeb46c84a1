import { describe, expect, it } from "vitest";
import { derToRawSignature } from "../../../src/verify/core/ecdsa-der";
import { fromBase64, fromHex, toBase64 } from "../../../src/bytes";
import { parseTemplate } from "../../../src/verify/core/template";
import { parseTimestamp, toleranceViolation } from "../../../src/verify/core/timestamp";
import { base64, hex, mac, NOW, rawToDer, seconds, verify } from "./support";

// The shared pieces the verifiers are built from, and scheme details the per-type table does not reach.

describe("encoding", () => {
  it("decodes hex and base64 strictly, returning null on malformed input", () => {
    expect(fromHex("00ff10")).toEqual(new Uint8Array([0, 255, 16]));
    expect(fromHex("0")).toBeNull();
    expect(fromHex("zz")).toBeNull();
    expect(fromBase64("AP8Q")).toEqual(new Uint8Array([0, 255, 16]));
    expect(fromBase64("AP8Q_w")).toEqual(new Uint8Array([0, 255, 16, 255]));
    expect(fromBase64("A")).toBeNull();
    expect(fromBase64("AP8Q!")).toBeNull();
    expect(toBase64(new Uint8Array(70_000).fill(1)).length).toBe(93_336);
  });
});

describe("timestamps", () => {
  it("parses integer seconds or milliseconds only", () => {
    expect(parseTimestamp("1700000000", "s")).toBe(1700000000_000);
    expect(parseTimestamp("1700000000123", "ms")).toBe(1700000000123);
    expect(parseTimestamp("17e8", "s")).toBeNull();
    expect(parseTimestamp("-5", "s")).toBeNull();
  });

  it("allows the tolerance exactly, in both directions, and names the skew beyond it", () => {
    expect(toleranceViolation(NOW - 300_000, NOW, 300)).toBeNull();
    expect(toleranceViolation(NOW + 300_000, NOW, 300)).toBeNull();
    expect(toleranceViolation(NOW - 301_000, NOW, 300)).toBe("timestamp outside tolerance (301 s)");
    expect(toleranceViolation(NOW + 301_000, NOW, 300)).toBe("timestamp outside tolerance (301 s ahead)");
  });
});

describe("ECDSA DER to raw", () => {
  it("undoes the test helper's encoding, including leading-zero and high-bit integers", () => {
    for (const first of [0x00, 0x01, 0x7f, 0x80, 0xff]) {
      const raw = new Uint8Array(64).map((_, i) => (i === 0 || i === 32 ? first : (i * 13) & 0xff));
      expect(derToRawSignature(rawToDer(raw))).toEqual(raw);
    }
  });

  it("refuses anything that is not exactly SEQUENCE { INTEGER, INTEGER }", () => {
    const der = rawToDer(new Uint8Array(64).fill(0x42));
    expect(derToRawSignature(der.subarray(0, der.length - 1))).toBeNull();
    expect(derToRawSignature(new Uint8Array([...der, 0]))).toBeNull();
    expect(derToRawSignature(new Uint8Array([0x31, ...der.subarray(1)]))).toBeNull();
    expect(derToRawSignature(new Uint8Array(64).fill(0x42))).toBeNull();
  });
});

describe("hmac templates", () => {
  it("splits literal text and placeholders", () => {
    expect(parseTemplate("v1:{timestamp}:{body}")).toEqual({
      parts: [{ text: "v1:" }, { placeholder: "timestamp" }, { text: ":" }, { placeholder: "body" }],
    });
    expect(parseTemplate("{body}{nonce}")).toEqual({ unknown: "nonce" });
  });

  it("splices the raw body bytes in untouched, even when they are not UTF-8", async () => {
    const body = new Uint8Array([0xff, 0xfe, 0x00, 0x41]);
    const ts = String(seconds(NOW));
    const signed = new Uint8Array([...new TextEncoder().encode(`${ts}.`), ...body]);
    const config = { type: "hmac", secret: "generic-secret", header: "x-sig", template: "{timestamp}.{body}", timestamp_header: "x-ts" };
    const headers = { "x-sig": hex(await mac("SHA-256", "generic-secret", signed)), "x-ts": ts };
    expect(await verify(config, { body, headers })).toEqual({ ok: true, verified: true });
  });

  it("reads millisecond timestamps when timestamp_unit is ms", async () => {
    const config = { type: "hmac", secret: "k", header: "x-sig", template: "{timestamp}{body}", timestamp_header: "x-ts", timestamp_unit: "ms" };
    const headers = { "x-sig": hex(await mac("SHA-256", "k", `${NOW - 1000}{}`)), "x-ts": String(NOW - 1000) };
    expect(await verify(config, { body: "{}", headers })).toEqual({ ok: true, verified: true });
  });
});

describe("malformed signature headers", () => {
  it.each([
    [{ type: "github", secret: "s" }, { "x-hub-signature-256": "sha1=abcd" }, "malformed header x-hub-signature-256 (expected prefix sha256=)"],
    [{ type: "github", secret: "s" }, { "x-hub-signature-256": "sha256=xyz" }, "malformed header x-hub-signature-256 (expected hex)"],
    [{ type: "stripe", secret: "s" }, { "stripe-signature": "v1=abcd" }, "malformed header stripe-signature (no t=)"],
    [{ type: "stripe", secret: "s" }, { "stripe-signature": "t=abc,v1=abcd" }, "malformed header stripe-signature (t is not a timestamp)"],
    [{ type: "stripe", secret: "s" }, { "stripe-signature": "t=1,v0=abcd" }, "malformed header stripe-signature (no hex v1=)"],
    [{ type: "slack", secret: "s" }, { "x-slack-signature": "v1=ab", "x-slack-request-timestamp": "1" }, "malformed header x-slack-signature (expected prefix v0=)"],
    [{ type: "slack", secret: "s" }, { "x-slack-signature": "v0=ab" }, "missing header x-slack-request-timestamp"],
    [
      { type: "standard_webhooks", secret: "whsec_AAAA" },
      { "webhook-id": "m", "webhook-timestamp": "1", "webhook-signature": "v2,abc" },
      "malformed header webhook-signature (no v1 or v1a entry)",
    ],
    [{ type: "twilio", secret: "s" }, { "x-twilio-signature": "***" }, "malformed header x-twilio-signature (expected base64)"],
  ])("%j with %j → %s", async (config, headers, reason) => {
    expect(await verify(config, { body: "{}", headers })).toEqual({ ok: false, reason });
  });
});

describe("scheme details", () => {
  it("Stripe: accepts any of several v1 signatures and ignores v0", async () => {
    const t = seconds(NOW);
    const good = hex(await mac("SHA-256", "whsec_test", `${t}.{}`));
    const header = `t=${t},v0=${"0".repeat(64)},v1=${"1".repeat(64)},v1=${good}`;
    expect(await verify({ type: "stripe", secret: "whsec_test" }, { body: "{}", headers: { "stripe-signature": header } })).toEqual({ ok: true, verified: true });
  });

  it("Standard Webhooks: a config with both a secret and a public key accepts either kind of signature", async () => {
    const pair = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"])) as CryptoKeyPair;
    const publicKey = `whpk_${base64((await crypto.subtle.exportKey("raw", pair.publicKey)) as ArrayBuffer)}`;
    const secret = `whsec_${base64(new Uint8Array(32).fill(9))}`;
    const ts = String(seconds(NOW));
    const content = `msg_1.${ts}.{}`;
    const v1a = base64(await crypto.subtle.sign({ name: "Ed25519" }, pair.privateKey, new TextEncoder().encode(content)));
    const v1 = base64(await mac("SHA-256", new Uint8Array(32).fill(9), content));
    const config = { type: "standard_webhooks", secret, public_key: publicKey };
    const request = (signature: string) => ({ body: "{}", headers: { "webhook-id": "msg_1", "webhook-timestamp": ts, "webhook-signature": signature } });
    expect(await verify(config, request(`v1a,${v1a}`))).toEqual({ ok: true, verified: true });
    expect(await verify(config, request(`v1,${v1}`))).toEqual({ ok: true, verified: true });
    expect(await verify(config, request(`v1,${v1a.slice(0, 44)}`))).toEqual({ ok: false, reason: "signature mismatch" });
    // A v1a entry is never checked as an HMAC, nor a v1 entry as Ed25519.
    expect(await verify({ type: "standard_webhooks", secret }, request(`v1a,${v1}`))).toEqual({ ok: false, reason: "signature mismatch" });
  });

  it("Svix: falls back to the unbranded webhook-* headers", async () => {
    const secret = `whsec_${base64(new Uint8Array(24).fill(3))}`;
    const ts = String(seconds(NOW));
    const signature = base64(await mac("SHA-256", new Uint8Array(24).fill(3), `msg_7.${ts}.{}`));
    const headers = { "webhook-id": "msg_7", "webhook-timestamp": ts, "webhook-signature": `v1,${signature}` };
    expect(await verify({ type: "svix", secret }, { body: "{}", headers })).toEqual({ ok: true, verified: true });
  });

  it("Twilio: signs the URL with or without the default port", async () => {
    const signedUrl = "https://hooks.example.com:443/e/src_1?x=1";
    const headers = { "x-twilio-signature": base64(await mac("SHA-1", "auth-token", `${signedUrl}a1`)) };
    const config = { type: "twilio", secret: "auth-token" };
    expect(await verify(config, { url: "https://hooks.example.com/e/src_1?x=1", body: "a=1", headers })).toEqual({ ok: true, verified: true });
  });

  it("Twilio: a repeated parameter's values are sorted, and any body is covered", async () => {
    const data = "https://hooks.example.com/e/src_1MediaUrlaMediaUrlbTo1";
    const headers = { "x-twilio-signature": base64(await mac("SHA-1", "auth-token", data)) };
    const config = { type: "twilio", secret: "auth-token" };
    expect(await verify(config, { url: "https://hooks.example.com/e/src_1", body: "To=1&MediaUrl=b&MediaUrl=a", headers })).toEqual({ ok: true, verified: true });
    expect(await verify(config, { url: "https://hooks.example.com/e/src_1", body: "To=1&MediaUrl=b&MediaUrl=a&Extra=1", headers })).toEqual({
      ok: false,
      reason: "signature mismatch",
    });
  });

  it("HubSpot: signs the URI with HubSpot's list of percent-escapes decoded", async () => {
    const url = "https://hooks.example.com/e/src_1?redirect=https%3A%2F%2Fapp.example.com%2Fa%20b";
    const signedUri = "https://hooks.example.com/e/src_1?redirect=https://app.example.com/a%20b";
    const ts = String(NOW);
    const headers = { "x-hubspot-signature-v3": base64(await mac("SHA-256", "client-secret", `POST${signedUri}{}${ts}`)), "x-hubspot-request-timestamp": ts };
    expect(await verify({ type: "hubspot", secret: "client-secret" }, { url, body: "{}", headers })).toEqual({ ok: true, verified: true });
  });

  it("Mailgun: reads the signature from form fields too", async () => {
    const timestamp = String(seconds(NOW));
    const token = "a".repeat(50);
    const signature = hex(await mac("SHA-256", "mailgun-key", timestamp + token));
    const body = new URLSearchParams({ timestamp, token, signature, recipient: "a@example.com" }).toString();
    const headers = { "content-type": "application/x-www-form-urlencoded" };
    expect(await verify({ type: "mailgun", secret: "mailgun-key" }, { body, headers })).toEqual({ ok: true, verified: true });
    expect(await verify({ type: "mailgun", secret: "mailgun-key" }, { body: "{}" })).toEqual({ ok: false, reason: "body has no Mailgun signature" });
  });

  it("Linear: requires the signed webhookTimestamp in the body", async () => {
    const body = '{"type":"Issue"}';
    const headers = { "linear-signature": hex(await mac("SHA-256", "lin", body)) };
    expect(await verify({ type: "linear", secret: "lin" }, { body, headers })).toEqual({ ok: false, reason: "body has no numeric webhookTimestamp" });
  });
});
