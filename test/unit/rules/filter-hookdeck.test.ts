import { describe, expect, it } from "vitest";
import { matchFilter } from "../../../src/rules/filter";

// Hookdeck's documented filter behaviour (spec §4: a filter written for Hookdeck works here
// unchanged). Each row restates one documented example, written out by hand with the example's
// shape and outcome, plus a counter-case that must not match, so that the row can fail. Sources:
// - [filters]  https://hookdeck.com/docs/filters ("Filters syntax": simple matches, arrays,
//              non-object match) — Hookdeck's current documentation;
// - [legacy]   Hookdeck's earlier filter docs (hookdeck/product-docs, docs/connection-filters.md:
//              operators table and `$lte` example);
// - [engine]   the README of hookdeck/simple-json-match, the matcher "designed to be used within
//              hookdeck.com filtering engine" ($or, $and, $ref, $index, $ref inside operators);
// - [guide]    Hookdeck's filters guide for its agent tooling ($exist and null, $in on strings and
//              arrays, $nin, $not, array equality versus contains, path filters).
// Where Hookdeck and spec §4 differ, the spec wins; the last block lists those places.

type Example = [source: string, example: string, part: "body" | "path" | "headers", filter: unknown, data: unknown, expected: boolean];

const check = (part: Example[2], filter: unknown, data: unknown) =>
  matchFilter({ type: "filter", [part]: filter }, {
    body: part === "body" ? data : undefined,
    headers: part === "headers" ? (data as Record<string, string>) : {},
    query: "",
    path: part === "path" ? (data as string) : "/",
  });

const examples = (rows: Example[]) =>
  it.each(rows)("[%s] %s", (_source, _example, part, filter, data, expected) => {
    expect(check(part, filter, data)).toBe(expected);
  });

describe("simple matches", () => {
  const order = { type: "order/created", order: { id: 123 } };
  const product = { product: { title: "A product", inventory: 0 } };
  const nestedItems = { order: { id: 123, items: [{ id: 456, title: "My product" }] } };
  const giftCard = { product: { title: "Gift Card", tags: ["gift", "something", "another"] } };
  examples([
    ["filters", "single value match: a JSON scalar body", "body", false, false, true],
    ["filters", "single value match, counter-case", "body", false, true, false],
    ["filters", "simple primitive match", "body", { type: "order/created" }, order, true],
    ["filters", "simple primitive match, counter-case", "body", { type: "order/updated" }, order, false],
    ["filters", "nested object match", "body", { product: { inventory: 0 } }, product, true],
    ["filters", "nested object match, counter-case", "body", { product: { inventory: 1 } }, product, false],
    ["filters", "also valid: an object against an array of objects", "body", { order: { items: { id: 456 } } }, nestedItems, true],
    ["filters", "also valid, counter-case", "body", { order: { items: { id: 789 } } }, nestedItems, false],
    ["filters", "array contains match", "body", { product: { tags: "gift" } }, giftCard, true],
    ["filters", "array contains match, counter-case", "body", { product: { tags: "birthday" } }, giftCard, false],
    ["filters", "array contains (multiple): all specified values", "body", { product: { tags: ["gift", "something"] } }, giftCard, true],
    ["filters", "array contains (multiple): one value missing", "body", { product: { tags: ["gift", "birthday"] } }, giftCard, false],
    ["filters", "non-object match: a string at the root, such as a path", "path", "/webhooks/orders", "/webhooks/orders", true],
    ["filters", "non-object match, counter-case", "path", "/webhooks/orders", "/webhooks/refunds", false],
  ]);
});

describe("operators", () => {
  const product = { product: { title: "A product", inventory: 5 } };
  examples([
    ["legacy", "operators used as an object in place of the value: $lte", "body", { product: { inventory: { $lte: 10 } } }, product, true],
    ["legacy", "$lte, counter-case", "body", { product: { inventory: { $lte: 4 } } }, product, false],
    ["legacy", "$gte and $gt on numbers", "body", { product: { inventory: { $gte: 5, $gt: 4 } } }, product, true],
    ["legacy", "$lt on strings", "body", { product: { title: { $lt: "B" } } }, product, true],
    ["legacy", "$eq deep equal", "body", { product: { $eq: { inventory: 5, title: "A product" } } }, product, true],
    ["legacy", "$neq deep not equal", "body", { product: { $neq: { inventory: 5 } } }, product, true],
    ["legacy", "$in on a string: contains", "body", { product: { title: { $in: "prod" } } }, product, true],
    ["legacy", "$nin on a string: does not contain", "body", { product: { title: { $nin: "prod" } } }, product, false],
    ["legacy", "$startsWith", "body", { product: { title: { $startsWith: "A " } } }, product, true],
    ["engine", "$or of values on one field", "body", { product: { inventory: { $or: [1, 5] } } }, product, true],
    ["engine", "$or of values, counter-case", "body", { product: { inventory: { $or: [1, 6] } } }, product, false],
    ["engine", "$or of filters where none matches", "body", { $or: [{ hello: "johny" }, { hello: "mark" }] }, { hello: "world" }, false],
    ["engine", "$or of filters where one matches", "body", { $or: [{ hello: "johny" }, { hello: "world" }] }, { hello: "world" }, true],
    ["guide", "$and of two bounds on one field", "body", { amount: { $and: [{ $gte: 100 }, { $lte: 500 }] } }, { amount: 250 }, true],
    ["guide", "$and, counter-case", "body", { amount: { $and: [{ $gte: 100 }, { $lte: 500 }] } }, { amount: 501 }, false],
    ["guide", "several operators on one field are all required", "body", { amount: { $gte: 100, $lte: 500 } }, { amount: 99 }, false],
    ["guide", "$not negates a filter", "body", { $not: { status: "deleted" } }, { status: "active" }, true],
    ["guide", "$not, counter-case", "body", { $not: { status: "deleted" } }, { status: "deleted" }, false],
  ]);
});

describe("$exist and null", () => {
  const payload = { metadata: { plan: "pro" }, deleted_at: null };
  examples([
    ["guide", "$exist true on a present field, $exist false on an absent one", "body", { metadata: { $exist: true }, archived_at: { $exist: false } }, payload, true],
    ["guide", "$exist false does not match a field that is null", "body", { deleted_at: { $exist: false } }, payload, false],
    ["guide", "to match null, write null", "body", { deleted_at: null }, payload, true],
    ["guide", "$exist with another operator: present and https", "body", { callback_url: { $exist: true, $startsWith: "https://" } }, { callback_url: "https://x.test" }, true],
    ["guide", "$exist with another operator, counter-case", "body", { callback_url: { $exist: true, $startsWith: "https://" } }, { callback_url: "http://x.test" }, false],
  ]);
});

describe("arrays: contains versus equals, $in and $nin", () => {
  examples([
    ["guide", "a value checks that the array contains it", "body", { tags: "gift" }, { tags: ["gift", "sale"] }, true],
    ["guide", "$eq checks that the array is exactly that", "body", { tags: { $eq: ["gift"] } }, { tags: ["gift", "sale"] }, false],
    ["guide", "$eq on the exact array", "body", { tags: { $eq: ["gift"] } }, { tags: ["gift"] }, true],
    ["guide", "$in with a value: the array contains it", "body", { roles: { $in: "admin" } }, { roles: ["user", "admin"] }, true],
    ["guide", "$in with a value, counter-case", "body", { roles: { $in: "admin" } }, { roles: ["user"] }, false],
    ["guide", "$nin with a value: the array does not contain it", "body", { tags: { $nin: "spam" } }, { tags: ["news"] }, true],
    ["guide", "$nin with a value, counter-case", "body", { tags: { $nin: "spam" } }, { tags: ["news", "spam"] }, false],
    ["guide", "$in with a string on a string: contains", "body", { event_type: { $in: "order" } }, { event_type: "new_order" }, true],
  ]);
});

describe("$ref", () => {
  const variants = {
    variants: [
      { updated_at: "2020-05-20", created_at: "2020-04-20" },
      { updated_at: "2020-04-20", created_at: "2020-04-20" },
    ],
  };
  examples([
    ["engine", "a field equal to another field", "body", { updated_at: { $ref: "created_at" } }, { updated_at: "2020-04-20", created_at: "2020-04-20" }, true],
    ["engine", "a field equal to another field, counter-case", "body", { updated_at: { $ref: "created_at" } }, { updated_at: "2020-05-20", created_at: "2020-04-20" }, false],
    ["engine", "$index: any variant whose updated_at is its own created_at", "body", { variants: { updated_at: { $ref: "variants[$index].created_at" } } }, variants, true],
    ["engine", "$index, counter-case: no such variant", "body", { variants: { updated_at: { $ref: "variants[$index].created_at" } } }, { variants: variants.variants.slice(0, 1) }, false],
    ["engine", "a reference inside an operator", "body", { inventory: { $lte: { $ref: "old_inventory" } } }, { inventory: 0, old_inventory: 10 }, true],
    ["engine", "a reference inside an operator, counter-case", "body", { inventory: { $lte: { $ref: "old_inventory" } } }, { inventory: 11, old_inventory: 10 }, false],
    ["engine", "a reference path through objects and an array index", "body", { value: { $ref: "nested_object.array[1]" } }, { value: 2, nested_object: { array: [1, 2, 3] } }, true],
    ["guide", "a field that changed: $neq a reference", "body", { data: { status: { $neq: { $ref: "data.previous_status" } } } }, { data: { status: "paid", previous_status: "open" } }, true],
    ["guide", "a field that did not change", "body", { data: { status: { $neq: { $ref: "data.previous_status" } } } }, { data: { status: "paid", previous_status: "paid" } }, false],
  ]);
});

describe("path and headers sections", () => {
  examples([
    ["guide", "a path containing a segment", "path", { $in: "/webhooks" }, "/api/webhooks/stripe", true],
    ["guide", "a path containing a segment, counter-case", "path", { $in: "/webhooks" }, "/api/health", false],
    ["guide", "excluding a path", "path", { $not: { $in: "/health" } }, "/api/health", false],
    ["guide", "a header value", "headers", { "x-webhook-source": "stripe" }, { "x-webhook-source": "stripe" }, true],
  ]);
});

describe("Hookdeck's engine test suite, same outcomes here (hookdeck/simple-json-match tests, as ported to hookdeck/outpost)", () => {
  examples([
    ["engine", "a JSON scalar filter against an object", "body", true, { flag: true }, false],
    ["engine", "an object filter against a string field", "body", { status: { code: "ok" } }, { status: "ok" }, false],
    ["engine", "$startsWith against an object", "body", { status: { $startsWith: "o" } }, { status: { code: "ok" } }, false],
    ["engine", "$eq one value against an array", "body", { $eq: 3 }, [1, 2, 3], false],
    ["engine", "an array filter of operators against an array", "body", [{ $eq: 3 }], [1, 2, 3], true],
    ["engine", "$startsWith a list of prefixes", "body", { id: { $startsWith: ["ch_", "py_"] } }, { id: "py_1" }, true],
    ["engine", "$endsWith a list of suffixes, none", "body", { id: { $endsWith: ["_a", "_b"] } }, { id: "x_c" }, false],
    ["engine", "$in a list with another field's $nin", "body", { kind: { $in: ["a", "b"] }, n: { $nin: [1, 2] } }, { kind: "a", n: 3 }, true],
    ["engine", "a reference to a value held by an array field", "body", { types: { $ref: "wanted" } }, { types: ["x", "y"], wanted: "y" }, true],
    ["engine", "$index twice for nested arrays", "body", { rows: { cells: { v: { $ref: "rows[$index].cells[$index].w" } } } }, { rows: [{ cells: [{ v: 1, w: 2 }] }, { cells: [{ v: 3, w: 3 }] }] }, true],
    ["engine", "$index twice, no matching cell", "body", { rows: { cells: { v: { $ref: "rows[$index].cells[$index].w" } } } }, { rows: [{ cells: [{ v: 1, w: 2 }] }] }, false],
    ["engine", "$index inside $or", "body", { $or: [{ list: { a: { $eq: { $ref: "list[$index].b" } } } }] }, { list: [{ a: 1, b: 2 }, { a: 2, b: 2 }] }, true],
    ["engine", "$neq null and $in together under $and", "body", { t: { $and: [{ s: { $neq: null } }, { s: { $in: "lse" } }] } }, { t: { s: null } }, false],
    ["engine", "$and of two values on one number", "body", { $and: [1, 2] }, 1, false],
    ["engine", "fields and operators side by side in one object", "body", { t: { a: { $exist: true, $or: ["x", "y"] }, $and: [{ a: "x" }, { b: "z" }] } }, { t: { a: "x", b: "z" } }, true],
    ["engine", "$not beside $and at the top", "body", { $not: { t: { a: "x" } }, $and: [{ t: { b: "z" } }] }, { t: { a: "x", b: "z" } }, false],
    ["engine", "$not of $exist false beside $or", "body", { $not: { t: { a: { $exist: false } } }, $or: [{ t: { c: { $exist: true } } }, { t: { b: "z" } }] }, { t: { a: "x", b: "z" } }, true],
  ]);
});

describe("where spec §4 or this gateway's choices differ from Hookdeck (docs/rules.md lists them)", () => {
  it("a body that is not JSON offers no fields, not a string: Hookdeck lets plain string matches work on XML", () => {
    const xml = matchFilter({ body: { $in: "<status>paid</status>" } }, { body: undefined, headers: {}, query: "", path: "/" });
    expect(xml).toBe(false);
  });

  it("a boolean matches its name (headers and query are text), but not a number as JavaScript's == would", () => {
    const body = (filter: unknown, value: unknown) => matchFilter({ body: filter }, { body: value, headers: {}, query: "", path: "/" });
    expect(body({ flag: "true" }, { flag: true })).toBe(true);
    expect(body({ flag: 1 }, { flag: true })).toBe(false);
    expect(body({ n: 0 }, { n: "" })).toBe(false);
  });

  it("single-value operators on an array test its elements; Hookdeck's engine returns no match", () => {
    const body = (filter: unknown, value: unknown) => matchFilter({ body: filter }, { body: value, headers: {}, query: "", path: "/" });
    expect(body({ scores: { $gt: 5 } }, { scores: [1, 9] })).toBe(true);
    expect(body({ ids: { $startsWith: "ch_" } }, { ids: ["py_1", "ch_2"] })).toBe(true);
  });

  it("$in with a list on an array holds when any element is listed; Hookdeck's engine returns no match", () => {
    expect(matchFilter({ body: { tags: { $in: ["a", "z"] } } }, { body: { tags: ["a", "b"] }, headers: {}, query: "", path: "/" })).toBe(true);
  });

  it("a $ref to a missing path matches nothing; Hookdeck's engine reads it as null", () => {
    expect(matchFilter({ body: { a: { $ref: "missing" } } }, { body: { a: null }, headers: {}, query: "", path: "/" })).toBe(false);
  });

  it("$eq on objects ignores key order; Hookdeck's engine compares JSON text", () => {
    expect(matchFilter({ body: { o: { $eq: { b: 2, a: 1 } } } }, { body: { o: { a: 1, b: 2 } }, headers: {}, query: "", path: "/" })).toBe(true);
  });
});
