import type { ProblemField } from "../http/problem";
import { invalidFieldPaths } from "./deduplicate";
import type { Rule } from "./schema";

export interface RuleReferences {
  /** Whether a transformation with this id exists. */
  transformationExists: (id: string) => Promise<boolean>;
  /** Problems in a filter rule, with paths relative to the rule. */
  filterProblems: (rule: Extract<Rule, { type: "filter" }>) => ProblemField[];
}

/**
 * Checks what the rules' zod schema cannot: that each rule's contents make sense and what it names
 * exists. Paths are relative to the connection (`rules.0.body...`). An empty list means the rules
 * can be saved; nothing about a rule is left to fail at delivery.
 */
export async function validateRules(rules: Rule[], refs: RuleReferences): Promise<ProblemField[]> {
  const problems: ProblemField[] = [];
  for (const [i, rule] of rules.entries()) {
    const at = (path: string) => `rules.${i}.${path}`;
    if (rule.type === "filter") {
      for (const p of refs.filterProblems(rule)) problems.push({ path: at(p.path), message: p.message });
    }
    if (rule.type === "transform" && !(await refs.transformationExists(rule.transformation_id))) {
      problems.push({ path: at("transformation_id"), message: "no transformation has this id" });
    }
    if (rule.type === "deduplicate") {
      const field = rule.include_fields ? "include_fields" : "exclude_fields";
      for (const bad of invalidFieldPaths(rule.include_fields ?? rule.exclude_fields ?? [])) {
        problems.push({ path: at(`${field}.${bad}`), message: "expected a path starting with body. or headers., such as body.id or body.items[*].sku" });
      }
    }
  }
  return problems;
}
