import { z } from "zod";

// Source verification: the contract ingest relies on. Each provider scheme plugs in behind
// `verifyRequest` and `answerHandshake`; see docs/providers.md.

export const verificationSchema = z.discriminatedUnion("type", [z.object({ type: z.literal("none") })]);
export type Verification = z.infer<typeof verificationSchema>;

export interface VerifyInput {
  method: string;
  /** The URL the provider was given (the source's `public_url` when set), with its query. */
  url: URL;
  headers: Headers;
  /** The raw body bytes exactly as received: signatures are computed over these, never re-serialized JSON. */
  body: Uint8Array;
  /** Milliseconds since the epoch, for timestamp tolerance. */
  now: number;
}

export type VerifyResult = { ok: true; verified: boolean } | { ok: false; reason: string };

export async function verifyRequest(config: Verification | null, _input: VerifyInput): Promise<VerifyResult> {
  if (!config || config.type === "none") return { ok: true, verified: false };
  return { ok: false, reason: `unsupported verification type ${(config as { type: string }).type}` };
}

/** Answers a provider's endpoint handshake (challenge) if this request is one, else null. */
export async function answerHandshake(_config: Verification | null, _input: VerifyInput): Promise<Response | null> {
  return null;
}
