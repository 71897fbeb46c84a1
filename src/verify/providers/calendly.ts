import { z } from "zod";
import { concatBytes } from "../../bytes";
import { listOf, nonEmpty, requireOneOf, SECRET, secretFields, tolerance } from "../core/fields";
import { verifyTimestampedParams } from "../core/timestamped-params";
import { defineVerifier } from "../core/verifier";

// Calendly ("Webhook Signatures" in its API docs): `Calendly-Webhook-Signature: t=…,v1=…`, hex
// HMAC-SHA256 with the webhook signing key over `{t}.{raw body}`. Calendly suggests a 3-minute
// window; the gateway default is 5 minutes, set `tolerance_s: 180` to match.

export const calendly = defineVerifier({
  schema: z
    .object({ type: z.literal("calendly"), ...secretFields(nonEmpty), tolerance_s: tolerance })
    .superRefine(requireOneOf(SECRET)),
  verify: (config, input) =>
    verifyTimestampedParams(input, {
      header: "calendly-webhook-signature",
      separator: ",",
      timestampKey: "t",
      signatureKey: "v1",
      signedContent: (t, body) => concatBytes(`${t}.`, body),
      secrets: listOf(config.secret, config.secrets),
      toleranceS: config.tolerance_s,
    }),
});
