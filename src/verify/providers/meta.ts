import { z } from "zod";
import { timingSafeEqual } from "../../http/constant-time";
import { listOf, nonEmpty, requireOneOf, SECRET, secretFields } from "../core/fields";
import { verifyHeaderHmac } from "../core/header-hmac";
import { defineVerifier } from "../core/verifier";

// Meta (Facebook, Instagram, WhatsApp; Graph API "Webhooks: Getting started"): events carry
// `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw bytes>` keyed with the app secret.
// Subscribing sends GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…; the challenge is
// echoed when the token is ours, and anything else gets 403.

export const meta = defineVerifier({
  schema: z
    .object({ type: z.literal("meta"), ...secretFields(nonEmpty), verify_token: nonEmpty })
    .superRefine(requireOneOf(SECRET)),
  verify: (config, input) =>
    verifyHeaderHmac(input, {
      header: "x-hub-signature-256",
      prefix: "sha256=",
      algorithm: "sha256",
      encoding: "hex",
      secrets: listOf(config.secret, config.secrets),
    }),
  async handshake(config, input) {
    const query = input.url.searchParams;
    if (input.method !== "GET" || query.get("hub.mode") !== "subscribe") return null;
    const token = query.get("hub.verify_token") ?? "";
    const challenge = query.get("hub.challenge");
    if (challenge === null || !(await timingSafeEqual(token, config.verify_token))) {
      return new Response("Forbidden", { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
    }
    return new Response(challenge, { headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" } });
  },
});
