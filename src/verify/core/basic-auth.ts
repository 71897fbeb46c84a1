import { timingSafeEqual } from "../../http/constant-time";
import type { VerifyInput, VerifyResult } from "../types";
import { fromBase64 } from "../../bytes";
import { malformedHeader, missingHeader, rejected, verified } from "./result";

// HTTP Basic credentials (RFC 7617) in `Authorization`, used by `basic` and by Postmark, whose
// webhooks carry credentials embedded in the webhook URL.

export async function verifyBasicAuth(input: VerifyInput, username: string, password: string): Promise<VerifyResult> {
  const header = input.headers.get("authorization");
  if (header === null) return missingHeader("authorization");
  const match = /^basic\s+(\S+)\s*$/i.exec(header);
  const decoded = match && fromBase64(match[1]!);
  if (!decoded) return malformedHeader("authorization", "expected Basic credentials");
  const credentials = new TextDecoder().decode(decoded);
  const colon = credentials.indexOf(":");
  if (colon < 0) return malformedHeader("authorization", "expected user:password");
  // Both halves are always compared, so timing does not tell which one was wrong.
  const [userOk, passwordOk] = await Promise.all([
    timingSafeEqual(credentials.slice(0, colon), username),
    timingSafeEqual(credentials.slice(colon + 1), password),
  ]);
  return userOk && passwordOk ? verified : rejected("credentials mismatch");
}
