import { Signature } from "@hubspot/api-client";
import { describe, expect, it } from "vitest";
import { MISMATCH, payload, verify, VERIFIED } from "./support";

// Oracle: @hubspot/api-client's Signature.getSignature (v3). The SDK signs the URI it is given;
// HubSpot's docs say that URI has a fixed list of percent-escapes decoded, which is what we rebuild.

const clientSecret = "hubspot-client-secret-0000";

// getSignature ignores `signature` (an input of isValid), but its options type requires one.
const sdkSign = (method: string, url: string, requestBody: string, timestamp: number) =>
  Signature.getSignature(method, "v3", { clientSecret, requestBody, url, timestamp, signature: "" });

describe("hubspot v3, signed by @hubspot/api-client", () => {
  it("verifies the SDK's signature over method, URI, body and timestamp", async () => {
    const body = `[${payload({ subscriptionType: "contact.creation" })}]`;
    const timestamp = Date.now();
    const url = "https://hooks.example.com/e/src_1?portal=42";
    const signature = sdkSign("POST", url, body, timestamp);
    const headers = { "x-hubspot-signature-v3": signature, "x-hubspot-request-timestamp": String(timestamp) };
    const config = { type: "hubspot", secret: clientSecret, public_url: "https://hooks.example.com/e/src_1" };
    expect(await verify(config, { url, body, headers, now: timestamp })).toEqual(VERIFIED);
    expect(await verify(config, { url, body: body.replace("42", "43"), headers, now: timestamp })).toEqual(MISMATCH);
    expect(await verify(config, { url, method: "PUT", body, headers, now: timestamp })).toEqual(MISMATCH);
  });

  it("signs the decoded form of escaped URI characters", async () => {
    const timestamp = Date.now();
    const received = "https://hooks.example.com/e/src_1?email=a%40example.com&scope=a%2Cb";
    const decoded = "https://hooks.example.com/e/src_1?email=a@example.com&scope=a,b";
    const signature = sdkSign("GET", decoded, "", timestamp);
    const headers = { "x-hubspot-signature-v3": signature, "x-hubspot-request-timestamp": String(timestamp) };
    expect(await verify({ type: "hubspot", secret: clientSecret }, { method: "GET", url: received, headers, now: timestamp })).toEqual(VERIFIED);
  });

  it("rejects a timestamp older than 5 minutes, as the SDK does", async () => {
    const timestamp = Date.now() - 301_000;
    const signature = sdkSign("POST", "https://hooks.example.com/e/src_1", "{}", timestamp);
    expect(() =>
      Signature.isValid({ signatureVersion: "v3", signature, clientSecret, requestBody: "{}", url: "https://hooks.example.com/e/src_1", timestamp }),
    ).toThrow(/Timestamp/);
    const headers = { "x-hubspot-signature-v3": signature, "x-hubspot-request-timestamp": String(timestamp) };
    const result = await verify({ type: "hubspot", secret: clientSecret }, { url: "https://hooks.example.com/e/src_1", body: "{}", headers, now: timestamp + 301_000 });
    expect(result).toEqual({ ok: false, reason: "timestamp outside tolerance (301 s)" });
  });
});
