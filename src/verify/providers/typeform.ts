import { z } from "zod";
import { listOf, nonEmpty, requireOneOf, SECRET, secretFields } from "../core/fields";
import { verifyHeaderHmac } from "../core/header-hmac";
import { defineVerifier } from "../core/verifier";

// Typeform ("Secure your webhooks"): `Typeform-Signature: sha256=<base64 HMAC-SHA256 of the raw
// body>` with the webhook's secret. Base64, unlike the GitHub-style hex it resembles.

export const typeform = defineVerifier({
  schema: z.object({ type: z.literal("typeform"), ...secretFields(nonEmpty) }).superRefine(requireOneOf(SECRET)),
  verify: (config, input) =>
    verifyHeaderHmac(input, {
      header: "typeform-signature",
      prefix: "sha256=",
      algorithm: "sha256",
      encoding: "base64",
      secrets: listOf(config.secret, config.secrets),
    }),
});
