import type { VerifyInput, VerifyResult } from "../types";
import { decodeSignature, type SignatureEncoding } from "./encoding";
import { hmacMatches, type HmacAlgorithm, type HmacKey } from "./hmac";
import { malformedHeader, missingHeader, signatureMismatch, verified } from "./result";

// The most common scheme: one header carrying an HMAC (optionally behind a prefix such as
// `sha256=`) of the raw body or of content built from the request. GitHub, Meta, Shopify,
// Bitbucket, Intercom, Typeform, X, Linear and Square all reduce to it.

export interface HeaderHmac {
  header: string;
  prefix?: string;
  algorithm: HmacAlgorithm;
  encoding: SignatureEncoding;
  secrets: readonly HmacKey[];
  /** What is signed; the raw body when absent. */
  content?: Uint8Array;
}

export async function verifyHeaderHmac(input: VerifyInput, scheme: HeaderHmac): Promise<VerifyResult> {
  const value = input.headers.get(scheme.header);
  if (value === null) return missingHeader(scheme.header);
  const prefix = scheme.prefix ?? "";
  if (!value.startsWith(prefix)) return malformedHeader(scheme.header, `expected prefix ${prefix}`);
  const signature = decodeSignature(scheme.encoding, value.slice(prefix.length).trim());
  if (!signature) return malformedHeader(scheme.header, `expected ${scheme.encoding}`);
  const content = scheme.content ?? input.body;
  return (await hmacMatches(scheme.algorithm, scheme.secrets, content, [signature])) ? verified : signatureMismatch;
}
