import { z } from "zod";
import { concatBytes } from "../../bytes";
import { listOf, nonEmpty, requireOneOf, SECRET, secretFields, tolerance } from "../core/fields";
import { verifyTimestampedParams } from "../core/timestamped-params";
import { defineVerifier } from "../core/verifier";

// Stripe: `Stripe-Signature: t=…,v1=…[,v1=…]`, hex HMAC-SHA256 of `{t}.{raw body}`. The key is the
// whole endpoint secret, `whsec_` included (stripe-node's webhooks.ts signs with it as given).

export const stripe = defineVerifier({
  schema: z
    .object({ type: z.literal("stripe"), ...secretFields(nonEmpty), tolerance_s: tolerance })
    .superRefine(requireOneOf(SECRET)),
  verify: (config, input) =>
    verifyTimestampedParams(input, {
      header: "stripe-signature",
      separator: ",",
      timestampKey: "t",
      signatureKey: "v1",
      signedContent: (t, body) => concatBytes(`${t}.`, body),
      secrets: listOf(config.secret, config.secrets),
      toleranceS: config.tolerance_s,
    }),
});
