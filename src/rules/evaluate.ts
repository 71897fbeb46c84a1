import type { Rule } from "./schema";

// Runs a connection's rules against one request when the consumer routes it (spec §2 Rule). The
// outcome says whether the connection gets an event, and if not, why.

export interface RoutedRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

export type RuleOutcome =
  | { pass: true; delayMs: number }
  | { pass: false; cause: "filtered" | "deduplicated" | "transform_failed"; detail?: string };

export async function evaluateRules(rules: Rule[], _request: RoutedRequest): Promise<RuleOutcome> {
  let delayMs = 0;
  for (const rule of rules) {
    if (rule.type === "delay") delayMs = rule.delay_ms;
  }
  return { pass: true, delayMs };
}
