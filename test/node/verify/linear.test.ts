import { LinearWebhookClient } from "@linear/sdk/webhooks";
import { describe, expect, it } from "vitest";
import { MISMATCH, verify, VERIFIED } from "./support";

// Oracle: @linear/sdk's LinearWebhookClient.verify (HMAC over the raw body, then the signed
// webhookTimestamp within a minute). The SDK only verifies, so the signature is made here.

const secret = "lin_wh_oracle_secret";

async function linearSignature(body: string, key: string) {
  const cryptoKey = await crypto.subtle.importKey("raw", new TextEncoder().encode(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", cryptoKey, new TextEncoder().encode(body)));
  return [...mac].map((b) => b.toString(16).padStart(2, "0")).join("");
}

describe("linear, judged by @linear/sdk", () => {
  const sdk = new LinearWebhookClient(secret);

  it("accepts what the SDK accepts and rejects a tampered body", async () => {
    const body = JSON.stringify({ action: "create", type: "Issue", data: { title: "Fix ✓" }, webhookTimestamp: Date.now() });
    const signature = await linearSignature(body, secret);
    expect(sdk.verify(Buffer.from(body), signature)).toBe(true);
    expect(await verify({ type: "linear", secret }, { body, headers: { "linear-signature": signature } })).toEqual(VERIFIED);

    const tampered = body.replace("create", "remove");
    expect(() => sdk.verify(Buffer.from(tampered), signature)).toThrow(/signature/i);
    expect(await verify({ type: "linear", secret }, { body: tampered, headers: { "linear-signature": signature } })).toEqual(MISMATCH);
  });

  it("rejects a stale webhookTimestamp, as the SDK does (with tolerance_s 60, Linear's window)", async () => {
    const now = Date.now();
    const body = JSON.stringify({ action: "update", type: "Issue", webhookTimestamp: now - 90_000 });
    const signature = await linearSignature(body, secret);
    expect(() => sdk.verify(Buffer.from(body), signature)).toThrow(/timestamp/i);
    expect(await verify({ type: "linear", secret, tolerance_s: 60 }, { body, headers: { "linear-signature": signature }, now })).toEqual({
      ok: false,
      reason: "timestamp outside tolerance (90 s)",
    });
  });
});
