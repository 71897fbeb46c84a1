import { z } from "zod";
import { concatBytes, fromBase64, toBase64 } from "../bytes";
import { maskSecret } from "../secret-mask";

// Outbound signatures per the Standard Webhooks specification: `webhook-signature` holds one
// `v1,<base64 HMAC-SHA256>` entry per secret, space-separated, over `{id}.{timestamp}.{body}`, keyed
// with the base64-decoded part of the secret after `whsec_`. Several secrets at once let a receiver
// rotate without missing a delivery.

const WHSEC = "whsec_";

/**
 * A Standard Webhooks secret, for destinations' `signing` and signed notification channels alike:
 * `whsec_` and at least 16 base64 characters that decode (the signer keys its HMAC with them, so a
 * secret it cannot decode must fail on save, not at send time).
 */
export const whsecSecret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]{16,}={0,2}$/, { message: "expected whsec_ followed by at least 16 base64 characters", abort: true })
  .refine((value) => fromBase64(value.slice(WHSEC.length)) !== null, "the part after whsec_ is not valid base64");

export const signingConfig = z.object({
  type: z.literal("standard_webhooks"),
  secrets: z.array(whsecSecret).min(1).max(5),
});

export type SigningConfig = z.infer<typeof signingConfig>;

export const redactSigning = (signing: SigningConfig) => ({ ...signing, secrets: signing.secrets.map(maskSecret) });

export async function signatureHeader(secrets: string[], id: string, timestamp: number, body: Uint8Array): Promise<string> {
  const content = concatBytes(`${id}.${timestamp}.`, body);
  const entries = await Promise.all(
    secrets.map(async (s) => {
      const raw = fromBase64(s.slice(WHSEC.length)) ?? new Uint8Array(0);
      const key = await crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
      return `v1,${toBase64(new Uint8Array(await crypto.subtle.sign("HMAC", key, content)))}`;
    }),
  );
  return entries.join(" ");
}
