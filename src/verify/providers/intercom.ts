import { z } from "zod";
import { listOf, nonEmpty, requireOneOf, SECRET, secretFields } from "../core/fields";
import { verifyHeaderHmac } from "../core/header-hmac";
import { defineVerifier } from "../core/verifier";

// Intercom (Developer Hub webhooks): `X-Hub-Signature: sha1=<hex HMAC-SHA1 of the raw body>`, keyed
// with the app's client secret. SHA-1 is Intercom's choice; there is no stronger variant to prefer.

export const intercom = defineVerifier({
  schema: z.object({ type: z.literal("intercom"), ...secretFields(nonEmpty) }).superRefine(requireOneOf(SECRET)),
  verify: (config, input) =>
    verifyHeaderHmac(input, {
      header: "x-hub-signature",
      prefix: "sha1=",
      algorithm: "sha1",
      encoding: "hex",
      secrets: listOf(config.secret, config.secrets),
    }),
});
