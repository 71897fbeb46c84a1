import { z } from "zod";
import { fromHex, utf8 } from "../../bytes";
import { listOf, nonEmpty, requireOneOf, SECRET, secretFields, tolerance } from "../core/fields";
import { hmacMatches } from "../core/hmac";
import { parseJsonObject } from "../core/json-body";
import { rejected, signatureMismatch, verified } from "../core/result";
import { parseTimestamp, toleranceViolation } from "../core/timestamp";
import { defineVerifier } from "../core/verifier";

// Mailgun ("Securing webhooks"): the signature travels in the body, as
// `signature: {timestamp, token, signature}` in JSON webhooks or as `timestamp`, `token` and
// `signature` form fields (legacy webhooks, routes). It is the hex HMAC-SHA256, keyed with the
// webhook signing key, of timestamp + token. Mailgun signs only those two values, not the event,
// and suggests caching tokens against replays, which a stateless check cannot do; the timestamp
// tolerance bounds replays instead.

interface SignatureFields {
  timestamp: unknown;
  token: unknown;
  signature: unknown;
}

async function signatureFields(input: { headers: Headers; body: Uint8Array }): Promise<SignatureFields | null> {
  const contentType = input.headers.get("content-type") ?? "";
  if (/multipart\/form-data|application\/x-www-form-urlencoded/i.test(contentType)) {
    try {
      const form = await new Response(input.body, { headers: { "content-type": contentType } }).formData();
      return { timestamp: form.get("timestamp"), token: form.get("token"), signature: form.get("signature") };
    } catch {
      return null;
    }
  }
  const signature = parseJsonObject(input.body)?.signature;
  return typeof signature === "object" && signature !== null ? (signature as SignatureFields) : null;
}

export const mailgun = defineVerifier({
  schema: z
    .object({ type: z.literal("mailgun"), ...secretFields(nonEmpty), tolerance_s: tolerance })
    .superRefine(requireOneOf(SECRET)),
  async verify(config, input) {
    const fields = await signatureFields(input);
    if (!fields) return rejected("body has no Mailgun signature");
    const { timestamp, token, signature } = fields;
    if (typeof timestamp !== "string" || typeof token !== "string" || typeof signature !== "string") {
      return rejected("body signature needs string timestamp, token and signature");
    }
    const timestampMs = parseTimestamp(timestamp, "s");
    const mac = fromHex(signature);
    if (timestampMs === null || !mac) return rejected("body signature is malformed");
    if (!(await hmacMatches("sha256", listOf(config.secret, config.secrets), utf8(timestamp + token), [mac]))) {
      return signatureMismatch;
    }
    const late = toleranceViolation(timestampMs, input.now, config.tolerance_s);
    return late ? rejected(late) : verified;
  },
});
