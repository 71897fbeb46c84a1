import twilio from "twilio";
import { describe, expect, it } from "vitest";
import { INGEST_URL, MISMATCH, verify, VERIFIED } from "./support";

// Oracle: twilio-node's getExpectedTwilioSignature / validateRequest / validateRequestWithBody.

const token = "12345";

describe("twilio, signed by twilio-node", () => {
  it("verifies form-parameter requests the SDK signs (the example from Twilio's security docs)", async () => {
    const url = "https://mycompany.com/myapp.php?foo=1&bar=2";
    const params = { CallSid: "CA1234567890ABCDE", Caller: "+12349013030", Digits: "1234", From: "+12349013030", To: "+18005551212" };
    const signature = twilio.getExpectedTwilioSignature(token, url, params);
    expect(twilio.validateRequest(token, signature, url, params)).toBe(true);
    const body = new URLSearchParams(params).toString();
    const config = { type: "twilio", secret: token, public_url: "https://mycompany.com/myapp.php" };
    expect(await verify(config, { url, body, headers: { "x-twilio-signature": signature } })).toEqual(VERIFIED);
    expect(await verify(config, { url, body: body.replace("1234", "9999"), headers: { "x-twilio-signature": signature } })).toEqual(MISMATCH);
  });

  it("verifies JSON requests signed through bodySHA256, and rejects a changed body as the SDK does", async () => {
    const body = JSON.stringify({ ApiVersion: "2010-04-01", Status: "completed" });
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body)));
    const hash = [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
    const url = `${INGEST_URL}?bodySHA256=${hash}`;
    const signature = twilio.getExpectedTwilioSignature(token, url, {});
    expect(twilio.validateRequestWithBody(token, signature, url, body)).toBe(true);
    expect(await verify({ type: "twilio", secret: token }, { url, body, headers: { "x-twilio-signature": signature } })).toEqual(VERIFIED);

    const changed = body.replace("completed", "failed");
    expect(twilio.validateRequestWithBody(token, signature, url, changed)).toBe(false);
    expect(await verify({ type: "twilio", secret: token }, { url, body: changed, headers: { "x-twilio-signature": signature } })).toEqual({
      ok: false,
      reason: "body does not match bodySHA256",
    });
  });

  it("agrees on repeated parameters and on a URL signed with its default port", async () => {
    const url = "https://hooks.example.com:443/e/src_1";
    const params = { MediaUrl: ["https://b.example/2", "https://a.example/1"], To: "+1" };
    const signature = twilio.getExpectedTwilioSignature(token, url, params);
    const body = "MediaUrl=https%3A%2F%2Fb.example%2F2&MediaUrl=https%3A%2F%2Fa.example%2F1&To=%2B1";
    expect(await verify({ type: "twilio", secrets: ["old-token", token] }, { url: "https://hooks.example.com/e/src_1", body, headers: { "x-twilio-signature": signature } })).toEqual(VERIFIED);
  });
});
