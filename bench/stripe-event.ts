// A 5 KB Stripe-like `charge.succeeded` event and a 10-field Hookdeck-style transformation of it,
// shared by the rules benchmarks.
const charge = {
  id: "ch_3QabcDEFghiJKLmn0p1ABCD",
  object: "charge",
  amount: 2599,
  amount_captured: 2599,
  amount_refunded: 0,
  application_fee_amount: null,
  balance_transaction: "txn_3QabcDEFghiJKLmn0p1ABCD",
  billing_details: {
    address: { city: "Berlin", country: "DE", line1: "Torstraße 1", line2: null, postal_code: "10119", state: null },
    email: "jane.doe@example.com",
    name: "Jane Doe",
    phone: "+49 30 1234567",
  },
  calculated_statement_descriptor: "EXAMPLE SHOP",
  captured: true,
  created: 1732300000,
  currency: "eur",
  customer: "cus_R1a2b3c4d5e6f7",
  description: "Order #1042",
  disputed: false,
  livemode: false,
  metadata: { order_id: "1042", channel: "web", campaign: "black-friday-2026", cart_items: "3", notes: "" },
  outcome: { network_status: "approved_by_network", reason: null, risk_level: "normal", risk_score: 32, seller_message: "Payment complete.", type: "authorized" },
  paid: true,
  payment_intent: "pi_3QabcDEFghiJKLmn0p1ABCD",
  payment_method: "pm_1QabcDEFghiJKLmnZZZ",
  payment_method_details: {
    card: {
      amount_authorized: 2599,
      brand: "visa",
      checks: { address_line1_check: "pass", address_postal_code_check: "pass", cvc_check: "pass" },
      country: "DE",
      exp_month: 12,
      exp_year: 2029,
      extended_authorization: { status: "disabled" },
      fingerprint: "Xt5EWLLDS7FJjR1c",
      funding: "credit",
      incremental_authorization: { status: "unavailable" },
      installments: null,
      last4: "4242",
      mandate: null,
      multicapture: { status: "unavailable" },
      network: "visa",
      network_token: { used: false },
      overcapture: { maximum_amount_capturable: 2599, status: "unavailable" },
      three_d_secure: { authentication_flow: "challenge", result: "authenticated", version: "2.2.0" },
      wallet: null,
    },
    type: "card",
  },
  receipt_email: "jane.doe@example.com",
  receipt_number: "1042-5521",
  receipt_url: "https://pay.stripe.com/receipts/payment/CAcaFwoVYWNjdF8xTTJKVGtMa2RJd0h1N2l4KOCI",
  refunded: false,
  shipping: {
    address: { city: "Berlin", country: "DE", line1: "Torstraße 1", line2: "3. OG", postal_code: "10119", state: null },
    carrier: "DHL",
    name: "Jane Doe",
    phone: "+49 30 1234567",
    tracking_number: "00340434161234567890",
  },
  statement_descriptor: "EXAMPLE SHOP",
  status: "succeeded",
};
const event = {
  id: "evt_3QabcDEFghiJKLmn0p1ABCD",
  object: "event",
  api_version: "2024-06-20",
  created: 1732300001,
  data: { object: charge, previous_attributes: null },
  livemode: false,
  pending_webhooks: 2,
  request: { id: "req_Qabc123DEF", idempotency_key: "8e0e4c3b-9f1a-4e58-9bde-3a4b2f1c0d9e" },
  type: "charge.succeeded",
};
// Padding in metadata brings the payload to 5 KB, as a real charge with line items would.
charge.metadata.notes = "n".repeat(5 * 1024 - JSON.stringify(event).length - '"notes":"",'.length);
export const payload = JSON.stringify(event);

export const transformCode = `addHandler("transform", (request, context) => {
  const event = request.body;
  const charge = event.data.object;
  request.body = {
    event_id: event.id,
    type: event.type,
    charge_id: charge.id,
    amount: charge.amount / 100,
    currency: charge.currency.toUpperCase(),
    customer: charge.customer,
    email: charge.billing_details.email,
    order_id: charge.metadata.order_id,
    card: charge.payment_method_details.card.brand + " " + charge.payment_method_details.card.last4,
    paid_at: new Date(charge.created * 1000).toISOString(),
  };
  request.headers["x-event-type"] = event.type;
  return request;
});`;
