import { z } from "zod";

// A connection's rules (spec §2): a tagged union. `filter`, `deduplicate` and `transform` run in the
// order listed; `delay` and `retry` are policies read by delivery. At most one of each policy.

const filterPart = z.unknown();

export const filterRule = z.object({
  type: z.literal("filter"),
  body: filterPart.optional(),
  headers: filterPart.optional(),
  query: filterPart.optional(),
  path: filterPart.optional(),
});

export const deduplicateRule = z
  .object({
    type: z.literal("deduplicate"),
    window_ms: z.number().int().min(1_000).max(3_600_000),
    include_fields: z.array(z.string().min(1)).min(1).optional(),
    exclude_fields: z.array(z.string().min(1)).min(1).optional(),
  })
  .refine((r) => !(r.include_fields && r.exclude_fields), {
    message: "give include_fields or exclude_fields, not both",
    path: ["exclude_fields"],
  });

export const transformRule = z.object({
  type: z.literal("transform"),
  transformation_id: z.string().startsWith("trs_"),
});

export const delayRule = z.object({
  type: z.literal("delay"),
  delay_ms: z.number().int().min(0).max(12 * 3_600_000),
});

/** `"500-599"`, `">400"`, `">=500"`, `"<300"`, `"!401"` or a single code such as `"404"`. */
export const statusCodeSpec = z
  .string()
  .regex(/^(!?[1-5]\d\d|[1-5]\d\d-[1-5]\d\d|(>|>=|<|<=)[1-5]\d\d)$/, "expected a code (404), a range (500-599), a comparison (>400) or an exclusion (!401)");

export const retryRule = z.object({
  type: z.literal("retry"),
  strategy: z.enum(["linear", "exponential"]),
  count: z.number().int().min(0).max(50),
  // Queue delays have one-second granularity, so shorter intervals would not be honoured.
  interval_ms: z.number().int().min(1_000).max(24 * 3_600_000),
  response_status_codes: z.array(statusCodeSpec).min(1).optional(),
});

export const rule = z.discriminatedUnion("type", [filterRule, deduplicateRule, transformRule, delayRule, retryRule]);

export const rulesSchema = z.array(rule).superRefine((rules, ctx) => {
  for (const policy of ["delay", "retry"] as const) {
    const positions = rules.flatMap((r, i) => (r.type === policy ? [i] : []));
    if (positions.length > 1) {
      ctx.addIssue({ code: "custom", path: [positions[1]!, "type"], message: `only one ${policy} rule is allowed` });
    }
  }
});

export type Rule = z.infer<typeof rule>;
export type RetryRule = z.infer<typeof retryRule>;
