import { EventWebhook } from "@sendgrid/eventwebhook";
import { describe, expect, it } from "vitest";
import { MISMATCH, verify, VERIFIED } from "./support";

// Oracle: @sendgrid/eventwebhook (starkbank-ecdsa, DER signatures). SendGrid's SDK only verifies,
// so requests are signed here with WebCrypto and converted to DER, and the SDK must accept them too.

const toBase64 = (bytes: ArrayBuffer | Uint8Array) => btoa(String.fromCharCode(...new Uint8Array(bytes)));

function derFromRaw(raw: Uint8Array): Uint8Array {
  const int = (half: Uint8Array) => {
    let i = 0;
    while (i < half.length - 1 && half[i] === 0) i++;
    const v = [...half.subarray(i)];
    return v[0]! & 0x80 ? [0x02, v.length + 1, 0, ...v] : [0x02, v.length, ...v];
  };
  const body = [...int(raw.subarray(0, 32)), ...int(raw.subarray(32))];
  return new Uint8Array([0x30, body.length, ...body]);
}

async function signedEvent(body: string, timestamp: string) {
  const pair = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"])) as CryptoKeyPair;
  const spki = toBase64((await crypto.subtle.exportKey("spki", pair.publicKey)) as ArrayBuffer);
  const raw = new Uint8Array(await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, pair.privateKey, new TextEncoder().encode(timestamp + body)));
  return { spki, signature: toBase64(derFromRaw(raw)) };
}

describe("sendgrid, judged by @sendgrid/eventwebhook", () => {
  const sdk = new EventWebhook();

  it("accepts what the SDK accepts, over many random signatures (DER integers of every length)", async () => {
    const body = JSON.stringify([{ email: "a@example.com", event: "delivered", sg_event_id: "e1" }]) + "\r\n";
    const timestamp = String(Math.floor(Date.now() / 1000));
    for (let i = 0; i < 40; i++) {
      const { spki, signature } = await signedEvent(body, timestamp);
      expect(sdk.verifySignature(sdk.convertPublicKeyToECDSA(spki), body, signature, timestamp)).toBe(true);
      const headers = { "x-twilio-email-event-webhook-signature": signature, "x-twilio-email-event-webhook-timestamp": timestamp };
      expect(await verify({ type: "sendgrid", public_key: spki }, { body, headers })).toEqual(VERIFIED);
    }
  });

  it("rejects what the SDK rejects: a changed body or timestamp", async () => {
    const body = '[{"event":"open"}]';
    const timestamp = String(Math.floor(Date.now() / 1000));
    const { spki, signature } = await signedEvent(body, timestamp);
    const key = sdk.convertPublicKeyToECDSA(spki);
    expect(sdk.verifySignature(key, body.replace("open", "click"), signature, timestamp)).toBe(false);
    const headers = { "x-twilio-email-event-webhook-signature": signature, "x-twilio-email-event-webhook-timestamp": timestamp };
    expect(await verify({ type: "sendgrid", public_key: spki }, { body: body.replace("open", "click"), headers })).toEqual(MISMATCH);
    const shifted = String(Number(timestamp) - 1);
    expect(sdk.verifySignature(key, body, signature, shifted)).toBe(false);
    expect(
      await verify({ type: "sendgrid", public_key: spki }, { body, headers: { ...headers, "x-twilio-email-event-webhook-timestamp": shifted } }),
    ).toEqual(MISMATCH);
  });
});
