import { describe, expect, it } from "vitest";
import { base64, handshake, hex, mac, NOW, seconds, verify } from "./support";

// Endpoint handshakes (spec §3): answered from the source's config, before the method check.

async function slackRequest(secret: string, body: string) {
  const ts = String(seconds(NOW));
  const signature = `v0=${hex(await mac("SHA-256", secret, `v0:${ts}:${body}`))}`;
  return { body, headers: { "x-slack-signature": signature, "x-slack-request-timestamp": ts, "content-type": "application/json" } };
}

async function zoomRequest(secret: string, body: string) {
  const ts = String(seconds(NOW));
  const signature = `v0=${hex(await mac("SHA-256", secret, `v0:${ts}:${body}`))}`;
  return { body, headers: { "x-zm-signature": signature, "x-zm-request-timestamp": ts } };
}

describe("Slack url_verification", () => {
  const config = { type: "slack", secrets: ["slack-old-secret", "slack-signing-secret"] };
  const body = JSON.stringify({ token: "Jhj5dZrVaK7ZwHHjRyZWjbDl", challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", type: "url_verification" });

  it("answers the challenge as text once the signature checks out", async () => {
    const response = await handshake(config, await slackRequest("slack-signing-secret", body));
    expect(response?.status).toBe(200);
    expect(response?.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await response?.text()).toBe("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
  });

  it("does not answer an unsigned challenge, which verification then rejects", async () => {
    const request = await slackRequest("not-our-secret", body);
    expect(await handshake(config, request)).toBeNull();
    expect(await verify(config, request)).toEqual({ ok: false, reason: "signature mismatch" });
  });

  it("leaves ordinary events to verification", async () => {
    const event = await slackRequest("slack-signing-secret", JSON.stringify({ type: "event_callback", event: { type: "message" } }));
    expect(await handshake(config, event)).toBeNull();
    expect(await verify(config, event)).toEqual({ ok: true, verified: true });
  });
});

describe("Zoom endpoint.url_validation", () => {
  const config = { type: "zoom", secrets: ["zoom-secret-token-A", "zoom-secret-token-B"] };
  const body = JSON.stringify({ payload: { plainToken: "qgg8vlvZRS6UYooatFL8Aw" }, event_ts: 1654503849680, event: "endpoint.url_validation" });

  it("returns the plain token and its hex HMAC-SHA256 under the secret that signed the request", async () => {
    const response = await handshake(config, await zoomRequest("zoom-secret-token-B", body));
    expect(response?.status).toBe(200);
    expect(await response?.json()).toEqual({
      plainToken: "qgg8vlvZRS6UYooatFL8Aw",
      encryptedToken: hex(await mac("SHA-256", "zoom-secret-token-B", "qgg8vlvZRS6UYooatFL8Aw")),
    });
  });

  it("does not answer an unsigned validation (it would be an HMAC oracle for our secret)", async () => {
    expect(await handshake(config, { body })).toBeNull();
    expect(await handshake(config, await zoomRequest("someone-else", body))).toBeNull();
  });
});

describe("Meta hub.challenge", () => {
  const config = { type: "meta", secret: "meta-app-secret", verify_token: "my-verify-token" };
  const url = (token: string) => `https://hooks.example.com/e/src_1?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`;

  it("echoes the challenge when the verify token matches", async () => {
    const response = await handshake(config, { method: "GET", url: url("my-verify-token") });
    expect(response?.status).toBe(200);
    expect(await response?.text()).toBe("1158201444");
  });

  it("answers 403 when the verify token does not match", async () => {
    const response = await handshake(config, { method: "GET", url: url("guess") });
    expect(response?.status).toBe(403);
    expect(await response?.text()).not.toContain("1158201444");
  });

  it("ignores GETs without hub.mode and POSTs", async () => {
    expect(await handshake(config, { method: "GET" })).toBeNull();
    expect(await handshake(config, { method: "POST", url: url("my-verify-token") })).toBeNull();
  });
});

describe("X / Twitter CRC", () => {
  const config = { type: "twitter", secrets: ["current-consumer-secret", "previous-consumer-secret"] };

  it("answers GET ?crc_token with sha256=base64(HMAC-SHA256(consumer secret, token))", async () => {
    const token = "9b4507b3-9040-4669-9ca3-6b94edb50553";
    const response = await handshake(config, { method: "GET", url: `https://hooks.example.com/e/src_1?crc_token=${token}` });
    expect(response?.status).toBe(200);
    expect(await response?.json()).toEqual({ response_token: `sha256=${base64(await mac("SHA-256", "current-consumer-secret", token))}` });
  });

  it("refuses tokens that could be a JSON body, and events that are not JSON objects", async () => {
    const forged = encodeURIComponent('{"for_user_id":"1"}');
    expect(await handshake(config, { method: "GET", url: `https://hooks.example.com/e/src_1?crc_token=${forged}` })).toBeNull();
    const body = "abc";
    const headers = { "x-twitter-webhooks-signature": `sha256=${base64(await mac("SHA-256", "current-consumer-secret", body))}` };
    expect(await verify(config, { body, headers })).toEqual({ ok: false, reason: "body is not a JSON object" });
  });
});

describe("Microsoft Graph validationToken", () => {
  it("echoes the token as 200 text/plain, whatever the method", async () => {
    const url = "https://hooks.example.com/e/src_1?validationToken=Validation%3A%20Testing%20client%20application%20reachability";
    for (const method of ["POST", "GET"]) {
      const response = await handshake({ type: "msgraph" }, { method, url });
      expect(response?.status).toBe(200);
      expect(response?.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(await response?.text()).toBe("Validation: Testing client application reachability");
    }
  });

  it("leaves notifications to verification", async () => {
    expect(await handshake({ type: "msgraph" }, { body: '{"value":[]}' })).toBeNull();
  });
});

describe("types without a handshake", () => {
  it("never answer one", async () => {
    expect(await handshake({ type: "github", secret: "x" }, { method: "GET", url: "https://h.example/e/s?crc_token=a&validationToken=b" })).toBeNull();
    expect(await handshake({ type: "none" }, {})).toBeNull();
  });
});
