import type { Schemas } from "../../../cli/api";
import type { LiveConfig } from "../../../cli/config-file/shape";

// Live objects as the API returns them (secrets masked), for the pure parts of export and apply.

const at = "2026-12-03T10:00:00.000Z";

export function liveConfig(): LiveConfig {
  const source: Schemas["Source"] = {
    id: "src_02", name: "stripe-prod", url: "https://gw.example/e/src_02", allowed_methods: ["POST"],
    verification: { type: "stripe", secret: "••••1234", tolerance_s: 300 }, response: null, disabled_at: null, created_at: at, updated_at: at,
  };
  const destination: Schemas["Destination"] = {
    id: "des_01", name: "billing", url: "https://billing.example/hooks", http_method: "POST", headers: { "x-team": "payments" },
    auth: { type: "bearer", token: "••••wxyz" }, signing: { type: "standard_webhooks", secrets: ["••••abcd"] }, rate_limit: null,
    max_concurrency: null, delivery_order: "any", timeout_ms: 30000, paused_at: null, created_at: at, updated_at: at,
  };
  const transformation: Schemas["Transformation"] = {
    id: "trs_01", name: "add-header", code: "addHandler('transform', (r) => r)", env: { API_TOKEN: "••••cdef" }, created_at: at, updated_at: at,
  };
  const connection: Schemas["Connection"] = {
    id: "con_01", name: "stripe-to-billing", source_id: "src_02", destination_id: "des_01",
    rules: [{ type: "transform", transformation_id: "trs_01" }, { type: "delay", delay_ms: 1000 }],
    paused_at: null, disabled_at: at, created_at: at, updated_at: at,
  };
  const slack: Schemas["NotificationChannel"] = {
    id: "nch_01", type: "slack", url: "https://hooks.slack.com/••••XXXX", routing_key: null, api_key: null, secret: null, created_at: at, updated_at: at,
  };
  return {
    sources: [source, { ...source, id: "src_01", name: "plain", verification: null, url: "https://gw.example/e/src_01" }],
    destinations: [destination],
    transformations: [transformation],
    connections: [connection],
    notification_channels: [slack],
  };
}

/** The secrets behind the masks above. */
export const SECRETS = {
  STRIPE_PROD_VERIFICATION_SECRET: "whsec_stripe_secret_1234",
  BILLING_AUTH_TOKEN: "token-0123456789-wxyz",
  BILLING_SIGNING_SECRETS_1: "whsec_c2lnbmluZ3NlY3JldGFiY2Q=abcd",
  ADD_HEADER_ENV_API_TOKEN: "tok_1234567890abcdef",
  NOTIFICATION_SLACK_1_URL: "https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXX",
};
