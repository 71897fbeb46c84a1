import { z } from "zod";
import { listOf, nonEmpty, requireOneOf, SECRET, secretFields, tolerance } from "../core/fields";
import { verifyHeaderHmac } from "../core/header-hmac";
import { parseJsonObject } from "../core/json-body";
import { rejected } from "../core/result";
import { toleranceViolation } from "../core/timestamp";
import { defineVerifier } from "../core/verifier";

// Linear ("Webhooks", and @linear/sdk's LinearWebhookClient): `Linear-Signature: <hex HMAC-SHA256
// of the raw body>`. Replay protection uses `webhookTimestamp` (ms) inside the signed body; the
// `Linear-Timestamp` header is not signed, so it is not trusted. Linear asks for a 1-minute window
// (`tolerance_s: 60`); the gateway default is 5 minutes.

export const linear = defineVerifier({
  schema: z
    .object({ type: z.literal("linear"), ...secretFields(nonEmpty), tolerance_s: tolerance })
    .superRefine(requireOneOf(SECRET)),
  async verify(config, input) {
    const result = await verifyHeaderHmac(input, {
      header: "linear-signature",
      algorithm: "sha256",
      encoding: "hex",
      secrets: listOf(config.secret, config.secrets),
    });
    if (!result.ok) return result;
    const timestamp = parseJsonObject(input.body)?.webhookTimestamp;
    if (typeof timestamp !== "number" || !Number.isFinite(timestamp)) return rejected("body has no numeric webhookTimestamp");
    const late = toleranceViolation(timestamp, input.now, config.tolerance_s);
    return late ? rejected(late) : result;
  },
});
