import type { ProblemField } from "../http/problem";
import type { RoutedRequest } from "./evaluate";
import { compileFilter, validateFilter, type CompiledFilter } from "./filter";
import type { Rule } from "./schema";

type FilterRule = Extract<Rule, { type: "filter" }>;

// Compiled once per rule object: routing loads a batch's connections once, and their rules then
// meet every request of the batch.
const compiled = new WeakMap<FilterRule, CompiledFilter>();

/** Tests a request against a connection's filter rule (spec §4); never throws. */
export function matchFilter(rule: FilterRule, request: RoutedRequest, parsedBody: unknown): boolean {
  let test = compiled.get(rule);
  if (!test) compiled.set(rule, (test = compileFilter(rule)));
  return test({ body: parsedBody, headers: request.headers, query: request.query, path: request.path });
}

/** Problems in a filter rule, with paths relative to the rule (`body.amount.$gte`). */
export function filterProblems(rule: FilterRule): ProblemField[] {
  return validateFilter(rule);
}
