import type { ProblemField } from "../http/problem";
import type { RoutedRequest } from "./evaluate";
import type { Rule } from "./schema";

/** Tests a request against a connection's filter rule (spec §4). */
export function matchFilter(_rule: Extract<Rule, { type: "filter" }>, _request: RoutedRequest, _parsedBody: unknown): boolean {
  return true;
}

/** Problems in a filter rule, with paths relative to the rule (`body.amount.$gte`). */
export function filterProblems(_rule: Extract<Rule, { type: "filter" }>): ProblemField[] {
  return [];
}
