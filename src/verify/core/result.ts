import type { VerifyResult } from "../types";

// The few verdicts every verifier returns, worded the same way so operators can search their logs.

export const verified: VerifyResult = { ok: true, verified: true };

export const rejected = (reason: string): VerifyResult => ({ ok: false, reason });

export const missingHeader = (name: string): VerifyResult => rejected(`missing header ${name}`);

export const malformedHeader = (name: string, detail?: string): VerifyResult =>
  rejected(detail ? `malformed header ${name} (${detail})` : `malformed header ${name}`);

export const signatureMismatch: VerifyResult = rejected("signature mismatch");
