import { z } from "zod";
import { listOf, nonEmpty, requireOneOf, SECRET, secretFields, tolerance } from "../core/fields";
import { parseHandshakeBody } from "../core/json-body";
import { checkV0Signature } from "../core/v0-signature";
import { defineVerifier } from "../core/verifier";

// Slack ("Verifying requests from Slack"): `X-Slack-Signature: v0=<hex HMAC-SHA256 of
// "v0:{X-Slack-Request-Timestamp}:{raw body}">` with the app's signing secret, 5-minute window.
// The Events API's `url_verification` request is signed too, and its challenge is echoed only
// once the signature checks out.

const scheme = (config: { secret?: string; secrets?: string[]; tolerance_s: number }) => ({
  signatureHeader: "x-slack-signature",
  timestampHeader: "x-slack-request-timestamp",
  secrets: listOf(config.secret, config.secrets),
  toleranceS: config.tolerance_s,
});

export const slack = defineVerifier({
  schema: z
    .object({ type: z.literal("slack"), ...secretFields(nonEmpty), tolerance_s: tolerance })
    .superRefine(requireOneOf(SECRET)),
  verify: async (config, input) => (await checkV0Signature(input, scheme(config))).result,
  async handshake(config, input) {
    if (input.method !== "POST") return null;
    const body = parseHandshakeBody(input.body);
    if (body?.type !== "url_verification" || typeof body.challenge !== "string") return null;
    // An unverified challenge falls through to verifyRequest, which rejects and records it.
    const { result } = await checkV0Signature(input, scheme(config));
    if (!result.ok) return null;
    return new Response(body.challenge, { headers: { "content-type": "text/plain; charset=utf-8" } });
  },
});
