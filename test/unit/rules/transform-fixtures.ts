import type { TransformRequest } from "../../../src/rules/transform";

/** A Stripe-shaped charge.succeeded delivery, as the gateway hands it to a transformation. */
export function stripeRequest(): TransformRequest {
  return {
    method: "POST",
    path: "/stripe",
    query: "mode=live&tag=a&tag=b",
    headers: { "content-type": "application/json", "stripe-signature": "t=1732300000,v1=5257a869e7" },
    body: {
      id: "evt_1QabcDEFghiJKLmnop",
      object: "event",
      type: "charge.succeeded",
      created: 1732300000,
      data: {
        object: {
          id: "ch_3QabcDEFghiJKLmn0p1",
          object: "charge",
          amount: 2599,
          currency: "usd",
          customer: "cus_R1a2b3c4d5",
          receipt_email: "jane@example.com",
          metadata: { order_id: "1042" },
        },
      },
    },
  };
}

/** Wraps a handler body as Hookdeck code: `addHandler("transform", (request, context) => { ... })`. */
export function handler(body: string): string {
  return `addHandler("transform", (request, context) => {\n${body}\n});`;
}
