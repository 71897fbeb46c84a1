import { compilePart } from "./compile";
import { lowerCaseNames, parseQuery } from "./input";
import { FILTER_PARTS } from "./validate";
import { isPlainObject } from "./values";

// Content filters (spec §4), Hookdeck's syntax: a pure module with no bindings, clock or I/O.
// A connection's filter is validated when it is saved (`validateFilter`), compiled once
// (`compileFilter`) and evaluated per request; evaluation never throws. docs/rules.md § Filters
// is the user's reference; the decisions where Hookdeck and the spec are silent are written there.

export interface FilterRule {
  type?: "filter";
  body?: unknown;
  headers?: unknown;
  query?: unknown;
  path?: unknown;
}

export interface FilterInput {
  /** The parsed JSON body, or undefined when the body is not JSON (see `parseBodyForFilter`). */
  body: unknown;
  /** The request's headers; names are matched case-insensitively whatever their case here. */
  headers: Record<string, string>;
  /** The query string (with or without `?`), parsed as `parseQuery` does, or its parsed object. */
  query: Record<string, string | string[]> | string;
  /** The path after `/e/:source_id`; empty means `/`. */
  path: string;
}

export type CompiledFilter = (input: FilterInput) => boolean;

type Part = (typeof FILTER_PARTS)[number];

const partValue: Record<Part, (input: FilterInput) => unknown> = {
  body: (input) => input.body,
  headers: (input) => lowerCaseNames(input.headers),
  query: (input) => (typeof input.query === "string" ? parseQuery(input.query) : input.query),
  path: (input) => input.path || "/",
};

/**
 * The rule as one function of a request: every part it names must hold. An empty part (`{}`) sets
 * no condition: an empty filter filters nothing. Neither compiling nor the compiled
 * function throws: anything unreadable (a rule that is not an object, a filter nested past any
 * stack) turns every request away rather than failing the consumer.
 */
export function compileFilter(rule: FilterRule): CompiledFilter {
  try {
    if (!isPlainObject(rule)) return () => false;
    const tests = FILTER_PARTS.flatMap((part) => {
      const filter = rule[part];
      if (filter === undefined || (isPlainObject(filter) && Object.keys(filter).length === 0)) return [];
      const test = compilePart(filter, { lowerCaseNames: part === "headers" });
      return [(input: FilterInput) => test(partValue[part](input))];
    });
    return (input) => {
      try {
        for (const test of tests) if (!test(input)) return false;
        return true;
      } catch {
        // Matching recurses along the filter and the input's nested arrays; a pathological input
        // can still exhaust the stack, and that is a non-match rather than a failed delivery.
        return false;
      }
    };
  } catch {
    return () => false;
  }
}

// Compiled once per rule object: routing loads a batch's connections once, and their rules then
// meet every request of the batch.
const compiled = new WeakMap<FilterRule, CompiledFilter>();

/** Tests a request against a filter rule (spec §4); never throws. */
export function matchFilter(rule: FilterRule, input: FilterInput): boolean {
  let test = compiled.get(rule);
  if (!test) compiled.set(rule, (test = compileFilter(rule)));
  return test(input);
}

export { parseBodyForFilter, parseQuery } from "./input";
export { validateFilter, MAX_FILTER_DEPTH, type FilterProblem } from "./validate";
