// npx tsx bench/rules-transform.mjs — the cost of one transformation run: a fresh QuickJS runtime
// and context with Hookdeck's globals (sandbox start), the user's code and a 10-field rewrite of a
// 5 KB Stripe-like event, beside a bare JSON.parse + JSON.stringify of the same payload. Runs in
// Node on the same WebAssembly build, memory and limits the Worker uses; run through tsx so it can
// import the TypeScript sources.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { DEFAULT_LIMITS } from "../src/rules/transform/limits.ts";
import { createQuickJS } from "../src/rules/transform/quickjs.ts";
import { runInQuickJS } from "../src/rules/transform/run.ts";

const MIN_MS = 1000;

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
  metadata: { order_id: "1042", channel: "web", campaign: "black-friday-2026", cart_items: "3" },
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
const payload = JSON.stringify(event);

const code = `addHandler("transform", (request, context) => {
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
const request = { method: "POST", path: "/stripe", query: "", headers: { "content-type": "application/json" } };

/** Mean µs per call of `fn`, after a warm-up, over at least MIN_MS. */
function time(fn) {
  for (let i = 0; i < 200; i++) fn();
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < MIN_MS) {
    for (let i = 0; i < 50; i++) fn();
    runs += 50;
  }
  return ((performance.now() - start) * 1000) / runs;
}

const wasmPath = createRequire(import.meta.url).resolve("@jitl/quickjs-wasmfile-release-sync/wasm");
const started = performance.now();
const quickjs = await createQuickJS(new WebAssembly.Module(readFileSync(wasmPath)));
const instanceMs = performance.now() - started;

const check = runInQuickJS(quickjs, { code, request: { ...request, body: JSON.parse(payload) } }, DEFAULT_LIMITS);
if (!check.ok || Object.keys(check.request.body).length !== 10) throw new Error(`the transformation did not run: ${JSON.stringify(check)}`);

const transform = time(() => {
  // The caller's share is included: parsing the stored body before the run.
  const result = runInQuickJS(quickjs, { code, request: { ...request, body: JSON.parse(payload) } }, DEFAULT_LIMITS);
  if (!result.ok) throw new Error(result.error);
});
const empty = time(() => runInQuickJS(quickjs, { code: 'addHandler("transform", (r) => r)', request: { ...request, body: null } }, DEFAULT_LIMITS));
const baseline = time(() => JSON.stringify(JSON.parse(payload)));

const row = (label, us) => `${label.padEnd(58)} ${us.toFixed(1).padStart(8)} µs`;
console.log(`payload ${payload.length} bytes; QuickJS instance (once per isolate) ${instanceMs.toFixed(1)} ms; node ${process.version}`);
console.log(row("10-field transformation, fresh sandbox each run", transform));
console.log(row("  of which an empty sandbox (start, globals, r => r)", empty));
console.log(row("baseline: JSON.parse + JSON.stringify of the payload", baseline));
console.log(`ratio transformation / baseline: ${(transform / baseline).toFixed(0)}x`);
