import { Paddle, Webhooks } from "@paddle/paddle-node-sdk";
import { describe, expect, it } from "vitest";
import { MISMATCH, payload, verify, VERIFIED } from "./support";

// Oracle: @paddle/paddle-node-sdk's Webhooks.isSignatureValid. Paddle's SDK only verifies, so the
// header is built here and both sides must judge it alike.

const secret = "pdl_ntfset_01oracle_SECRETkey";

async function paddleHeader(body: string, key: string, ts: number) {
  const cryptoKey = await crypto.subtle.importKey("raw", new TextEncoder().encode(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", cryptoKey, new TextEncoder().encode(`${ts}:${body}`)));
  return `ts=${ts};h1=${[...mac].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

describe("paddle, judged by @paddle/paddle-node-sdk", () => {
  // Constructing a client registers the SDK's Node crypto provider, which its validator needs.
  new Paddle("pdl_sdbx_apikey_oracle");
  const sdk = new Webhooks();

  it("accepts the header the SDK accepts and rejects the tampered body it rejects", async () => {
    const body = payload({ event_type: "transaction.completed" });
    const header = await paddleHeader(body, secret, Math.floor(Date.now() / 1000));
    expect(await sdk.isSignatureValid(body, secret, header)).toBe(true);
    expect(await verify({ type: "paddle", secret }, { body, headers: { "paddle-signature": header } })).toEqual(VERIFIED);

    const tampered = body.replace("completed", "refunded");
    expect(await sdk.isSignatureValid(tampered, secret, header)).toBe(false);
    expect(await verify({ type: "paddle", secret }, { body: tampered, headers: { "paddle-signature": header } })).toEqual(MISMATCH);
  });

  it("rejects another secret's header, as the SDK does", async () => {
    const body = payload();
    const header = await paddleHeader(body, "pdl_ntfset_other", Math.floor(Date.now() / 1000));
    expect(await sdk.isSignatureValid(body, secret, header)).toBe(false);
    expect(await verify({ type: "paddle", secret }, { body, headers: { "paddle-signature": header } })).toEqual(MISMATCH);
  });
});
