import { z } from "zod";
import { defineVerifier } from "../core/verifier";

// No verification: every request is accepted and recorded with `verified: false`.

export const none = defineVerifier({
  schema: z.object({ type: z.literal("none") }),
  verify: async () => ({ ok: true, verified: false }),
});
