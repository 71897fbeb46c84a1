import { z } from "zod";
import { timingSafeEqual } from "../../http/constant-time";
import { headerName, nonEmpty } from "../core/fields";
import { rejected, verified } from "../core/result";
import { defineVerifier } from "../core/verifier";

// Generic API key, sent in a named header or query parameter.

export const apiKey = defineVerifier({
  schema: z
    .object({ type: z.literal("api_key"), key: nonEmpty, header: headerName.optional(), query: nonEmpty.optional() })
    .refine((c) => (c.header === undefined) !== (c.query === undefined), {
      message: "give exactly one of header or query",
      path: ["header"],
    }),
  async verify(config, input) {
    const presented = config.header !== undefined ? input.headers.get(config.header) : input.url.searchParams.get(config.query!);
    if (presented === null) {
      return rejected(config.header !== undefined ? `missing header ${config.header.toLowerCase()}` : `missing query parameter ${config.query}`);
    }
    return (await timingSafeEqual(presented, config.key)) ? verified : rejected("key mismatch");
  },
});
