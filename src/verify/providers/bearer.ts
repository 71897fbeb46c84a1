import { z } from "zod";
import { timingSafeEqual } from "../../http/constant-time";
import { nonEmpty } from "../core/fields";
import { malformedHeader, missingHeader, rejected, verified } from "../core/result";
import { defineVerifier } from "../core/verifier";

// Generic bearer token: `Authorization: Bearer <token>` (RFC 6750; the scheme name is case-insensitive).

export const bearer = defineVerifier({
  schema: z.object({ type: z.literal("bearer"), token: nonEmpty }),
  async verify(config, input) {
    const header = input.headers.get("authorization");
    if (header === null) return missingHeader("authorization");
    const match = /^bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) return malformedHeader("authorization", "expected Bearer token");
    return (await timingSafeEqual(match[1]!, config.token)) ? verified : rejected("token mismatch");
  },
});
