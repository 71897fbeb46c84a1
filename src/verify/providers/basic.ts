import { z } from "zod";
import { verifyBasicAuth } from "../core/basic-auth";
import { nonEmpty } from "../core/fields";
import { defineVerifier } from "../core/verifier";

// Generic HTTP Basic authentication: `Authorization: Basic base64(username:password)`.

export const basic = defineVerifier({
  schema: z.object({ type: z.literal("basic"), username: nonEmpty, password: nonEmpty }),
  verify: (config, input) => verifyBasicAuth(input, config.username, config.password),
});
