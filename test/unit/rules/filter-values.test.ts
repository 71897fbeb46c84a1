import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contains, VALUE_OPERATORS } from "../../../src/rules/filter/operators";
import { isRefObject, parseRefPath, resolveRef } from "../../../src/rules/filter/ref";
import { equals, looseEqual, numberIn, order, sameJson } from "../../../src/rules/filter/values";

// The building blocks under the matcher: equality, order, `$in`'s question and `$ref` paths.

describe("numberIn", () => {
  it.each([
    ["42", 42], ["-1.5", -1.5], [" 7 ", 7], ["1e3", 1000], ["0", 0], ["0x10", 16],
    ["", undefined], ["  ", undefined], ["abc", undefined], ["12abc", undefined], ["Infinity", undefined], ["NaN", undefined],
  ])("%j → %j", (text, expected) => {
    expect(numberIn(text)).toBe(expected);
  });
});

describe("looseEqual", () => {
  it.each([
    ["a", "a", true], ["a", "A", false], [1, 1, true], [1, "1", true], ["1", 1, true], [1.5, "1.50", true],
    [0, "", false], [0, " ", false], [0, "0", true], [-0, 0, true], [true, "true", true], ["false", false, true],
    [true, "TRUE", false], [true, 1, false], [false, 0, false], [null, null, true], [null, "null", false],
    [null, 0, false], [null, undefined, false], [undefined, undefined, false], [{}, {}, false], [[1], [1], false],
    ["x", ["x"], false],
  ])("%j ~ %j → %j", (a, b, expected) => {
    expect(looseEqual(a, b)).toBe(expected);
  });

  it("is symmetric", () => {
    const value = fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom("1", "true", "false", "0", ""), fc.integer({ min: -2, max: 2 }), fc.boolean(), fc.constant(null));
    fc.assert(fc.property(value, value, (a, b) => {
      expect(looseEqual(a, b)).toBe(looseEqual(b, a));
    }));
  });

  it("is reflexive on primitives", () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null)), (v) => {
      expect(looseEqual(v, v)).toBe(true);
    }));
  });
});

describe("sameJson", () => {
  it.each([
    [{ a: 1, b: 2 }, { b: 2, a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [{ a: [1, { b: null }] }, { a: [1, { b: null }] }, true],
    [[1, 2], [2, 1], false],
    [[1, 2], [1, 2, 3], false],
    [[1, 2, 3], [1, 2], false],
    [{ a: 1 }, { a: "1" }, false],
    [[], {}, false],
    [{}, [], false],
    [null, null, true],
    [null, {}, false],
    ["x", "x", true],
  ])("%j ≡ %j → %j", (a, b, expected) => {
    expect(sameJson(a, b)).toBe(expected);
  });

  it("agrees with comparing sorted JSON text", () => {
    const sorted = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(sorted) : v !== null && typeof v === "object"
        ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]))
        : v;
    const json = fc.jsonValue({ maxDepth: 3 });
    fc.assert(fc.property(json, json, (a, b) => {
      expect(sameJson(a, b)).toBe(JSON.stringify(sorted(a)) === JSON.stringify(sorted(b)));
      expect(sameJson(a, structuredClone(a))).toBe(true);
    }));
  });
});

describe("equals ($eq)", () => {
  it.each([
    [5, "5", true], ["paid", "paid", true], [[1, 2], [1, 2], true], [[1, 2], 1, false], [1, [1], false],
    [{ a: 1 }, { a: 1 }, true], [{ a: 1 }, { a: "1" }, false], [null, null, true], [null, "null", false],
  ])("%j = %j → %j", (a, b, expected) => {
    expect(equals(a, b)).toBe(expected);
  });
});

describe("order", () => {
  it.each([
    [2, 1, 1], [1, 2, -1], [2, 2, 0], [-1, -1.5, 1],
    ["b", "a", 1], ["a", "b", -1], ["a", "a", 0], ["B", "a", -1],
    ["10", "9", -1], // two strings compare as text, as JavaScript does
    ["10", 9, 1], [10, "9", 1], ["2026-11-23T10:00:00Z", "2026-11-23", 1],
    [1, "x", undefined], ["x", 1, undefined], [true, 1, undefined], [null, 0, undefined],
    [{}, 1, undefined], [[1], 1, undefined], [1, "", undefined],
  ])("%j vs %j → %j", (a, b, expected) => {
    expect(order(a, b)).toBe(expected);
  });

  it("is antisymmetric", () => {
    const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom("1", "2", "a", "b", "", "10"), fc.boolean(), fc.constant(null));
    fc.assert(fc.property(value, value, (a, b) => {
      const ab = order(a, b);
      const ba = order(b, a);
      if (ab === undefined) expect(ba).toBeUndefined();
      else expect(ba).toBe(ab === 0 ? 0 : -ab);
    }));
  });
});

describe("contains ($in's question)", () => {
  it.each([
    ["b", ["a", "b"], true], ["c", ["a", "b"], false], [2, ["1", "2"], true], [null, [null], true],
    [true, ["true"], true], ["abc", "b", true], ["abc", "d", false], ["abc", "", true],
    [["x", "y"], "y", true], [["x", "y"], "z", false], [["x", "y"], ["z", "y"], true], [["x"], ["z"], false],
    [[{ a: 1 }], [1], false], [[], ["a"], false], [[1, 2], 2, true],
    [5, "5", undefined], [true, "t", undefined], [null, "n", undefined], [{ a: 1 }, ["a"], undefined],
    [{ a: 1 }, "a", undefined], ["x", { a: 1 }, undefined], ["x", 1, undefined],
  ])("%j in %j → %j", (value, operand, expected) => {
    expect(contains(value, operand)).toBe(expected);
  });
});

describe("VALUE_OPERATORS", () => {
  it("declares which operators test array elements one by one", () => {
    const each = Object.entries(VALUE_OPERATORS).filter(([, op]) => op.arrays === "each").map(([name]) => name);
    expect(each.sort()).toEqual(["$endsWith", "$gt", "$gte", "$lt", "$lte", "$startsWith"]);
  });

  it.each([
    ["$startsWith", "invoice.paid", ["charge.", "invoice."], true],
    ["$startsWith", "invoice.paid", [1, "inv"], true],
    ["$endsWith", "invoice.paid", ".paid", true],
    ["$endsWith", 5, "5", false],
    ["$gt", "b", "a", true],
    ["$lte", 3, "3", true],
    ["$neq", [1], [1], false],
    ["$nin", 5, "5", false],
  ])("%s %j %j → %j", (name, value, operand, expected) => {
    expect(VALUE_OPERATORS[name]!.test(value, operand)).toBe(expected);
  });
});

describe("$ref paths", () => {
  it.each([
    ["a", [{ key: "a" }]],
    ["data.old_amount", [{ key: "data" }, { key: "old_amount" }]],
    ["items[0]", [{ key: "items" }, { at: 0 }]],
    ["items[12].sku", [{ key: "items" }, { at: 12 }, { key: "sku" }]],
    ["items[$index].sku", [{ key: "items" }, { nthIndex: 0 }, { key: "sku" }]],
    ["a[$index].b[$index].c", [{ key: "a" }, { nthIndex: 0 }, { key: "b" }, { nthIndex: 1 }, { key: "c" }]],
    ["[$index].b", [{ nthIndex: 0 }, { key: "b" }]],
    ["[0][1]", [{ at: 0 }, { at: 1 }]],
    ["x-github-event", [{ key: "x-github-event" }]],
    ["a b.$c", [{ key: "a b" }, { key: "$c" }]],
  ])("%j parses", (path, steps) => {
    expect(parseRefPath(path)).toEqual(steps);
  });

  it.each(["", ".", "a.", ".a", "a..b", "a.[0]", "a[", "a[]", "a[x]", "a[-1]", "a[1.5]", "a[$INDEX]", "a[0]b", "a]", "a[99999999999999999999]"])(
    "%j is not a path",
    (path) => {
      expect(parseRefPath(path)).toBeNull();
    },
  );

  const root = { a: { b: [10, 20, { c: "deep" }] }, list: [[1, 2], [3, 4]], nothing: null };
  it.each([
    ["a.b[1]", [], 20],
    ["a.b[2].c", [], "deep"],
    ["a.b[$index]", [0], 10],
    ["list[$index][$index]", [1, 0], 3],
    ["list[$index][$index]", [1], undefined],
    ["a.b[3]", [], undefined],
    ["a.b.c", [], undefined],
    ["a[0]", [], undefined],
    ["nothing", [], null],
    ["nothing.x", [], undefined],
    ["missing", [], undefined],
    ["toString", [], undefined],
  ])("%j with indexes %j → %j", (path, indexes, expected) => {
    expect(resolveRef(parseRefPath(path)!, { root, indexes })).toEqual(expected);
  });

  it.each([
    [{ $ref: "a" }, true],
    [{ $ref: 1 }, true],
    [{ $ref: "a", $gt: 1 }, false],
    [{ ref: "a" }, false],
    [["$ref"], false],
    [null, false],
    ["$ref", false],
  ])("isRefObject(%j) → %j", (value, expected) => {
    expect(isRefObject(value)).toBe(expected);
  });
});
