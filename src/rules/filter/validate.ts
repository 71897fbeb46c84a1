import { OPERATOR_NAMES } from "./operators";
import { isRefObject, parseRefPath } from "./ref";
import { isPlainObject, isPrimitive } from "./values";

// A filter is checked when its connection is saved (spec §4), so nothing about it can fail later:
// every operator is known and its operand has a shape the operator can use. Each problem names its
// place as a dotted path from the rule (`body.data.amount.$gte`, `body.$or.1.type`), which the
// connection routes prefix with the rule's own place (`rules.0.`).

export interface FilterProblem {
  path: string;
  message: string;
}

export const FILTER_PARTS = ["body", "headers", "query", "path"] as const;

/** Deeper than any real payload filter, and shallow enough that matching cannot exhaust a stack. */
export const MAX_FILTER_DEPTH = 32;

const REF_EXAMPLE = "such as data.old_amount or items[$index].sku";

export function validateFilter(rule: unknown): FilterProblem[] {
  if (!isPlainObject(rule)) return [{ path: "", message: `a filter rule is an object with ${FILTER_PARTS.join(", ")}` }];
  const problems: FilterProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  for (const [key, filter] of Object.entries(rule)) {
    if (key === "type" || filter === undefined) continue;
    if (!(FILTER_PARTS as readonly string[]).includes(key)) {
      report(key, `unknown filter part; expected one of ${FILTER_PARTS.join(", ")}`);
      continue;
    }
    if ((key === "headers" || key === "query") && !isPlainObject(filter)) {
      report(key, `the ${key} part is an object of names, so its filter is an object, not ${describe(filter)}`);
      continue;
    }
    if (key === "path") checkPathShape(filter, report);
    visit(filter, key, 1, report);
  }
  return problems;
}

type Report = (path: string, message: string) => void;

/** The path is a string: a filter naming fields, or a list, could never match it. */
function checkPathShape(filter: unknown, report: Report) {
  if (Array.isArray(filter)) report("path", "the path is a string: give a value or an operator object such as {\"$startsWith\": \"/v1\"}, not a list");
  if (!isPlainObject(filter)) return;
  for (const key of Object.keys(filter)) {
    if (!key.startsWith("$")) report(`path.${key}`, "the path is a string and has no fields: use a value or operators such as $startsWith");
  }
}

function visit(filter: unknown, at: string, depth: number, report: Report) {
  if (depth > MAX_FILTER_DEPTH) {
    report(at, `the filter is nested more than ${MAX_FILTER_DEPTH} levels deep`);
    return;
  }
  if (isPrimitive(filter)) {
    if (typeof filter === "number" && !Number.isFinite(filter)) report(at, "expected a finite number");
    return;
  }
  if (Array.isArray(filter)) {
    filter.forEach((item, i) => visit(item, `${at}.${i}`, depth + 1, report));
    return;
  }
  if (!isPlainObject(filter)) {
    report(at, "expected a JSON value");
    return;
  }
  if (Object.hasOwn(filter, "$ref") && !isRefObject(filter)) {
    report(`${at}.$ref`, "$ref stands alone in its object: {\"$ref\": \"…\"} as a value, or as an operand such as {\"$gt\": {\"$ref\": \"…\"}}");
  }
  for (const [key, operand] of Object.entries(filter)) {
    const here = `${at}.${key}`;
    if (!key.startsWith("$")) visit(operand, here, depth + 1, report);
    else if (!OPERATOR_NAMES.includes(key)) report(here, `unknown operator ${key}; the operators are ${OPERATOR_NAMES.join(", ")}`);
    else checkOperand(key, operand, here, depth, report);
  }
}

function checkOperand(op: string, operand: unknown, at: string, depth: number, report: Report) {
  switch (op) {
    case "$ref":
      return checkRefPath(operand, at, report);
    case "$exist":
      if (typeof operand !== "boolean") report(at, `$exist takes true or false, not ${describe(operand)}`);
      return;
    case "$or":
    case "$and":
      if (!Array.isArray(operand) || operand.length === 0) report(at, `${op} takes a non-empty list of filters, not ${describe(operand)}`);
      else operand.forEach((f, i) => visit(f, `${at}.${i}`, depth + 1, report));
      return;
    case "$not":
      return visit(operand, at, depth + 1, report);
  }
  // The value operators: each takes an operand of its own shape, or a reference to one.
  if (isRefObject(operand)) return checkRefPath(operand.$ref, `${at}.$ref`, report);
  switch (op) {
    case "$eq":
    case "$neq":
      return checkLiteral(operand, at, depth + 1, report);
    case "$in":
    case "$nin":
      if (typeof operand === "string") return;
      if (!Array.isArray(operand)) return report(at, `${op} takes a list of values or a string, not ${describe(operand)}`);
      return operand.forEach((v, i) => {
        if (!isPrimitive(v)) report(`${at}.${i}`, `${op} lists values (strings, numbers, booleans or null), not ${describe(v)}`);
      });
    case "$startsWith":
    case "$endsWith":
      if (typeof operand === "string") return;
      if (!Array.isArray(operand) || operand.length === 0) return report(at, `${op} takes a string or a non-empty list of strings, not ${describe(operand)}`);
      return operand.forEach((v, i) => {
        if (typeof v !== "string") report(`${at}.${i}`, `${op} lists strings, not ${describe(v)}`);
      });
    default: // $gt, $gte, $lt, $lte
      if (typeof operand !== "string" && !(typeof operand === "number" && Number.isFinite(operand))) {
        report(at, `${op} takes a number or a string, not ${describe(operand)}`);
      }
  }
}

/** `$eq`'s operand is data to compare with, not a filter: its `$` keys are plain keys. */
function checkLiteral(value: unknown, at: string, depth: number, report: Report) {
  if (depth > MAX_FILTER_DEPTH) return report(at, `the filter is nested more than ${MAX_FILTER_DEPTH} levels deep`);
  if (typeof value === "number" && !Number.isFinite(value)) return report(at, "expected a finite number");
  if (Array.isArray(value)) return value.forEach((item, i) => checkLiteral(item, `${at}.${i}`, depth + 1, report));
  if (isPlainObject(value)) return Object.entries(value).forEach(([k, v]) => checkLiteral(v, `${at}.${k}`, depth + 1, report));
  if (!isPrimitive(value)) report(at, "expected a JSON value");
}

function checkRefPath(path: unknown, at: string, report: Report) {
  if (typeof path !== "string") report(at, `$ref takes a path ${REF_EXAMPLE}, not ${describe(path)}`);
  else if (!parseRefPath(path)) report(at, `$ref path "${path}" is not valid: use keys joined by dots and [n] or [$index] for array elements, ${REF_EXAMPLE}`);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : "a list";
  switch (typeof value) {
    case "string": return "a string";
    case "number": return "a number";
    case "boolean": return "a boolean";
    case "object": return "an object";
    default: return "nothing";
  }
}
