import { z } from "zod";
import { concatBytes } from "../../bytes";
import { listOf, nonEmpty, publicUrl, requireOneOf, SECRET, secretFields, tolerance } from "../core/fields";
import { verifyHeaderHmac } from "../core/header-hmac";
import { malformedHeader, missingHeader, rejected } from "../core/result";
import { parseTimestamp, toleranceViolation } from "../core/timestamp";
import { defineVerifier } from "../core/verifier";

// HubSpot request validation, v3: `X-HubSpot-Signature-v3: <base64 HMAC-SHA256 of method + URI +
// raw body + X-HubSpot-Request-Timestamp>` keyed with the app's client secret; the timestamp is in
// milliseconds and HubSpot says to reject requests older than 5 minutes. HubSpot signs the URI with
// these percent-escapes decoded (and no others), so the same is done here.

const TIMESTAMP_HEADER = "x-hubspot-request-timestamp";

const DECODED_ESCAPES: Record<string, string> = {
  "%3A": ":", "%2F": "/", "%3F": "?", "%40": "@", "%21": "!", "%24": "$",
  "%27": "'", "%28": "(", "%29": ")", "%2A": "*", "%2C": ",", "%3B": ";",
};

const hubspotUri = (url: URL) =>
  url.href.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (escape) => DECODED_ESCAPES[escape.toUpperCase()]!);

export const hubspot = defineVerifier({
  schema: z
    .object({ type: z.literal("hubspot"), ...secretFields(nonEmpty), tolerance_s: tolerance, public_url: publicUrl })
    .superRefine(requireOneOf(SECRET)),
  async verify(config, input) {
    const timestamp = input.headers.get(TIMESTAMP_HEADER);
    if (timestamp === null) return missingHeader(TIMESTAMP_HEADER);
    const timestampMs = parseTimestamp(timestamp, "ms");
    if (timestampMs === null) return malformedHeader(TIMESTAMP_HEADER, "not a timestamp");
    const result = await verifyHeaderHmac(input, {
      header: "x-hubspot-signature-v3",
      algorithm: "sha256",
      encoding: "base64",
      secrets: listOf(config.secret, config.secrets),
      content: concatBytes(input.method, hubspotUri(input.url), input.body, timestamp),
    });
    if (!result.ok) return result;
    const late = toleranceViolation(timestampMs, input.now, config.tolerance_s);
    return late ? rejected(late) : result;
  },
});
