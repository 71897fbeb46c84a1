import { z } from "zod";
import { listOf, nonEmpty, requireOneOf, SECRET, secretFields } from "../core/fields";
import { verifyHeaderHmac } from "../core/header-hmac";
import { defineVerifier } from "../core/verifier";

// GitHub ("Validating webhook deliveries"): `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw
// body>`. The legacy SHA-1 `X-Hub-Signature` is deliberately not accepted: falling back to it would
// let a downgrade bypass the stronger check.

export const github = defineVerifier({
  schema: z.object({ type: z.literal("github"), ...secretFields(nonEmpty) }).superRefine(requireOneOf(SECRET)),
  verify: (config, input) =>
    verifyHeaderHmac(input, {
      header: "x-hub-signature-256",
      prefix: "sha256=",
      algorithm: "sha256",
      encoding: "hex",
      secrets: listOf(config.secret, config.secrets),
    }),
});
