import { z } from "zod";
import { concatBytes } from "../../bytes";
import { listOf, nonEmpty, publicUrl, requireOneOf, SECRET, secretFields } from "../core/fields";
import { verifyHeaderHmac } from "../core/header-hmac";
import { defineVerifier } from "../core/verifier";

// Square ("Validate webhook event notifications"): `x-square-hmacsha256-signature: <base64
// HMAC-SHA256 of notification URL + raw body>` keyed with the subscription's signature key. The
// URL must be the one registered with Square, hence `public_url` (ingest passes it as input.url).

export const square = defineVerifier({
  schema: z
    .object({ type: z.literal("square"), ...secretFields(nonEmpty), public_url: publicUrl })
    .superRefine(requireOneOf(SECRET)),
  verify: (config, input) =>
    verifyHeaderHmac(input, {
      header: "x-square-hmacsha256-signature",
      algorithm: "sha256",
      encoding: "base64",
      secrets: listOf(config.secret, config.secrets),
      content: concatBytes(input.url.href, input.body),
    }),
});
