import { z } from "zod";
import { verifyBasicAuth } from "../core/basic-auth";
import { nonEmpty } from "../core/fields";
import { defineVerifier } from "../core/verifier";

// Postmark signs nothing; its webhook docs recommend HTTP Basic credentials in the webhook URL
// (https://user:password@host/…), which arrive as an `Authorization: Basic` header. Postmark's
// published sender IP ranges are a further check an operator can add at the firewall.

export const postmark = defineVerifier({
  schema: z.object({ type: z.literal("postmark"), username: nonEmpty, password: nonEmpty }),
  verify: (config, input) => verifyBasicAuth(input, config.username, config.password),
});
