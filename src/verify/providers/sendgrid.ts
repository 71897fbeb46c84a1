import { z } from "zod";
import { concatBytes, fromBase64, toHex } from "../../bytes";
import { derToRawSignature } from "../core/ecdsa-der";
import { listOf, PUBLIC_KEY, publicKeyFields, requireOneOf, tolerance } from "../core/fields";
import { malformedHeader, missingHeader, rejected, signatureMismatch, verified } from "../core/result";
import { parseTimestamp, toleranceViolation } from "../core/timestamp";
import { defineVerifier } from "../core/verifier";

// SendGrid's Signed Event Webhook ("Event Webhook security features"): ECDSA P-256 with SHA-256
// over `{X-Twilio-Email-Event-Webhook-Timestamp}{raw body}`; the signature header is base64 DER and
// the verification key is the base64 SPKI shown in SendGrid's settings. SendGrid documents no
// tolerance; the timestamp is signed, so the gateway's default window applies (raise `tolerance_s`
// if retried deliveries keep their first timestamp).

const SIGNATURE_HEADER = "x-twilio-email-event-webhook-signature";
const TIMESTAMP_HEADER = "x-twilio-email-event-webhook-timestamp";
const P256 = { name: "ECDSA", namedCurve: "P-256" } as const;

// DER prefix of a P-256 SubjectPublicKeyInfo with an uncompressed point: 26 bytes, then 65 of point.
const SPKI_P256_PREFIX = "3059301306072a8648ce3d020106082a8648ce3d030107034200";
const isP256Spki = (key: string) => {
  const der = fromBase64(key);
  return der?.length === 91 && toHex(der.subarray(0, 26)) === SPKI_P256_PREFIX;
};

const publicKey = z.string().refine(isP256Spki, "expected the base64 P-256 public key from SendGrid's settings");

export const sendgrid = defineVerifier({
  schema: z
    .object({ type: z.literal("sendgrid"), ...publicKeyFields(publicKey), tolerance_s: tolerance })
    .superRefine(requireOneOf(PUBLIC_KEY)),
  async verify(config, input) {
    const header = input.headers.get(SIGNATURE_HEADER);
    if (header === null) return missingHeader(SIGNATURE_HEADER);
    const timestamp = input.headers.get(TIMESTAMP_HEADER);
    if (timestamp === null) return missingHeader(TIMESTAMP_HEADER);
    const timestampMs = parseTimestamp(timestamp, "s");
    if (timestampMs === null) return malformedHeader(TIMESTAMP_HEADER, "not a timestamp");
    const der = fromBase64(header.trim());
    const signature = der && derToRawSignature(der);
    if (!signature) return malformedHeader(SIGNATURE_HEADER, "expected a base64 DER ECDSA signature");

    const content = concatBytes(timestamp, input.body);
    let valid = false;
    for (const spki of listOf(config.public_key, config.public_keys)) {
      const key = await crypto.subtle.importKey("spki", fromBase64(spki)!, P256, false, ["verify"]);
      if (await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, signature, content)) valid = true;
    }
    if (!valid) return signatureMismatch;
    const late = toleranceViolation(timestampMs, input.now, config.tolerance_s);
    return late ? rejected(late) : verified;
  },
});
