import type { VerifyInput, VerifyResult } from "../types";
import { fromHex } from "../../bytes";
import { parseHeaderParams } from "./header-params";
import { hmacMatches } from "./hmac";
import { malformedHeader, missingHeader, rejected, signatureMismatch, verified } from "./result";
import { parseTimestamp, toleranceViolation } from "./timestamp";

// Schemes whose one header carries a timestamp and one or more hex HMAC-SHA256 signatures as
// key=value pairs: Stripe (`t=…,v1=…`), Calendly (same) and Paddle (`ts=…;h1=…`).

export interface TimestampedParams {
  header: string;
  separator: string;
  timestampKey: string;
  signatureKey: string;
  signedContent(timestamp: string, body: Uint8Array): Uint8Array;
  secrets: readonly string[];
  toleranceS: number;
}

export async function verifyTimestampedParams(input: VerifyInput, scheme: TimestampedParams): Promise<VerifyResult> {
  const value = input.headers.get(scheme.header);
  if (value === null) return missingHeader(scheme.header);
  const params = parseHeaderParams(value, scheme.separator);
  const timestamp = params.get(scheme.timestampKey)?.[0];
  if (timestamp === undefined) return malformedHeader(scheme.header, `no ${scheme.timestampKey}=`);
  const timestampMs = parseTimestamp(timestamp, "s");
  if (timestampMs === null) return malformedHeader(scheme.header, `${scheme.timestampKey} is not a timestamp`);
  // Signatures of other versions (Stripe's v0) are ignored rather than trusted.
  const signatures = (params.get(scheme.signatureKey) ?? []).map(fromHex).filter((s): s is Uint8Array => s !== null);
  if (signatures.length === 0) return malformedHeader(scheme.header, `no hex ${scheme.signatureKey}=`);

  const content = scheme.signedContent(timestamp, input.body);
  if (!(await hmacMatches("sha256", scheme.secrets, content, signatures))) return signatureMismatch;
  // Checked after the signature, so a "timestamp" reason always means a genuine but stale request.
  const late = toleranceViolation(timestampMs, input.now, scheme.toleranceS);
  return late ? rejected(late) : verified;
}
