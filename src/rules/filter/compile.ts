import { VALUE_OPERATORS, type ValueOperator } from "./operators";
import { isRefObject, parseRefPath, resolveRef, type RefStep, type Scope } from "./ref";
import { isPlainObject, isPrimitive, looseEqual } from "./values";

// Turns one part's filter (spec §4) into a test, once per connection rather than once per request.
// A test takes the value at its place in the request, `undefined` when that value is missing, and
// the scope `$ref` resolves against. The rules, in the order a filter node is read:
// - a primitive matches by loose equality; against an array, when any element matches;
// - an array matches an array that contains a match for each of its elements;
// - `{"$ref": path}` matches as if the referenced value were written in its place;
// - an object's field keys match the value's fields (a missing field is `undefined`), its `$` keys
//   are operators applied to the value itself, and all of them must hold. Against an array, the
//   fields must all hold in one element, any of them.
// Only `$exist: false` holds for a missing value, and the logical operators that combine it: so
// `{"$not": …}` is the exact negation of its filter, even where a field is missing.
// Anything compile cannot read (an unknown operator, an operand of the wrong shape) never matches:
// the filter was validated on save, so this only guards a filter saved under older rules.
//
// The tests are anonymous arrows over module-level functions: a bundler keeping function names
// (wrangler's default) wraps every named closure in a defineProperty call, which would dominate
// compiling; and evaluation allocates nothing unless a `$ref` needs `$index`.

export type Test = (value: unknown, scope: Scope) => boolean;

interface Compiler {
  /** Set once a `$ref` uses `$index`; until then matching need not track element positions. */
  usesIndex: boolean;
  /** Header names are case-insensitive: the headers part lower-cases its field keys and `$ref`s. */
  lowerCaseNames: boolean;
}

type Lookup = (scope: Scope) => unknown;

const never: Test = () => false;

export function compilePart(filter: unknown, options: { lowerCaseNames: boolean }): (value: unknown) => boolean {
  const compiler: Compiler = { usesIndex: false, lowerCaseNames: options.lowerCaseNames };
  const test = node(filter, compiler, options.lowerCaseNames);
  return (value) => test(value, { root: value, indexes: [] });
}

/** The scope inside element `i` of an array being matched. */
const enter = (c: Compiler, scope: Scope, i: number): Scope =>
  c.usesIndex ? { root: scope.root, indexes: [...scope.indexes, i] } : scope;

function all(tests: Test[], value: unknown, scope: Scope): boolean {
  for (const test of tests) if (!test(value, scope)) return false;
  return true;
}

function any(tests: Test[], value: unknown, scope: Scope): boolean {
  for (const test of tests) if (test(value, scope)) return true;
  return false;
}

/** `lowerKeys` is true where the keys being read name headers: the headers part's top level. */
function node(filter: unknown, c: Compiler, lowerKeys: boolean): Test {
  if (isPrimitive(filter)) return (value) => matchesLiteral(filter, value);
  if (Array.isArray(filter)) {
    const wanted = filter.map((f) => node(f, c, false));
    return (value, scope) => Array.isArray(value) && containsAll(c, wanted, value, scope);
  }
  if (!isPlainObject(filter)) return never;
  if (isRefObject(filter)) {
    const lookup = reference(filter.$ref, c);
    return (value, scope) => matchesReference(lookup, value, scope);
  }
  const keys = Object.keys(filter);
  const fieldKeys = keys.filter((k) => !k.startsWith("$"));
  const tests = keys.filter((k) => k.startsWith("$")).map((op) => operator(op, filter[op], c, lowerKeys));
  if (fieldKeys.length > 0 || tests.length === 0) {
    const entries: [string, Test][] = fieldKeys.map((k) => [lowerKeys ? k.toLowerCase() : k, node(filter[k], c, false)]);
    tests.unshift((value, scope) => matchesFields(c, entries, value, scope));
  }
  return tests.length === 1 ? tests[0]! : (value, scope) => all(tests, value, scope);
}

/** An array filter: each wanted test is met by some element of the value. */
function containsAll(c: Compiler, wanted: Test[], value: unknown[], scope: Scope): boolean {
  return wanted.every((test) => value.some((item, i) => test(item, enter(c, scope, i))));
}

function matchesReference(lookup: Lookup, value: unknown, scope: Scope): boolean {
  if (value === undefined) return false;
  const referenced = lookup(scope);
  return referenced !== undefined && matchesLiteral(referenced, value);
}

/**
 * Field keys. An object value is read field by field; a value that is not an object has no fields,
 * so each is missing (and `{"a": {"$exist": false}}` holds for a body that is not JSON). An empty
 * filter, `{}`, asks for an object.
 */
function matchesFields(c: Compiler, entries: [string, Test][], value: unknown, scope: Scope): boolean {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (matchesFields(c, entries, value[i], enter(c, scope, i))) return true;
    return false;
  }
  if (isPlainObject(value)) {
    for (const [key, test] of entries) if (!test(Object.hasOwn(value, key) ? value[key] : undefined, scope)) return false;
    return true;
  }
  if (entries.length === 0) return false;
  for (const [, test] of entries) if (!test(undefined, scope)) return false;
  return true;
}

function operator(op: string, operand: unknown, c: Compiler, lowerKeys: boolean): Test {
  switch (op) {
    case "$exist":
      return typeof operand === "boolean" ? (value) => (value !== undefined) === operand : never;
    case "$or":
    case "$and": {
      if (!Array.isArray(operand) || operand.length === 0) return never;
      const tests = operand.map((f) => node(f, c, lowerKeys));
      return op === "$or" ? (value, scope) => any(tests, value, scope) : (value, scope) => all(tests, value, scope);
    }
    case "$not": {
      const test = node(operand, c, lowerKeys);
      return (value, scope) => !test(value, scope);
    }
  }
  const valueOperator = Object.hasOwn(VALUE_OPERATORS, op) ? VALUE_OPERATORS[op] : undefined;
  if (!valueOperator) return never;
  const lookup = isRefObject(operand) ? reference(operand.$ref, c) : constant(operand);
  return (value, scope) => applies(c, valueOperator, lookup, value, scope);
}

function applies(c: Compiler, op: ValueOperator, operand: Lookup, value: unknown, scope: Scope): boolean {
  if (value === undefined) return false;
  if (op.arrays === "each" && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (applies(c, op, operand, value[i], enter(c, scope, i))) return true;
    return false;
  }
  // Looked up per element, so `{"$gt": {"$ref": "old[$index]"}}` compares arrays pairwise.
  const resolved = operand(scope);
  return resolved !== undefined && op.test(value, resolved);
}

function constant(value: unknown): Lookup {
  return () => value;
}

/** A `$ref` path's lookup; an unreadable path finds nothing. */
function reference(path: unknown, c: Compiler): Lookup {
  const parsed = typeof path === "string" ? parseRefPath(path) : null;
  if (!parsed) return () => undefined;
  const steps: RefStep[] = parsed.map((step, i) =>
    i === 0 && c.lowerCaseNames && "key" in step ? { key: step.key.toLowerCase() } : step);
  if (steps.some((step) => "nthIndex" in step)) c.usesIndex = true;
  return (scope) => resolveRef(steps, scope);
}

/**
 * A value from the payload (a `$ref`'s) or the filter's own primitive, matched as a plain filter
 * whose `$` keys mean nothing special: a primitive loosely, any element of an array; an array by
 * containment; an object partially.
 */
function matchesLiteral(literal: unknown, value: unknown): boolean {
  if (Array.isArray(value) && !Array.isArray(literal)) {
    for (const item of value) if (matchesLiteral(literal, item)) return true;
    return false;
  }
  if (isPrimitive(literal)) return looseEqual(literal, value);
  if (Array.isArray(literal)) {
    return Array.isArray(value) && literal.every((want) => value.some((item) => matchesLiteral(want, item)));
  }
  return isPlainObject(literal) && isPlainObject(value) &&
    Object.keys(literal).every((k) => Object.hasOwn(value, k) && matchesLiteral(literal[k], value[k]));
}
