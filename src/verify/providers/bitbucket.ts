import { z } from "zod";
import { listOf, nonEmpty, requireOneOf, SECRET, secretFields } from "../core/fields";
import { verifyHeaderHmac } from "../core/header-hmac";
import { defineVerifier } from "../core/verifier";

// Bitbucket Cloud (webhook secrets, 2023): `X-Hub-Signature: sha256=<hex HMAC-SHA256 of the raw
// body>`. Same header name as GitHub's legacy SHA-1 one, but SHA-256.

export const bitbucket = defineVerifier({
  schema: z.object({ type: z.literal("bitbucket"), ...secretFields(nonEmpty) }).superRefine(requireOneOf(SECRET)),
  verify: (config, input) =>
    verifyHeaderHmac(input, {
      header: "x-hub-signature",
      prefix: "sha256=",
      algorithm: "sha256",
      encoding: "hex",
      secrets: listOf(config.secret, config.secrets),
    }),
});
