import { z } from "zod";
import { concatBytes } from "../../bytes";
import { headerName, listOf, nonEmpty, requireOneOf, SECRET, secretFields, tolerance } from "../core/fields";
import { verifyHeaderHmac } from "../core/header-hmac";
import { missingHeader, malformedHeader, rejected } from "../core/result";
import { parseTemplate, renderTemplate, usesPlaceholder, type TemplatePart } from "../core/template";
import { parseTimestamp, toleranceViolation } from "../core/timestamp";
import { defineVerifier } from "../core/verifier";

// Generic HMAC for senders without a preset: the signature sits in `header` (after an optional
// `prefix`), and `template` says what was signed, from {body}, {timestamp} (the value of
// `timestamp_header`), {method} and {url}. The body must be signed, and a timestamp header must be
// signed too: an unsigned timestamp could simply be refreshed by a replayer.

export const hmacGeneric = defineVerifier({
  schema: z
    .object({
      type: z.literal("hmac"),
      ...secretFields(nonEmpty),
      algorithm: z.enum(["sha1", "sha256", "sha512"]).default("sha256"),
      encoding: z.enum(["hex", "base64"]).default("hex"),
      header: headerName,
      prefix: nonEmpty.optional(),
      template: nonEmpty.default("{body}"),
      timestamp_header: headerName.optional(),
      timestamp_unit: z.enum(["s", "ms"]).default("s"),
      tolerance_s: tolerance,
    })
    .superRefine(requireOneOf(SECRET))
    .superRefine((config, ctx) => {
      const parsed = parseTemplate(config.template);
      if ("unknown" in parsed) {
        ctx.addIssue({ code: "custom", path: ["template"], message: `unknown placeholder {${parsed.unknown}}; use {body}, {timestamp}, {method} or {url}` });
        return;
      }
      if (!usesPlaceholder(parsed.parts, "body")) ctx.addIssue({ code: "custom", path: ["template"], message: "must include {body}" });
      const signsTimestamp = usesPlaceholder(parsed.parts, "timestamp");
      if (signsTimestamp && config.timestamp_header === undefined) {
        ctx.addIssue({ code: "custom", path: ["timestamp_header"], message: "required when the template uses {timestamp}" });
      }
      if (!signsTimestamp && config.timestamp_header !== undefined) {
        ctx.addIssue({ code: "custom", path: ["template"], message: "must include {timestamp} when timestamp_header is set" });
      }
    }),
  async verify(config, input) {
    const parts = (parseTemplate(config.template) as { parts: TemplatePart[] }).parts;
    let timestamp = "";
    let timestampMs: number | null = null;
    if (config.timestamp_header !== undefined) {
      const name = config.timestamp_header.toLowerCase();
      const value = input.headers.get(name);
      if (value === null) return missingHeader(name);
      timestampMs = parseTimestamp(value, config.timestamp_unit);
      if (timestampMs === null) return malformedHeader(name, "not a timestamp");
      timestamp = value;
    }
    const content = concatBytes(
      ...renderTemplate(parts, { body: input.body, timestamp, method: input.method, url: input.url.href }),
    );
    const result = await verifyHeaderHmac(input, {
      header: config.header.toLowerCase(),
      prefix: config.prefix,
      algorithm: config.algorithm,
      encoding: config.encoding,
      secrets: listOf(config.secret, config.secrets),
      content,
    });
    if (!result.ok || timestampMs === null) return result;
    const late = toleranceViolation(timestampMs, input.now, config.tolerance_s);
    return late ? rejected(late) : result;
  },
});
