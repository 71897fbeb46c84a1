import { z } from "zod";
import { requireKeys, standardWebhooksFields, verifyStandardWebhook } from "../core/standard-webhooks";
import { defineVerifier } from "../core/verifier";

// Svix, and the providers that send through it (Clerk, Resend, …): the Standard Webhooks scheme
// under `svix-id`, `svix-timestamp`, `svix-signature`. Like the svix library, the unbranded
// `webhook-*` names are accepted when the `svix-*` ones are absent.

const HEADERS = [
  { id: "svix-id", timestamp: "svix-timestamp", signature: "svix-signature" },
  { id: "webhook-id", timestamp: "webhook-timestamp", signature: "webhook-signature" },
];

export const svix = defineVerifier({
  schema: z.object({ type: z.literal("svix"), ...standardWebhooksFields }).superRefine(requireKeys),
  verify: (config, input) => verifyStandardWebhook(config, input, HEADERS),
});
