import { z } from "zod";
import { timingSafeEqual } from "../../http/constant-time";
import { listOf, nonEmpty, requireOneOf, SECRET, secretFields } from "../core/fields";
import { missingHeader, rejected, verified } from "../core/result";
import { defineVerifier } from "../core/verifier";

// GitLab sends the webhook's secret token itself in `X-Gitlab-Token` (no signature), so the check
// is a constant-time comparison with each configured secret.

const HEADER = "x-gitlab-token";

export const gitlab = defineVerifier({
  schema: z.object({ type: z.literal("gitlab"), ...secretFields(nonEmpty) }).superRefine(requireOneOf(SECRET)),
  async verify(config, input) {
    const token = input.headers.get(HEADER);
    if (token === null) return missingHeader(HEADER);
    let match = false;
    for (const secret of listOf(config.secret, config.secrets)) if (await timingSafeEqual(token, secret)) match = true;
    return match ? verified : rejected("token mismatch");
  },
});
