import { z } from "zod";
import { listOf, nonEmpty, requireOneOf, SECRET, secretFields } from "../core/fields";
import { verifyHeaderHmac } from "../core/header-hmac";
import { defineVerifier } from "../core/verifier";

// Shopify: `X-Shopify-Hmac-Sha256: <base64 HMAC-SHA256 of the raw body>`, keyed with the app's
// client secret. Shopify sends no timestamp, so there is nothing to hold a tolerance against.

export const shopify = defineVerifier({
  schema: z.object({ type: z.literal("shopify"), ...secretFields(nonEmpty) }).superRefine(requireOneOf(SECRET)),
  verify: (config, input) =>
    verifyHeaderHmac(input, {
      header: "x-shopify-hmac-sha256",
      algorithm: "sha256",
      encoding: "base64",
      secrets: listOf(config.secret, config.secrets),
    }),
});
