import { parseJsonObject } from "../verify/core/json-body";

// The provider's own id for a webhook, read at ingest so that "did you receive evt_123?" is one
// index lookup (?provider_event_id=). Headers are tried first: the ones below carry an id per event
// and are named unambiguously. Some providers put the id only in the body, at a field that depends
// on the provider, so those are read by the source's verification type.

// One id per event, kept on the provider's retries: Standard Webhooks' webhook-id and Svix's
// svix-id, GitHub's X-GitHub-Delivery, Shopify's X-Shopify-Webhook-Id, GitLab's X-Gitlab-Event-UUID,
// Bitbucket's X-Request-UUID, Twilio's I-Twilio-Idempotency-Token.
const ID_HEADERS = [
  "webhook-id",
  "svix-id",
  "x-github-delivery",
  "x-shopify-webhook-id",
  "x-gitlab-event-uuid",
  "x-request-uuid",
  "i-twilio-idempotency-token",
];

// Body fields holding the event id, by verification type: Stripe `id` (evt_…), Slack's Events API
// `event_id`, Square, Paddle and Typeform `event_id`, Intercom `id` (notif_…), Mailgun
// `event-data.id`.
const BODY_FIELDS: Record<string, string[]> = {
  stripe: ["id"],
  slack: ["event_id"],
  square: ["event_id"],
  paddle: ["event_id"],
  typeform: ["event_id"],
  intercom: ["id"],
  mailgun: ["event-data", "id"],
};

// Ids are short; anything longer is not one, and bounded columns keep the index small.
const MAX_LENGTH = 200;
// Bodies are parsed for their id only up to this size: event envelopes are small.
const MAX_BODY_BYTES = 1_000_000;

export function providerEventId(verificationType: string | null, headers: Headers, body: Uint8Array | null): string | null {
  for (const name of ID_HEADERS) {
    const value = headers.get(name);
    if (value && value.length <= MAX_LENGTH) return value;
  }
  const path = verificationType ? BODY_FIELDS[verificationType] : undefined;
  if (!path || !body) return null;
  let value: unknown = parseJsonObject(body, MAX_BODY_BYTES);
  for (const key of path) value = value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === "string" && value.length > 0 && value.length <= MAX_LENGTH ? value : null;
}
