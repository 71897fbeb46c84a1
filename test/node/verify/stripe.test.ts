import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { MISMATCH, payload, verify, VERIFIED } from "./support";

// Oracle: stripe-node's generateTestHeaderString signs exactly as Stripe does.

const stripe = new Stripe("sk_test_oracle");
const secret = "whsec_4eC39HqLyjWDarjtT1zdp7dc";

describe("stripe, signed by stripe-node", () => {
  const now = Date.now();
  const timestamp = Math.floor(now / 1000);

  it("verifies the SDK's header, and fails where the SDK's constructEvent fails", async () => {
    const body = payload();
    const header = stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp });
    expect(await verify({ type: "stripe", secret }, { body, headers: { "stripe-signature": header }, now })).toEqual(VERIFIED);
    expect(() => stripe.webhooks.constructEvent(body, header, secret)).not.toThrow();

    const tampered = body.replace("4200", "4201");
    expect(() => stripe.webhooks.constructEvent(tampered, header, secret)).toThrow();
    expect(await verify({ type: "stripe", secret }, { body: tampered, headers: { "stripe-signature": header }, now })).toEqual(MISMATCH);
  });

  it("keys the HMAC with the whole secret, whsec_ prefix included", async () => {
    const body = payload();
    const header = stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp });
    const withoutPrefix = secret.slice("whsec_".length);
    expect(await verify({ type: "stripe", secret: withoutPrefix }, { body, headers: { "stripe-signature": header }, now })).toEqual(MISMATCH);
  });

  it("accepts a rotated secret and rejects an old timestamp as the SDK does", async () => {
    const body = payload();
    const next = "whsec_next_9f8e7d6c5b4a";
    const header = stripe.webhooks.generateTestHeaderString({ payload: body, secret: next, timestamp });
    expect(await verify({ type: "stripe", secrets: [secret, next] }, { body, headers: { "stripe-signature": header }, now })).toEqual(VERIFIED);

    const stale = stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp: timestamp - 400 });
    expect(() => stripe.webhooks.constructEvent(body, stale, secret, 300)).toThrow(/tolerance/i);
    expect(await verify({ type: "stripe", secret }, { body, headers: { "stripe-signature": stale }, now: timestamp * 1000 })).toEqual({
      ok: false,
      reason: "timestamp outside tolerance (400 s)",
    });
  });
});
