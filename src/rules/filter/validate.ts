import type { ProblemField } from "../../http/problem";
import { validRefPath } from "./ref";

// A filter is checked when its connection is saved (spec §4), so it can never fail at delivery:
// every operator must be known and its operand of a shape that operator can use.

const COMPARISONS = new Set(["$gt", "$gte", "$lt", "$lte"]);
const OPERATORS = new Set(["$eq", "$neq", "$in", "$nin", "$startsWith", "$endsWith", "$exist", "$or", "$and", "$not", "$ref", ...COMPARISONS]);

export function filterProblems(filter: unknown, path: string): ProblemField[] {
  const problems: ProblemField[] = [];
  visit(filter, path, problems);
  return problems;
}

function visit(filter: unknown, path: string, problems: ProblemField[]) {
  if (filter === null || typeof filter !== "object") return;
  if (Array.isArray(filter)) {
    filter.forEach((item, i) => visit(item, `${path}.${i}`, problems));
    return;
  }
  for (const [key, operand] of Object.entries(filter)) {
    const at = `${path}.${key}`;
    if (!key.startsWith("$")) {
      visit(operand, at, problems);
      continue;
    }
    if (!OPERATORS.has(key)) {
      problems.push({ path: at, message: `unknown operator ${key}` });
      continue;
    }
    const problem = operandProblem(key, operand);
    if (problem) problems.push({ path: at, message: problem });
    else if (key === "$or" || key === "$and") (operand as unknown[]).forEach((f, i) => visit(f, `${at}.${i}`, problems));
    else if (key === "$not") visit(operand, at, problems);
  }
}

const isPlainObject = (v: unknown) => v !== null && typeof v === "object" && !Array.isArray(v);
const isRefOperand = (v: unknown) => isPlainObject(v) && Object.keys(v as object).length === 1 && "$ref" in (v as object);

function operandProblem(op: string, operand: unknown): string | null {
  if (isRefOperand(operand) && op !== "$or" && op !== "$and" && op !== "$not" && op !== "$exist") {
    return validRefPath((operand as { $ref: unknown }).$ref) ? null : "$ref must be a path such as data.amount or items[$index].sku";
  }
  switch (op) {
    case "$ref":
      return validRefPath(operand) ? null : "$ref must be a path such as data.amount or items[$index].sku";
    case "$exist":
      return typeof operand === "boolean" ? null : "$exist takes true or false";
    case "$or":
    case "$and":
      return Array.isArray(operand) && operand.length > 0 ? null : `${op} takes a non-empty list of filters`;
    case "$not":
      return operand !== undefined ? null : "$not takes a filter";
    case "$in":
    case "$nin":
      return Array.isArray(operand) || typeof operand === "string" ? null : `${op} takes a list of values or a string`;
    case "$startsWith":
    case "$endsWith":
      return typeof operand === "string" || (Array.isArray(operand) && operand.length > 0 && operand.every((s) => typeof s === "string"))
        ? null : `${op} takes a string or a list of strings`;
    default:
      if (COMPARISONS.has(op)) return typeof operand === "number" || typeof operand === "string" ? null : `${op} takes a number or a string`;
      return null;
  }
}
