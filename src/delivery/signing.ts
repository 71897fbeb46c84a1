import { z } from "zod";
import { maskSecret } from "../secret-mask";

// Outbound signatures per the Standard Webhooks specification: `webhook-signature` holds one
// `v1,<base64 HMAC-SHA256>` entry per secret, space-separated, over `{id}.{timestamp}.{body}`, keyed
// with the base64-decoded part of the secret after `whsec_`. Several secrets at once let a receiver
// rotate without missing a delivery.

const secret = z.string().regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, "expected whsec_ followed by base64");

export const signingConfig = z.object({
  type: z.literal("standard_webhooks"),
  secrets: z.array(secret).min(1).max(5),
});

export type SigningConfig = z.infer<typeof signingConfig>;

export const redactSigning = (signing: SigningConfig) => ({ ...signing, secrets: signing.secrets.map(maskSecret) });

const encoder = new TextEncoder();

export async function signatureHeader(secrets: string[], id: string, timestamp: number, body: Uint8Array): Promise<string> {
  const prefix = encoder.encode(`${id}.${timestamp}.`);
  const content = new Uint8Array(prefix.byteLength + body.byteLength);
  content.set(prefix);
  content.set(body, prefix.byteLength);
  const entries = await Promise.all(
    secrets.map(async (s) => {
      const key = await crypto.subtle.importKey("raw", base64Decode(s.slice("whsec_".length)), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
      return `v1,${base64Encode(new Uint8Array(await crypto.subtle.sign("HMAC", key, content)))}`;
    }),
  );
  return entries.join(" ");
}

function base64Decode(value: string): Uint8Array {
  return Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
}

function base64Encode(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
