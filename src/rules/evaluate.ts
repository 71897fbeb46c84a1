import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { transformations } from "../db/schema";
import { TRANSFORMATION_SECRETS } from "../secrets/secret-columns";
import { openValue } from "../secrets/sealed-row";
import { claimKey, dedupeKey } from "./deduplicate";
import { matchFilter, parseBodyForFilter } from "./filter";
import type { Rule } from "./schema";
import { decodeTransformBody, encodeTransformBody, runTransformation, type ConsoleLine } from "./transform";

// Runs a connection's rules against one request when the consumer routes it (spec §2 Rule):
// `filter`, `deduplicate` and `transform` in the order the connection lists them, so a filter after
// a transform tests the transformed request; `delay` and `retry` are policies read elsewhere. The
// outcome says whether the connection gets an event, with what payload, and if not, why.

export interface RoutedRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

export type RuleOutcome =
  | { pass: true; delayMs: number; transformed: (RoutedRequest & { console: ConsoleLine[] }) | null }
  | { pass: false; cause: "filtered" | "deduplicated" | "transform_failed"; detail?: string };

export interface RuleContext {
  db: Db;
  requestId: string;
  connectionId: string;
  now: number;
}

const encoder = new TextEncoder();

export async function evaluateRules(rules: Rule[], original: RoutedRequest, ctx: RuleContext): Promise<RuleOutcome> {
  let request = original;
  // Each view of the body is decoded at most once per version of the request: the transformation's
  // (objects and arrays parsed, anything else text) and the fields that filters and deduplication
  // see (JSON only, as its content type declares it: src/rules/filter/input.ts).
  let parsed: { body: unknown } | null = null;
  const body = () => (parsed ??= { body: decodeTransformBody(request.body) }).body;
  let fields: { body: unknown } | null = null;
  const bodyFields = () => (fields ??= { body: parseBodyForFilter(request.body, request.headers["content-type"]) }).body;
  let transformedConsole: ConsoleLine[] | null = null;
  let delayMs = 0;

  for (const rule of rules) {
    switch (rule.type) {
      case "filter":
        if (!matchFilter(rule, { body: bodyFields(), headers: request.headers, query: request.query, path: request.path })) return { pass: false, cause: "filtered" };
        break;
      case "deduplicate": {
        const key = await dedupeKey(rule, { body: bodyFields(), headers: request.headers, rawBody: request.body });
        const first = await claimKey(ctx.db, { connectionId: ctx.connectionId, key, requestId: ctx.requestId, now: ctx.now, windowMs: rule.window_ms });
        if (!first) return { pass: false, cause: "deduplicated" };
        break;
      }
      case "transform": {
        const transformation = await ctx.db.select({ code: transformations.code, env: transformations.env })
          .from(transformations).where(eq(transformations.id, rule.transformation_id)).get();
        if (!transformation) return { pass: false, cause: "transform_failed", detail: `transformation ${rule.transformation_id} does not exist` };
        const given = body();
        const result = await runTransformation({
          code: transformation.code,
          // Encrypted at rest: decrypted here, where it is used.
          env: await openValue(TRANSFORMATION_SECRETS, "env", rule.transformation_id, transformation.env),
          connection: { id: ctx.connectionId },
          // The stored path is what followed /e/:source_id, empty when nothing did; the sandbox, like
          // Hookdeck, always shows a path.
          request: { ...request, path: request.path || "/", body: given },
        });
        if (!result.ok) return { pass: false, cause: "transform_failed", detail: withConsole(result.error, result.console) };
        const headers = Object.fromEntries(Object.entries(result.request.headers).map(([k, v]) => [k.toLowerCase(), v]));
        // The body's length changed with it; delivery computes the new one.
        delete headers["content-length"];
        // A text body handed back unchanged keeps its bytes: a binary body (or text that is not
        // UTF-8) reached the code decoded with replacement characters, and encoding that string
        // again would corrupt it.
        const unchanged = typeof given === "string" && result.request.body === given;
        request = { ...result.request, headers, body: unchanged ? request.body : encoder.encode(encodeTransformBody(result.request.body)) };
        parsed = { body: result.request.body };
        fields = null;
        transformedConsole = result.console;
        break;
      }
      case "delay":
        delayMs = rule.delay_ms;
        break;
      case "retry":
        break;
    }
  }
  return { pass: true, delayMs, transformed: transformedConsole ? { ...request, console: transformedConsole } : null };
}

function withConsole(error: string, lines: ConsoleLine[]): string {
  if (lines.length === 0) return error;
  return `${error}\nconsole:\n${lines.map((l) => `[${l.level}] ${l.message}`).join("\n")}`.slice(0, 4_000);
}
