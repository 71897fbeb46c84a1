import type { ProblemField } from "../../http/problem";
import { matches } from "./match";
import { filterProblems } from "./validate";

// A connection's filter rule (spec §4): up to four parts, each matched against its part of the
// request, all of which must hold. Header names match case-insensitively; the query is matched as
// an object parsed from the query string (a repeated key gives a list); the path is a string.

export interface FilterRule {
  body?: unknown;
  headers?: unknown;
  query?: unknown;
  path?: unknown;
}

export interface FilterInput {
  /** The parsed JSON body, or undefined when the body is not JSON: it then offers no fields. */
  body: unknown;
  headers: Record<string, string>;
  query: string;
  path: string;
}

const PARTS = ["body", "headers", "query", "path"] as const;

export function matchFilter(rule: FilterRule, input: FilterInput): boolean {
  try {
    return PARTS.every((part) => {
      const filter = rule[part];
      if (filter === undefined) return true;
      const value = partValue(part, input);
      return matches(part === "headers" ? lowerKeys(filter) : filter, value, { root: value, indexes: [] });
    });
  } catch {
    // The matcher is written not to throw; a pathological input (say, nesting deep enough to exhaust
    // the stack) is a non-match rather than a failed delivery.
    return false;
  }
}

export function validateFilterRule(rule: FilterRule): ProblemField[] {
  return PARTS.flatMap((part) => (rule[part] === undefined ? [] : filterProblems(rule[part], part)));
}

function partValue(part: (typeof PARTS)[number], input: FilterInput): unknown {
  switch (part) {
    case "body": return input.body;
    case "headers": return lowerKeys(input.headers);
    case "query": return parseQuery(input.query);
    case "path": return input.path || "/";
  }
}

export function parseQuery(query: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(query)) {
    const seen = out[key];
    out[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

function lowerKeys(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.startsWith("$") ? k : k.toLowerCase(), v]));
}
