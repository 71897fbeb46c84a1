import { Webhook as StandardWebhook } from "standardwebhooks";
import { Webhook as SvixWebhook } from "svix";
import { describe, expect, it } from "vitest";
import { MISMATCH, payload, verify, VERIFIED } from "./support";

// Oracles: the `standardwebhooks` reference library and the `svix` SDK (used by Clerk and Resend).

const secret = `whsec_${btoa("standard-webhooks-oracle-key!!")}`;
const next = `whsec_${btoa("the-next-key-while-rotating!!!")}`;

describe("standard_webhooks, signed by the standardwebhooks library", () => {
  it("verifies the library's signature, with and without the whsec_ prefix in the config", async () => {
    const body = payload();
    const at = new Date();
    const signature = new StandardWebhook(secret).sign("msg_oracle_1", at, body);
    const headers = { "webhook-id": "msg_oracle_1", "webhook-timestamp": String(Math.floor(at.getTime() / 1000)), "webhook-signature": signature };
    expect(await verify({ type: "standard_webhooks", secret }, { body, headers })).toEqual(VERIFIED);
    expect(await verify({ type: "standard_webhooks", secret: secret.slice(6) }, { body, headers })).toEqual(VERIFIED);
    expect(() => new StandardWebhook(secret).verify(body.replace("4200", "1"), headers)).toThrow();
    expect(await verify({ type: "standard_webhooks", secret }, { body: body.replace("4200", "1"), headers })).toEqual(MISMATCH);
  });

  it("accepts a header carrying signatures from two secrets during rotation", async () => {
    const body = payload();
    const at = new Date();
    const both = [new StandardWebhook(secret).sign("msg_2", at, body), new StandardWebhook(next).sign("msg_2", at, body)].join(" ");
    const headers = { "webhook-id": "msg_2", "webhook-timestamp": String(Math.floor(at.getTime() / 1000)), "webhook-signature": both };
    expect(await verify({ type: "standard_webhooks", secret: next }, { body, headers })).toEqual(VERIFIED);
    expect(await verify({ type: "standard_webhooks", secrets: [`whsec_${btoa("unrelated-key")}`] }, { body, headers })).toEqual(MISMATCH);
  });
});

describe("svix, signed by the svix SDK", () => {
  it("verifies the SDK's signature under svix-* headers, and agrees with its tolerance", async () => {
    const body = payload({ type: "user.created" });
    const now = Date.now();
    const at = new Date(now - 400_000);
    const svix = new SvixWebhook(secret);
    const headers = (date: Date) => ({
      "svix-id": "msg_svix",
      "svix-timestamp": String(Math.floor(date.getTime() / 1000)),
      "svix-signature": svix.sign("msg_svix", date, body),
    });
    expect(await verify({ type: "svix", secret }, { body, headers: headers(new Date(now)), now })).toEqual(VERIFIED);
    expect(() => svix.verify(body, headers(at))).toThrow(/timestamp/i);
    expect(await verify({ type: "svix", secret }, { body, headers: headers(at), now: Math.floor(now / 1000) * 1000 })).toEqual({
      ok: false,
      reason: "timestamp outside tolerance (400 s)",
    });
  });
});
