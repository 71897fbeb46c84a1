import { z } from "zod";
import type { Verifier } from "./core/verifier";
import { apiKey } from "./providers/api-key";
import { basic } from "./providers/basic";
import { bearer } from "./providers/bearer";
import { bitbucket } from "./providers/bitbucket";
import { calendly } from "./providers/calendly";
import { github } from "./providers/github";
import { gitlab } from "./providers/gitlab";
import { hmacGeneric } from "./providers/hmac";
import { hubspot } from "./providers/hubspot";
import { intercom } from "./providers/intercom";
import { linear } from "./providers/linear";
import { mailgun } from "./providers/mailgun";
import { meta } from "./providers/meta";
import { msgraph } from "./providers/msgraph";
import { none } from "./providers/none";
import { paddle } from "./providers/paddle";
import { postmark } from "./providers/postmark";
import { sendgrid } from "./providers/sendgrid";
import { shopify } from "./providers/shopify";
import { slack } from "./providers/slack";
import { square } from "./providers/square";
import { standardWebhooks } from "./providers/standard-webhooks";
import { stripe } from "./providers/stripe";
import { svix } from "./providers/svix";
import { twilio } from "./providers/twilio";
import { twitter } from "./providers/twitter";
import { typeform } from "./providers/typeform";
import { zoom } from "./providers/zoom";
import type { VerifyInput, VerifyResult } from "./types";

// Source verification: the contract ingest relies on. Each provider scheme lives in its own file
// under providers/ and plugs in here; docs/providers.md documents every type.

export type { VerifyInput, VerifyResult } from "./types";
export { redactVerification } from "./redact";

const verifiers = [
  stripe, github, gitlab, shopify, slack, twilio, standardWebhooks, svix, paddle, linear, zoom, meta, twitter,
  msgraph, square, hubspot, intercom, mailgun, sendgrid, postmark, typeform, calendly, bitbucket,
  hmacGeneric, basic, bearer, apiKey, none,
] as const;

type SchemasOf<T extends readonly unknown[]> = { -readonly [K in keyof T]: T[K] extends Verifier<infer S> ? S : never };

export const verificationSchema = z.discriminatedUnion("type", verifiers.map((v) => v.schema) as unknown as SchemasOf<typeof verifiers>);
export type Verification = z.infer<typeof verificationSchema>;

const byType = new Map<string, Verifier>(
  verifiers.map((verifier) => [(verifier.schema.shape.type as z.ZodLiteral<string>).value, verifier as unknown as Verifier]),
);

/**
 * Stored configs are parsed again so defaults apply and a config saved under an older schema
 * yields a precise reason instead of a crash.
 */
function resolve(config: Verification): { verifier: Verifier; config: Verification } | { reason: string } {
  const parsed = verificationSchema.safeParse(config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { reason: `invalid verification config at ${["verification", ...issue.path].join(".")}: ${issue.message}` };
  }
  return { verifier: byType.get(parsed.data.type)!, config: parsed.data };
}

export async function verifyRequest(config: Verification | null, input: VerifyInput): Promise<VerifyResult> {
  if (!config) return { ok: true, verified: false };
  const resolved = resolve(config);
  if ("reason" in resolved) return { ok: false, reason: resolved.reason };
  try {
    return await resolved.verifier.verify(resolved.config, input);
  } catch (error) {
    // WebCrypto errors name the operation, never the key, so the message is safe to log.
    return { ok: false, reason: `verification error: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Answers a provider's endpoint handshake (challenge) if this request is one, else null. */
export async function answerHandshake(config: Verification | null, input: VerifyInput): Promise<Response | null> {
  if (!config) return null;
  const resolved = resolve(config);
  if ("reason" in resolved || !resolved.verifier.handshake) return null;
  try {
    return await resolved.verifier.handshake(resolved.config, input);
  } catch {
    // A failed handshake is answered like any other request: verifyRequest records why.
    return null;
  }
}
