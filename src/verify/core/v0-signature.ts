import type { VerifyInput, VerifyResult } from "../types";
import { concatBytes, fromHex } from "../../bytes";
import { findSigningKey } from "./hmac";
import { malformedHeader, missingHeader, rejected, signatureMismatch, verified } from "./result";
import { parseTimestamp, toleranceViolation } from "./timestamp";

// Slack and Zoom sign `v0:{timestamp}:{raw body}` with HMAC-SHA256, send it hex-encoded as `v0=…`
// and the timestamp (seconds) in a second header.

export interface V0Scheme {
  signatureHeader: string;
  timestampHeader: string;
  secrets: readonly string[];
  toleranceS: number;
}

/** The verdict and, when verified, the secret that signed (Zoom answers its handshake with it). */
export async function checkV0Signature(input: VerifyInput, scheme: V0Scheme): Promise<{ result: VerifyResult; secret: string | null }> {
  const fail = (result: VerifyResult) => ({ result, secret: null });
  const signature = input.headers.get(scheme.signatureHeader);
  if (signature === null) return fail(missingHeader(scheme.signatureHeader));
  const timestamp = input.headers.get(scheme.timestampHeader);
  if (timestamp === null) return fail(missingHeader(scheme.timestampHeader));
  const timestampMs = parseTimestamp(timestamp, "s");
  if (timestampMs === null) return fail(malformedHeader(scheme.timestampHeader, "not a timestamp"));
  if (!signature.startsWith("v0=")) return fail(malformedHeader(scheme.signatureHeader, "expected prefix v0="));
  const mac = fromHex(signature.slice(3));
  if (!mac) return fail(malformedHeader(scheme.signatureHeader, "expected hex"));

  const content = concatBytes(`v0:${timestamp}:`, input.body);
  const secret = await findSigningKey("sha256", scheme.secrets, content, [mac]);
  if (secret === null) return fail(signatureMismatch);
  const late = toleranceViolation(timestampMs, input.now, scheme.toleranceS);
  return late ? fail(rejected(late)) : { result: verified, secret };
}
