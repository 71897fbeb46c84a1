import type { ProblemField } from "../http/problem";
import type { RoutedRequest } from "./evaluate";
import { matchFilter as matchParts, validateFilter } from "./filter";
import type { Rule } from "./schema";

/** Tests a request against a connection's filter rule (spec §4); never throws. */
export function matchFilter(rule: Extract<Rule, { type: "filter" }>, request: RoutedRequest, parsedBody: unknown): boolean {
  return matchParts(rule, { body: parsedBody, headers: request.headers, query: request.query, path: request.path });
}

/** Problems in a filter rule, with paths relative to the rule (`body.amount.$gte`). */
export function filterProblems(rule: Extract<Rule, { type: "filter" }>): ProblemField[] {
  return validateFilter(rule);
}
