import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchFilter, parseQuery, validateFilterRule, type FilterInput } from "../../../src/rules/filter";

const body = (filter: unknown, value: unknown) => matchFilter({ body: filter }, { body: value, headers: {}, query: "", path: "/" });

describe("primitives and objects", () => {
  it.each([
    ["equal strings", "a", "a", true],
    ["different strings", "a", "b", false],
    ["loose: string filter, number input", "1", 1, true],
    ["loose: number filter, string input", 1, "1", true],
    ["loose: boolean and its text", true, "true", true],
    ["null matches null", null, null, true],
    ["null does not match missing", null, undefined, false],
    ["null does not match the text null", null, "null", false],
    ["partial object", { type: "order" }, { type: "order", id: 1 }, true],
    ["nested partial object", { order: { status: "paid" } }, { order: { id: 1, status: "paid" } }, true],
    ["nested mismatch", { order: { status: "paid" } }, { order: { status: "open" } }, false],
    ["missing key fails", { missing: 1 }, { other: 1 }, false],
    ["empty object matches any object", {}, { a: 1 }, true],
    ["object filter against a primitive", { a: 1 }, "text", false],
    ["object filter against no body", { a: 1 }, undefined, false],
  ])("%s", (_label, filter, value, expected) => {
    expect(body(filter, value)).toBe(expected);
  });
});

describe("arrays", () => {
  const product = { title: "Gift Card", tags: ["gift", "something", "another"], items: [{ id: 456, title: "x" }, { id: 789 }] };
  it.each([
    ["a primitive matches any element", { tags: "gift" }, true],
    ["a primitive matches no element", { tags: "nope" }, false],
    ["an array filter needs each of its elements", { tags: ["gift", "something"] }, true],
    ["one element missing fails", { tags: ["gift", "nope"] }, false],
    ["an object filter matches any element", { items: { id: 789 } }, true],
    ["an object filter matching no element", { items: { id: 1 } }, false],
    ["an array filter against a non-array", { title: ["Gift Card"] }, false],
    ["operators apply to any element", { items: { id: { $gt: 700 } } }, true],
    ["an empty array filter is contained in any array", { tags: [] }, true],
  ])("%s", (_label, filter, expected) => {
    expect(body(filter, product)).toBe(expected);
  });
});

describe("operators", () => {
  const input = { n: 5, s: "order.created", d: "2026-11-23T10:00:00Z", z: null, list: [1, 2, 3], obj: { a: 1, b: [1, 2] } };
  it.each([
    [{ n: { $eq: 5 } }, true],
    [{ n: { $eq: "5" } }, true],
    [{ obj: { $eq: { b: [1, 2], a: 1 } } }, true],
    [{ obj: { $eq: { a: 1 } } }, false],
    [{ n: { $neq: 6 } }, true],
    [{ obj: { $neq: { a: 1 } } }, true],
    [{ n: { $gt: 4 } }, true],
    [{ n: { $gt: 5 } }, false],
    [{ n: { $gte: 5 } }, true],
    [{ n: { $lt: "10" } }, true],
    [{ n: { $lte: 4 } }, false],
    [{ n: { $gt: 1, $lt: 10 } }, true],
    [{ n: { $gt: 1, $lt: 3 } }, false],
    [{ d: { $gte: "2026-01-01" } }, true],
    [{ d: { $lt: "2026-01-01" } }, false],
    [{ s: { $gt: 3 } }, false],
    [{ n: { $in: [1, 5, 9] } }, true],
    [{ n: { $in: [1, 9] } }, false],
    [{ s: { $in: "created" } }, true],
    [{ s: { $in: "deleted" } }, false],
    [{ n: { $nin: [1, 9] } }, true],
    [{ s: { $nin: "order" } }, false],
    [{ s: { $startsWith: "order." } }, true],
    [{ s: { $startsWith: ["invoice.", "order."] } }, true],
    [{ s: { $endsWith: ".deleted" } }, false],
    [{ n: { $startsWith: "5" } }, false],
    [{ z: { $exist: true } }, true],
    [{ missing: { $exist: false } }, true],
    [{ missing: { $exist: true } }, false],
    [{ n: { $exist: false } }, false],
    [{ n: { $or: [1, 5] } }, true],
    [{ $or: [{ n: 1 }, { s: "order.created" }] }, true],
    [{ $or: [{ n: 1 }, { s: "x" }] }, false],
    [{ $and: [{ n: 5 }, { s: { $startsWith: "order" } }] }, true],
    [{ $and: [{ n: 5 }, { s: "x" }] }, false],
    [{ $not: { n: 1 } }, true],
    [{ $not: { n: 5 } }, false],
    [{ n: { $not: { $in: [5] } } }, false],
    [{ list: { $gt: 2 } }, true],
    [{ list: { $in: [3, 4] } }, true],
    [{ list: 2 }, true],
    [{ missing: { $neq: 1 } }, false],
  ])("%j", (filter, expected) => {
    expect(body(filter, input)).toBe(expected);
  });

  it("treats an operator on the wrong type as a non-match, never an error", () => {
    for (const filter of [{ obj: { $gt: 1 } }, { list: { $startsWith: "a" } }, { z: { $lt: 3 } }, { n: { $in: 5 } }, { s: { $endsWith: 5 } }]) {
      expect(body(filter, input)).toBe(false);
    }
  });
});

describe("$ref (Hookdeck's documented examples)", () => {
  it("compares against another field", () => {
    expect(body({ updated_at: { $ref: "created_at" } }, { updated_at: "2020-04-20", created_at: "2020-04-20" })).toBe(true);
    expect(body({ updated_at: { $ref: "created_at" } }, { updated_at: "2020-05-20", created_at: "2020-04-20" })).toBe(false);
  });

  it("uses $index for the element being matched", () => {
    const input = { variants: [{ updated_at: "2020-05-20", created_at: "2020-04-20" }, { updated_at: "2020-04-20", created_at: "2020-04-20" }] };
    expect(body({ variants: { updated_at: { $ref: "variants[$index].created_at" } } }, input)).toBe(true);
    const none = { variants: [{ updated_at: "2020-05-20", created_at: "2020-04-20" }] };
    expect(body({ variants: { updated_at: { $ref: "variants[$index].created_at" } } }, none)).toBe(false);
  });

  it("works inside operators, and with nested arrays", () => {
    expect(body({ inventory: { $lte: { $ref: "old_inventory" } } }, { inventory: 0, old_inventory: 10 })).toBe(true);
    expect(body({ data: { amount: { $gt: { $ref: "data.old_amount" } } } }, { data: { amount: 10, old_amount: 20 } })).toBe(false);
    const nested = { orders: [{ lines: [{ sku: "a", want: "b" }] }, { lines: [{ sku: "c", want: "c" }] }] };
    expect(body({ orders: { lines: { sku: { $ref: "orders[$index].lines[$index].want" } } } }, nested)).toBe(true);
  });

  it("a reference to nothing matches nothing", () => {
    expect(body({ a: { $ref: "missing.path" } }, { a: 1 })).toBe(false);
    expect(body({ a: { $gt: { $ref: "missing" } } }, { a: 1 })).toBe(false);
  });
});

describe("headers, query and path", () => {
  const input: FilterInput = {
    body: undefined,
    headers: { "X-GitHub-Event": "push", "content-type": "application/json" },
    query: "topic=orders%2Fcreate&tag=a&tag=b",
    path: "/v1/shop/orders",
  };
  const part = (rule: Record<string, unknown>) => matchFilter(rule, input);

  it("matches header names case-insensitively", () => {
    expect(part({ headers: { "x-github-event": "push" } })).toBe(true);
    expect(part({ headers: { "X-GITHUB-EVENT": "push" } })).toBe(true);
    expect(part({ headers: { "x-github-event": "issues" } })).toBe(false);
  });

  it("matches the query as an object, repeated keys as lists", () => {
    expect(parseQuery("a=1&b=2&b=3")).toEqual({ a: "1", b: ["2", "3"] });
    expect(part({ query: { topic: "orders/create" } })).toBe(true);
    expect(part({ query: { tag: "b" } })).toBe(true);
    expect(part({ query: { tag: ["a", "b"] } })).toBe(true);
  });

  it("matches the path as a bare value or an operator", () => {
    expect(part({ path: "/v1/shop/orders" })).toBe(true);
    expect(part({ path: { $startsWith: "/v1" } })).toBe(true);
    expect(part({ path: { $endsWith: "/refunds" } })).toBe(false);
  });

  it("needs every part to hold", () => {
    expect(part({ headers: { "x-github-event": "push" }, path: { $startsWith: "/v2" } })).toBe(false);
  });

  it("gives body filters no fields when the body is not JSON", () => {
    expect(part({ body: { a: 1 } })).toBe(false);
    expect(part({ body: { a: { $exist: true } } })).toBe(false);
    // No fields at all: every field is absent.
    expect(part({ body: { a: { $exist: false } } })).toBe(true);
  });
});

describe("validateFilterRule", () => {
  it("accepts well-formed filters", () => {
    expect(validateFilterRule({ body: { a: { $gte: 1, $lt: "z" }, $or: [{ b: 1 }, { c: { $in: [1, 2] } }] }, path: { $startsWith: ["/a", "/b"] } })).toEqual([]);
  });

  it.each([
    [{ body: { amount: { $foo: 1 } } }, "body.amount.$foo", "unknown operator $foo"],
    [{ body: { amount: { $gte: [1] } } }, "body.amount.$gte", "$gte takes a number or a string"],
    [{ body: { tag: { $in: 5 } } }, "body.tag.$in", "$in takes a list of values or a string"],
    [{ body: { $or: { a: 1 } } }, "body.$or", "$or takes a non-empty list of filters"],
    [{ body: { $and: [] } }, "body.$and", "$and takes a non-empty list of filters"],
    [{ body: { a: { $exist: "yes" } } }, "body.a.$exist", "$exist takes true or false"],
    [{ headers: { "x-a": { $startsWith: [1] } } }, "headers.x-a.$startsWith", "$startsWith takes a string or a list of strings"],
    [{ body: { a: { $ref: "" } } }, "body.a.$ref", "$ref must be a path such as data.amount or items[$index].sku"],
    [{ body: { a: { $gt: { $ref: "a..b" } } } }, "body.a.$gt", "$ref must be a path such as data.amount or items[$index].sku"],
    [{ body: { $or: [{ a: { $nope: 1 } }] } }, "body.$or.0.a.$nope", "unknown operator $nope"],
    [{ body: { $not: { a: { $bad: 1 } } } }, "body.$not.a.$bad", "unknown operator $bad"],
  ])("%j → %s", (rule, path, message) => {
    expect(validateFilterRule(rule)).toContainEqual({ path, message });
  });
});

describe("properties", () => {
  const json = fc.jsonValue({ maxDepth: 4 });
  const operatorFilter = fc.letrec((tie) => ({
    filter: fc.oneof(
      { depthSize: "small" },
      json,
      fc.dictionary(fc.string({ maxLength: 4 }), tie("filter"), { maxKeys: 3 }),
      fc.record({ $gt: fc.oneof(fc.integer(), fc.string()) }),
      fc.record({ $in: fc.oneof(fc.array(fc.jsonValue({ maxDepth: 1 })), fc.string()) }),
      fc.record({ $startsWith: fc.string() }),
      fc.record({ $exist: fc.boolean() }),
      fc.record({ $or: fc.array(tie("filter"), { minLength: 1, maxLength: 3 }) }),
      fc.record({ $not: tie("filter") }),
      fc.record({ $eq: fc.record({ $ref: fc.constantFrom("a", "a.b", "list[0]", "list[$index]", "x[$index].y") }) }),
    ),
  })).filter;

  it("never throws, whatever the input and the filter", () => {
    fc.assert(fc.property(operatorFilter, json, (filter, value) => {
      expect(typeof body(filter, value)).toBe("boolean");
      expect(typeof matchFilter({ headers: filter, query: filter, path: filter }, { body: value, headers: { a: "1" }, query: "a=1", path: "/a" })).toBe("boolean");
    }), { numRuns: 2000 });
  });

  it("$not inverts any filter", () => {
    fc.assert(fc.property(operatorFilter, json, (filter, value) => {
      expect(body({ $not: filter }, value)).toBe(!body(filter, value));
    }), { numRuns: 2000 });
  });

  it("an object matches a filter made of its own fields", () => {
    fc.assert(fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }).filter((k) => !k.startsWith("$")), fc.oneof(fc.string(), fc.integer(), fc.boolean())), (object) => {
      expect(body(object, object)).toBe(true);
    }));
  });
});
