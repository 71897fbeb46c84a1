import { z } from "zod";
import { toBase64, utf8 } from "../../bytes";
import { listOf, nonEmpty, requireOneOf, SECRET, secretFields } from "../core/fields";
import { verifyHeaderHmac } from "../core/header-hmac";
import { hmac } from "../core/hmac";
import { rejected } from "../core/result";
import { defineVerifier } from "../core/verifier";

// X / Twitter ("Securing webhooks", Account Activity API): events carry
// `x-twitter-webhooks-signature: sha256=<base64 HMAC-SHA256 of the raw body>` keyed with the
// consumer secret, and the challenge-response check is GET ?crc_token=T answered with
// {"response_token": "sha256=" + base64(HMAC-SHA256(secret, T))}.
//
// Both use the same key and primitive, and the CRC is unsigned, so the CRC answer is a valid event
// signature for the body T. Two guards keep it from minting forgeries: tokens are answered only
// when they look like tokens (no JSON characters), and events must be JSON objects.

const CRC_TOKEN = /^[A-Za-z0-9._~+/=-]{1,256}$/;

export const twitter = defineVerifier({
  schema: z.object({ type: z.literal("twitter"), ...secretFields(nonEmpty) }).superRefine(requireOneOf(SECRET)),
  async verify(config, input) {
    if (input.body[0] !== 0x7b /* "{" */) return rejected("body is not a JSON object");
    return verifyHeaderHmac(input, {
      header: "x-twitter-webhooks-signature",
      prefix: "sha256=",
      algorithm: "sha256",
      encoding: "base64",
      secrets: listOf(config.secret, config.secrets),
    });
  },
  async handshake(config, input) {
    const token = input.url.searchParams.get("crc_token");
    if (input.method !== "GET" || token === null || !CRC_TOKEN.test(token)) return null;
    // X checks the CRC with the app's current consumer secret: the first configured one.
    const secret = listOf(config.secret, config.secrets)[0]!;
    const mac = await hmac("sha256", secret, utf8(token));
    return Response.json({ response_token: `sha256=${toBase64(mac)}` });
  },
});
