import { equals, isPrimitive, looseEqual, order } from "./values";

// The operators of spec §4 that test a value against an operand. `$exist`, `$or`, `$and`, `$not`
// and `$ref` shape the matching itself and live in compile.ts. Each test here receives a value that
// is present (never undefined) and an operand already resolved (a `$ref` looked up); a value of a
// type the operator does not take is a non-match, never an error.

export interface ValueOperator {
  /**
   * How an array value is tested. `each`: the operator is about one value, so an array holds when
   * any of its elements does (as for a primitive filter). `whole`: the operator has its own meaning
   * for arrays (`$eq` compares the whole array, `$in` asks whether the array holds the operand).
   */
  arrays: "each" | "whole";
  test: (value: unknown, operand: unknown) => boolean;
}

const compared = (holds: (sign: number) => boolean): ValueOperator => ({
  arrays: "each",
  test: (value, operand) => {
    const sign = order(value, operand);
    return sign !== undefined && holds(sign);
  },
});

const affix = (holds: (text: string, affix: string) => boolean): ValueOperator => ({
  arrays: "each",
  test: (value, operand) => {
    if (typeof value !== "string") return false;
    const affixes = Array.isArray(operand) ? operand : [operand];
    return affixes.some((a) => typeof a === "string" && holds(value, a));
  },
});

/**
 * `$in`'s question, answered true or false, or undefined when it has no meaning for these types
 * (so that `$nin`, its negation, is a non-match there too rather than a match).
 * - operand a list: the value is one of its entries; an array value, when any element is;
 * - operand a string: a string value contains it; an array value has it as an element.
 */
export function contains(value: unknown, operand: unknown): boolean | undefined {
  if (Array.isArray(operand)) {
    if (Array.isArray(value)) return value.some((v) => listed(operand, v));
    return isPrimitive(value) ? listed(operand, value) : undefined;
  }
  if (!isPrimitive(operand)) return undefined;
  if (Array.isArray(value)) return value.some((v) => looseEqual(operand, v));
  if (typeof value === "string" && typeof operand === "string") return value.includes(operand);
  return undefined;
}

function listed(list: unknown[], value: unknown): boolean {
  return isPrimitive(value) && list.some((entry) => looseEqual(entry, value));
}

export const VALUE_OPERATORS: Readonly<Record<string, ValueOperator>> = {
  $eq: { arrays: "whole", test: equals },
  $neq: { arrays: "whole", test: (value, operand) => !equals(value, operand) },
  $gt: compared((sign) => sign > 0),
  $gte: compared((sign) => sign >= 0),
  $lt: compared((sign) => sign < 0),
  $lte: compared((sign) => sign <= 0),
  $in: { arrays: "whole", test: (value, operand) => contains(value, operand) === true },
  $nin: { arrays: "whole", test: (value, operand) => contains(value, operand) === false },
  $startsWith: affix((text, prefix) => text.startsWith(prefix)),
  $endsWith: affix((text, suffix) => text.endsWith(suffix)),
};

/** Every operator a filter may use, for validation and its messages. */
export const OPERATOR_NAMES: readonly string[] = [...Object.keys(VALUE_OPERATORS), "$exist", "$or", "$and", "$not", "$ref"];
