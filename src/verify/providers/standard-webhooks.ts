import { z } from "zod";
import { requireKeys, standardWebhooksFields, verifyStandardWebhook } from "../core/standard-webhooks";
import { defineVerifier } from "../core/verifier";

// Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature` (see
// core/standard-webhooks.ts for the scheme, including asymmetric v1a signatures).

const HEADERS = [{ id: "webhook-id", timestamp: "webhook-timestamp", signature: "webhook-signature" }];

export const standardWebhooks = defineVerifier({
  schema: z.object({ type: z.literal("standard_webhooks"), ...standardWebhooksFields }).superRefine(requireKeys),
  verify: (config, input) => verifyStandardWebhook(config, input, HEADERS),
});
