import { z } from "zod";
import { utf8, toHex } from "../../bytes";
import { listOf, nonEmpty, requireOneOf, SECRET, secretFields, tolerance } from "../core/fields";
import { hmac } from "../core/hmac";
import { parseHandshakeBody } from "../core/json-body";
import { checkV0Signature } from "../core/v0-signature";
import { defineVerifier } from "../core/verifier";

// Zoom ("Using webhooks"): `x-zm-signature: v0=<hex HMAC-SHA256 of "v0:{x-zm-request-timestamp}:{raw
// body}">` keyed with the app's secret token. The `endpoint.url_validation` event expects
// {plainToken, encryptedToken: hex HMAC-SHA256(secret, plainToken)} back. Its signature is checked
// first: answering unsigned requests would hand anyone an HMAC of any text under our secret,
// which is exactly what an event signature is.

const scheme = (config: { secret?: string; secrets?: string[]; tolerance_s: number }) => ({
  signatureHeader: "x-zm-signature",
  timestampHeader: "x-zm-request-timestamp",
  secrets: listOf(config.secret, config.secrets),
  toleranceS: config.tolerance_s,
});

export const zoom = defineVerifier({
  schema: z
    .object({ type: z.literal("zoom"), ...secretFields(nonEmpty), tolerance_s: tolerance })
    .superRefine(requireOneOf(SECRET)),
  verify: async (config, input) => (await checkV0Signature(input, scheme(config))).result,
  async handshake(config, input) {
    if (input.method !== "POST") return null;
    const body = parseHandshakeBody(input.body);
    const payload = body?.payload as { plainToken?: unknown } | undefined;
    if (body?.event !== "endpoint.url_validation" || typeof payload?.plainToken !== "string") return null;
    const { secret } = await checkV0Signature(input, scheme(config));
    if (secret === null) return null;
    const plainToken = payload.plainToken;
    const encryptedToken = toHex(await hmac("sha256", secret, utf8(plainToken)));
    return Response.json({ plainToken, encryptedToken });
  },
});
