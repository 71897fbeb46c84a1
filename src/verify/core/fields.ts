import { z } from "zod";
import { DEFAULT_TOLERANCE_S } from "./timestamp";

// Config fields shared by the verifiers' zod schemas (spec §2 Source: `secret` or `secrets`,
// `tolerance_s`, `public_url`). Field names are part of the admin API.

const MAX_ROTATING = 10;

export const nonEmpty = z.string().min(1);

/** `secret` (one) or `secrets` (several, while rotating: any one passes). */
export const secretFields = <T extends z.ZodType<string>>(element: T) => ({
  secret: element.optional(),
  secrets: z.array(element).min(1).max(MAX_ROTATING).optional(),
});

/** Public keys for asymmetric schemes, rotated like secrets. */
export const publicKeyFields = <T extends z.ZodType<string>>(element: T) => ({
  public_key: element.optional(),
  public_keys: z.array(element).min(1).max(MAX_ROTATING).optional(),
});

export const tolerance = z.number().int().min(1).max(7 * 86_400).default(DEFAULT_TOLERANCE_S);

/** The exact URL given to a provider that signs it (Twilio, Square, HubSpot); see ingest's publicUrl(). */
export const publicUrl = z.url({ protocol: /^https?$/ }).optional();

export { headerName } from "../../http/header-fields";

type Pair = readonly [one: string, many: string];
export const SECRET: Pair = ["secret", "secrets"];
export const PUBLIC_KEY: Pair = ["public_key", "public_keys"];

/**
 * A refinement requiring exactly one field of one of the given pairs' members, e.g. `secret` xor
 * `secrets`. The issue lands on the first field name so the admin API can say
 * `verification.secret` is missing.
 */
export function requireOneOf(...pairs: Pair[]) {
  return (config: Record<string, unknown>, ctx: z.RefinementCtx) => {
    for (const [one, many] of pairs) {
      if (config[one] !== undefined && config[many] !== undefined) {
        ctx.addIssue({ code: "custom", path: [many], message: `give either ${one} or ${many}, not both` });
        return;
      }
    }
    if (pairs.some(([one, many]) => config[one] !== undefined || config[many] !== undefined)) return;
    const names = pairs.flat().join(" or ");
    ctx.addIssue({ code: "custom", path: [pairs[0]![0]], message: `required: give ${names}` });
  };
}

/** The configured values of a pair, as one list (the single value first). */
export function listOf<T>(one: T | undefined, many: readonly T[] | undefined): T[] {
  return one !== undefined ? [one] : [...(many ?? [])];
}
