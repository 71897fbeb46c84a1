import { enter, isRef, resolveRef, type RefScope } from "./ref";

// Hookdeck's filter language (spec §4): a pure function of a filter and a value that never throws.
// A primitive matches by loose equality; an object matches the keys it names, recursively; an
// operator object must satisfy every operator; against an array, a primitive or object filter needs
// one matching element, and an array filter needs each of its elements in the input.

type Scope = RefScope;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const isPrimitive = (v: unknown): v is string | number | boolean | null => v === null || ["string", "number", "boolean"].includes(typeof v);
const isOperatorObject = (v: Record<string, unknown>) => Object.keys(v).some((k) => k.startsWith("$"));

export function matches(filter: unknown, value: unknown, scope: Scope): boolean {
  if (isRef(filter)) return looseEqual(resolveRef(filter.$ref, scope), value);
  if (isPrimitive(filter)) {
    if (Array.isArray(value)) return value.some((item, index) => matches(filter, item, enter(scope, index)));
    return value !== undefined && looseEqual(filter, value);
  }
  if (Array.isArray(filter)) {
    if (!Array.isArray(value)) return false;
    return filter.every((wanted) => value.some((item, index) => matches(wanted, item, enter(scope, index))));
  }
  if (!isObject(filter)) return false;
  if (isOperatorObject(filter)) return Object.entries(filter).every(([op, operand]) => applyOperator(op, operand, value, scope));
  if (Array.isArray(value)) return value.some((item, index) => matches(filter, item, enter(scope, index)));
  return Object.entries(filter).every(([key, sub]) => {
    const present = isObject(value) && Object.hasOwn(value, key);
    return matches(sub, present ? value[key] : undefined, scope);
  });
}

function applyOperator(op: string, rawOperand: unknown, value: unknown, scope: Scope): boolean {
  switch (op) {
    case "$exist":
      return rawOperand === (value !== undefined);
    case "$or":
      return Array.isArray(rawOperand) && rawOperand.some((f) => matches(f, value, scope));
    case "$and":
      return Array.isArray(rawOperand) && rawOperand.every((f) => matches(f, value, scope));
    case "$not":
      return !matches(rawOperand, value, scope);
  }
  if (value === undefined) return false;
  const operand = isRef(rawOperand) ? resolveRef(rawOperand.$ref, scope) : rawOperand;
  if (op === "$eq") return equalish(operand, value);
  if (op === "$neq") return !equalish(operand, value);
  // The remaining operators compare one value: against an array, any element will do.
  if (Array.isArray(value)) return value.some((item, index) => applyOperator(op, rawOperand, item, enter(scope, index)));
  switch (op) {
    case "$gt": return compare(value, operand, (c) => c > 0);
    case "$gte": return compare(value, operand, (c) => c >= 0);
    case "$lt": return compare(value, operand, (c) => c < 0);
    case "$lte": return compare(value, operand, (c) => c <= 0);
    case "$in": return contains(operand, value);
    case "$nin": return !contains(operand, value);
    case "$startsWith": return typeof value === "string" && anyString(operand, (s) => value.startsWith(s));
    case "$endsWith": return typeof value === "string" && anyString(operand, (s) => value.endsWith(s));
    default: return false;
  }
}

/** `"1"` equals `1`, `"true"` equals `true`; objects and arrays are compared as JSON. */
function equalish(a: unknown, b: unknown): boolean {
  if (isPrimitive(a) && isPrimitive(b)) return looseEqual(a, b);
  if (isPrimitive(a) && Array.isArray(b)) return b.some((item) => looseEqual(a, item));
  return stableJson(a) === stableJson(b);
}

function looseEqual(a: unknown, b: unknown): boolean {
  if (!isPrimitive(a) || !isPrimitive(b)) return false;
  if (a === null || b === null) return a === b;
  return String(a) === String(b);
}

function compare(value: unknown, operand: unknown, ok: (c: number) => boolean): boolean {
  if (typeof value === "string" && typeof operand === "string") return ok(value < operand ? -1 : value > operand ? 1 : 0);
  const a = numeric(value);
  const b = numeric(operand);
  return a !== null && b !== null && ok(a - b);
}

function numeric(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return null;
}

function contains(operand: unknown, value: unknown): boolean {
  if (Array.isArray(operand)) return operand.some((o) => looseEqual(o, value));
  if (typeof operand === "string") return typeof value === "string" && value.includes(operand);
  return false;
}

function anyString(operand: unknown, test: (s: string) => boolean): boolean {
  const list = Array.isArray(operand) ? operand : [operand];
  return list.some((s) => typeof s === "string" && test(s));
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (isObject(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stableJson(value[k])}`).join(",")}}`;
  return JSON.stringify(value ?? null);
}
