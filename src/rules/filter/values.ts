// What equality and order mean between JSON values in a filter (spec §4). Every function here is
// total: a pair of values it has no meaning for gives `false` or `undefined`, never an exception.

export type Primitive = string | number | boolean | null;

export const isPrimitive = (v: unknown): v is Primitive =>
  v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean";

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The number a string spells (`"42"`, `" 1.5 "`, `"1e3"`), or undefined; blank text is not zero. */
export function numberIn(text: string): number | undefined {
  if (text.trim() === "") return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Loose equality of two primitives, the spec's `"1"` matches `1`. Headers and query values are
 * always text, so a number matches the string that spells it and a boolean its name (`true`
 * matches `"true"`). Unlike JavaScript's `==`, `null` equals only `null`, `""` is not `0`, and
 * booleans are not numbers (`true` does not match `1`): those coercions surprise more than help.
 */
export function looseEqual(a: unknown, b: unknown): boolean {
  if (a === b) return isPrimitive(a);
  if (typeof a === "number" && typeof b === "string") return numberIn(b) === a;
  if (typeof a === "string" && typeof b === "number") return numberIn(a) === b;
  if (typeof a === "boolean" && typeof b === "string") return b === String(a);
  if (typeof a === "string" && typeof b === "boolean") return a === String(b);
  return false;
}

/**
 * Structural equality, as two JSON documents: same types, same array order, same keys in any order.
 * Used where the spec says non-primitives compare as JSON, so no loose coercion inside.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
}

/** `$eq`: loose between primitives, structural otherwise (an array is never equal to one element). */
export function equals(value: unknown, operand: unknown): boolean {
  return isPrimitive(value) && isPrimitive(operand) ? looseEqual(value, operand) : sameJson(value, operand);
}

/**
 * The order of two values for `$gt`…`$lte`: strings compare as strings (so ISO-8601 dates in the
 * same format order by time), numbers as numbers, and a number against a string that spells one as
 * numbers (a query's `?amount=500` against `{"$gte": 100}`). Anything else has no order: undefined.
 */
export function order(value: unknown, operand: unknown): number | undefined {
  if (typeof value === "string" && typeof operand === "string") return value < operand ? -1 : value > operand ? 1 : 0;
  const a = typeof value === "string" ? numberIn(value) : value;
  const b = typeof operand === "string" ? numberIn(operand) : operand;
  return typeof a === "number" && typeof b === "number" ? Math.sign(a - b) : undefined;
}
