import { z } from "zod";
import { concatBytes } from "../../bytes";
import { listOf, nonEmpty, requireOneOf, SECRET, secretFields, tolerance } from "../core/fields";
import { verifyTimestampedParams } from "../core/timestamped-params";
import { defineVerifier } from "../core/verifier";

// Paddle Billing: `Paddle-Signature: ts=…;h1=…[;h1=…]`, hex HMAC-SHA256 of `{ts}:{raw body}` with the
// notification destination's secret key as given. Paddle's SDKs allow only 5 s of skew; the
// gateway's default is 5 minutes (configurable) because Workers and Paddle clocks may drift.

export const paddle = defineVerifier({
  schema: z
    .object({ type: z.literal("paddle"), ...secretFields(nonEmpty), tolerance_s: tolerance })
    .superRefine(requireOneOf(SECRET)),
  verify: (config, input) =>
    verifyTimestampedParams(input, {
      header: "paddle-signature",
      separator: ";",
      timestampKey: "ts",
      signatureKey: "h1",
      signedContent: (ts, body) => concatBytes(`${ts}:`, body),
      secrets: listOf(config.secret, config.secrets),
      toleranceS: config.tolerance_s,
    }),
});
