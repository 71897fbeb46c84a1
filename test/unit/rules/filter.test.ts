import { describe, expect, it } from "vitest";
import { compileFilter, matchFilter, type FilterInput } from "../../../src/rules/filter";

// The matching rules of spec §4, one table per concern. Each row is [what, filter, input, expected];
// the filter is the rule's `body` part unless the table says otherwise.

const body = (filter: unknown, value: unknown) =>
  matchFilter({ type: "filter", body: filter }, { body: value, headers: {}, query: "", path: "/" });

type Row = [string, unknown, unknown, boolean];
const table = (rows: Row[]) =>
  it.each(rows)("%s", (_what, filter, value, expected) => {
    expect(body(filter, value)).toBe(expected);
  });

describe("primitives: loose equality", () => {
  table([
    ["equal strings", "a", "a", true],
    ["different strings", "a", "b", false],
    ["strings are case-sensitive", "Paid", "paid", false],
    ["equal numbers", 42, 42, true],
    ["different numbers", 42, 43, false],
    ["a string filter matches the number it spells", "1", 1, true],
    ["a number filter matches the string that spells it", 1, "1", true],
    ["numbers compare by value, not by spelling", 1, "1.0", true],
    ["a number and a string that spells another", 1, "2", false],
    ["a number and text", 1, "one", false],
    ["blank text is not zero", 0, "", false],
    ["whitespace is not zero", 0, "  ", false],
    ["true matches true", true, true, true],
    ["true does not match false", true, false, false],
    ["false matches false", false, false, true],
    ["a boolean matches its name", true, "true", true],
    ["a boolean's name matches the boolean", "false", false, true],
    ["a boolean does not match another word", true, "yes", false],
    ["booleans are not numbers", true, 1, false],
    ["false is not zero", false, 0, false],
    ["null matches null", null, null, true],
    ["null does not match the text null", null, "null", false],
    ["null does not match zero", null, 0, false],
    ["null does not match false", null, false, false],
    ["a value does not match null", "x", null, false],
    ["zero matches zero", 0, 0, true],
    ["a primitive does not match an object", "a", { a: "a" }, false],
    ["a primitive against no body at all", "a", undefined, false],
  ]);
});

describe("objects: partial, recursive", () => {
  const order = { type: "order", id: 7, customer: { id: "cus_1", tier: "gold", address: { country: "DE" } }, note: null };
  table([
    ["one field", { type: "order" }, order, true],
    ["one field, wrong value", { type: "refund" }, order, false],
    ["several fields all hold", { type: "order", id: 7 }, order, true],
    ["several fields, one fails", { type: "order", id: 8 }, order, false],
    ["nested field", { customer: { tier: "gold" } }, order, true],
    ["nested field, wrong value", { customer: { tier: "silver" } }, order, false],
    ["three levels deep", { customer: { address: { country: "DE" } } }, order, true],
    ["three levels deep, wrong value", { customer: { address: { country: "FR" } } }, order, false],
    ["a missing field fails", { missing: 1 }, order, false],
    ["a missing nested field fails", { customer: { missing: 1 } }, order, false],
    ["a field under a missing field fails", { nothing: { here: 1 } }, order, false],
    ["a null field matches null", { note: null }, order, true],
    ["a null field does not match a value", { note: "x" }, order, false],
    ["an object filter against a primitive field", { type: { kind: "order" } }, order, false],
    ["an object filter against a null field", { note: { a: 1 } }, order, false],
    ["fields not named are ignored", { id: 7 }, order, true],
    ["an empty nested object asks for an object", { customer: {} }, order, true],
    ["an empty nested object against a string", { type: {} }, order, false],
    ["an empty nested object against null", { note: {} }, order, false],
    ["an empty nested object against a missing field", { missing: {} }, order, false],
    ["an object filter against a string body", { a: 1 }, "text", false],
    ["an object filter against no body", { a: 1 }, undefined, false],
    ["inherited properties are not fields", { toString: { $exist: true } }, {}, false],
    ["a field named __proto__ from JSON is a field", { __proto__: 1 }, JSON.parse('{"__proto__": 1}'), true],
  ]);
});

describe("arrays in the input: any element", () => {
  const product = {
    tags: ["gift", "sale", "summer"],
    sizes: [38, 40, 42],
    items: [{ sku: "A1", qty: 1, flags: ["new"] }, { sku: "B2", qty: 3, flags: [] }],
    matrix: [[1, 2], [3, 4]],
    empty: [],
  };
  table([
    ["a primitive matches one element", { tags: "sale" }, product, true],
    ["a primitive matching no element", { tags: "winter" }, product, false],
    ["a number matches one element loosely", { sizes: "40" }, product, true],
    ["an object matches one element", { items: { sku: "B2" } }, product, true],
    ["an object's fields must hold in the same element", { items: { sku: "A1", qty: 3 } }, product, false],
    ["an object's fields all holding in one element", { items: { sku: "B2", qty: 3 } }, product, true],
    ["an object matching no element", { items: { sku: "C3" } }, product, false],
    ["arrays inside elements", { items: { flags: "new" } }, product, true],
    ["nested arrays are searched too", { matrix: 4 }, product, true],
    ["nested arrays, no element", { matrix: 5 }, product, false],
    ["nothing matches in an empty array", { empty: "x" }, product, false],
    ["an object filter on an empty array", { empty: { a: 1 } }, product, false],
    ["a whole-body array, primitive", 2, [1, 2, 3], true],
    ["a whole-body array of objects", { id: 2 }, [{ id: 1 }, { id: 2 }], true],
    ["operators apply to one element at a time", { sizes: { $gt: 41 } }, product, true],
    ["several operators hold for each element on its own", { sizes: { $gt: 39, $lt: 41 } }, product, true],
    ["no single element in range", { sizes: { $gt: 42 } }, product, false],
  ]);
});

describe("arrays in the filter: each of its elements contained", () => {
  const product = { tags: ["gift", "sale", "summer"], items: [{ sku: "A1" }, { sku: "B2" }], ids: [1, 2, 3] };
  table([
    ["two elements both present", { tags: ["gift", "summer"] }, product, true],
    ["order does not matter", { tags: ["summer", "gift"] }, product, true],
    ["all elements, exactly", { tags: ["gift", "sale", "summer"] }, product, true],
    ["one element absent", { tags: ["gift", "winter"] }, product, false],
    ["a one-element list", { tags: ["sale"] }, product, true],
    ["an empty list is contained in any array", { tags: [] }, product, true],
    ["a list against a string", { tags: ["gift"] }, { tags: "gift" }, false],
    ["a list against a missing field", { tags: ["gift"] }, {}, false],
    ["object elements each matched by some element", { items: [{ sku: "B2" }, { sku: "A1" }] }, product, true],
    ["object elements, one unmatched", { items: [{ sku: "B2" }, { sku: "C3" }] }, product, false],
    ["numbers contained loosely", { ids: ["1", "3"] }, product, true],
    ["operators as elements", { ids: [{ $gt: 2 }, { $lt: 2 }] }, product, true],
    ["an operator element with no match", { ids: [{ $gt: 3 }] }, product, false],
    ["a repeated element needs only one match", { ids: [1, 1] }, product, true],
  ]);
});

describe("missing fields, null and $exist", () => {
  const event = { id: "evt_1", deleted_at: null, data: { object: { amount: 5 } } };
  table([
    ["$exist true: present", { id: { $exist: true } }, event, true],
    ["$exist true: null counts as present", { deleted_at: { $exist: true } }, event, true],
    ["$exist true: absent", { refunded_at: { $exist: true } }, event, false],
    ["$exist false: absent", { refunded_at: { $exist: false } }, event, true],
    ["$exist false: null is present", { deleted_at: { $exist: false } }, event, false],
    ["$exist false: present", { id: { $exist: false } }, event, false],
    ["$exist false nested", { data: { object: { refund: { $exist: false } } } }, event, true],
    ["$exist true nested", { data: { object: { amount: { $exist: true } } } }, event, true],
    ["$exist false under a missing parent: the field is absent too", { data: { previous: { amount: { $exist: false } } } }, event, true],
    ["$exist true under a missing parent", { data: { previous: { amount: { $exist: true } } } }, event, false],
    ["$exist false under a string: no fields there", { id: { length: { $exist: false } } }, event, true],
    ["$exist with another operator", { data: { object: { amount: { $exist: true, $gte: 5 } } } }, event, true],
    ["$exist with another operator that fails", { data: { object: { amount: { $exist: true, $gt: 5 } } } }, event, false],
    ["a value operator on a missing field fails", { missing: { $neq: 1 } }, event, false],
    ["$nin on a missing field fails", { missing: { $nin: [1] } }, event, false],
    ["$lt on a missing field fails", { missing: { $lt: 10 } }, event, false],
    ["$not of a value on a missing field holds", { missing: { $not: 1 } }, event, true],
    ["$not of $exist true is $exist false", { missing: { $not: { $exist: true } } }, event, true],
    ["$or with $exist false lets a missing field through", { missing: { $or: [{ $exist: false }, 1] } }, event, true],
    ["$eq null matches null", { deleted_at: { $eq: null } }, event, true],
    ["$neq null on null", { deleted_at: { $neq: null } }, event, false],
    ["$neq null on a value", { id: { $neq: null } }, event, true],
    ["$eq null on a missing field", { missing: { $eq: null } }, event, false],
  ]);
});

describe("$eq and $neq", () => {
  const input = { n: 5, s: "paid", flag: true, list: [1, 2], obj: { a: 1, b: [1, 2], c: { d: null } } };
  table([
    ["number", { n: { $eq: 5 } }, input, true],
    ["number, loosely against its text", { n: { $eq: "5" } }, input, true],
    ["number, different", { n: { $eq: 6 } }, input, false],
    ["string", { s: { $eq: "paid" } }, input, true],
    ["boolean against its name", { flag: { $eq: "true" } }, input, true],
    ["array: exactly equal", { list: { $eq: [1, 2] } }, input, true],
    ["array: order matters", { list: { $eq: [2, 1] } }, input, false],
    ["array: a subset is not equal", { list: { $eq: [1] } }, input, false],
    ["array: a superset is not equal", { list: { $eq: [1, 2, 3] } }, input, false],
    ["array: one element is not the array", { list: { $eq: 1 } }, input, false],
    ["array: no loose coercion inside", { list: { $eq: ["1", "2"] } }, input, false],
    ["object: equal whatever the key order", { obj: { $eq: { c: { d: null }, b: [1, 2], a: 1 } } }, input, true],
    ["object: a part is not equal", { obj: { $eq: { a: 1 } } }, input, false],
    ["object: an extra key is not equal", { obj: { $eq: { a: 1, b: [1, 2], c: { d: null }, e: 1 } } }, input, false],
    ["object against a primitive", { n: { $eq: { n: 5 } } }, input, false],
    ["$neq number", { n: { $neq: 6 } }, input, true],
    ["$neq number equal", { n: { $neq: 5 } }, input, false],
    ["$neq loose", { n: { $neq: "5" } }, input, false],
    ["$neq array: different order", { list: { $neq: [2, 1] } }, input, true],
    ["$neq array: same", { list: { $neq: [1, 2] } }, input, false],
    ["$neq array against one element: the array is not 1", { list: { $neq: 1 } }, input, true],
    ["$neq object: a part", { obj: { $neq: { a: 1 } } }, input, true],
  ]);
});

describe("$gt, $gte, $lt, $lte", () => {
  const input = {
    amount: 1000, zero: 0, negative: -3.5, text: "m", created: "2026-11-23T10:00:00Z",
    day: "2026-11-23", numericText: "250", flag: true, nothing: null, obj: { a: 1 },
  };
  table([
    ["$gt holds", { amount: { $gt: 999 } }, input, true],
    ["$gt on equal", { amount: { $gt: 1000 } }, input, false],
    ["$gte on equal", { amount: { $gte: 1000 } }, input, true],
    ["$gte below", { amount: { $gte: 1001 } }, input, false],
    ["$lt holds", { amount: { $lt: 1001 } }, input, true],
    ["$lt on equal", { amount: { $lt: 1000 } }, input, false],
    ["$lte on equal", { amount: { $lte: 1000 } }, input, true],
    ["$lte above", { amount: { $lte: 999 } }, input, false],
    ["zero", { zero: { $gte: 0, $lt: 1 } }, input, true],
    ["negative fractions", { negative: { $lt: -3, $gt: -4 } }, input, true],
    ["a range", { amount: { $gte: 500, $lte: 2000 } }, input, true],
    ["an empty range", { amount: { $gt: 2000, $lt: 500 } }, input, false],
    ["strings compare as strings", { text: { $gt: "a", $lt: "z" } }, input, true],
    ["strings: above", { text: { $gt: "n" } }, input, false],
    ["ISO dates compare as strings", { created: { $gte: "2026-11-01T00:00:00Z" } }, input, true],
    ["ISO dates, before", { created: { $lt: "2026-01-01" } }, input, false],
    ["ISO dates, a day is before its own times", { day: { $lt: "2026-11-23T00:00:00Z" } }, input, true],
    ["a number against text that spells one", { numericText: { $gt: 200 } }, input, true],
    ["text that spells a number against a number filter", { numericText: { $lt: 200 } }, input, false],
    ["a number against a numeric string operand", { amount: { $gt: "999" } }, input, true],
    ["two numeric strings compare as strings", { numericText: { $gt: "1000" } }, input, true],
    ["a number against text that is not a number", { amount: { $gt: "abc" } }, input, false],
    ["text that is not a number against a number", { text: { $gt: 1 } }, input, false],
    ["a boolean has no order", { flag: { $gt: 0 } }, input, false],
    ["null has no order", { nothing: { $lt: 1 } }, input, false],
    ["an object has no order", { obj: { $gt: 0 } }, input, false],
    ["a missing field has no order", { missing: { $lte: 1e9 } }, input, false],
  ]);
});

describe("$in and $nin", () => {
  const input = {
    currency: "eur", amount: 25, type: "invoice.payment_failed", flag: true, nothing: null,
    tags: ["vip", "beta"], ids: [1, 2, 3], obj: { a: 1 }, items: [{ id: 1 }],
  };
  table([
    ["list: one of them", { currency: { $in: ["usd", "eur"] } }, input, true],
    ["list: none of them", { currency: { $in: ["usd", "gbp"] } }, input, false],
    ["list: loose numbers", { amount: { $in: ["25", 50] } }, input, true],
    ["list: a boolean", { flag: { $in: [true] } }, input, true],
    ["list: null", { nothing: { $in: [null, "x"] } }, input, true],
    ["list: empty", { currency: { $in: [] } }, input, false],
    ["list: strings are whole values, not parts", { currency: { $in: ["eu"] } }, input, false],
    ["string: a substring", { type: { $in: "payment" } }, input, true],
    ["string: not a substring", { type: { $in: "refund" } }, input, false],
    ["string: case-sensitive", { type: { $in: "PAYMENT" } }, input, false],
    ["string against a number", { amount: { $in: "2" } }, input, false],
    ["string against null", { nothing: { $in: "x" } }, input, false],
    ["string against an object", { obj: { $in: "a" } }, input, false],
    ["string against an array: an element", { tags: { $in: "vip" } }, input, true],
    ["string against an array: elements are whole values", { tags: { $in: "vi" } }, input, false],
    ["list against an array: any element listed", { tags: { $in: ["beta", "alpha"] } }, input, true],
    ["list against an array: none listed", { tags: { $in: ["alpha"] } }, input, false],
    ["list against an array of numbers, loosely", { ids: { $in: ["3"] } }, input, true],
    ["list against an object", { obj: { $in: [{ a: 1 }] } }, input, false],
    ["list against an array of objects", { items: { $in: [1] } }, input, false],
    ["$nin list: not listed", { currency: { $nin: ["usd", "gbp"] } }, input, true],
    ["$nin list: listed", { currency: { $nin: ["eur"] } }, input, false],
    ["$nin list: empty", { currency: { $nin: [] } }, input, true],
    ["$nin string: not a substring", { type: { $nin: "refund" } }, input, true],
    ["$nin string: a substring", { type: { $nin: "invoice" } }, input, false],
    ["$nin string against an array: absent", { tags: { $nin: "spam" } }, input, true],
    ["$nin string against an array: present", { tags: { $nin: "vip" } }, input, false],
    ["$nin list against an array: none listed", { tags: { $nin: ["alpha", "gamma"] } }, input, true],
    ["$nin list against an array: one listed", { tags: { $nin: ["alpha", "beta"] } }, input, false],
    ["$nin on a wrong type is a non-match, not a match", { amount: { $nin: "2" } }, input, false],
    ["$nin on an object is a non-match", { obj: { $nin: [1] } }, input, false],
  ]);
});

describe("$startsWith and $endsWith", () => {
  const input = { type: "customer.subscription.updated", email: "ops@example.com", n: 123, tags: ["ab", "cd"], obj: { a: "x" } };
  table([
    ["prefix", { type: { $startsWith: "customer." } }, input, true],
    ["not a prefix", { type: { $startsWith: "invoice." } }, input, false],
    ["prefixes: one of a list", { type: { $startsWith: ["invoice.", "customer."] } }, input, true],
    ["prefixes: none of a list", { type: { $startsWith: ["invoice.", "charge."] } }, input, false],
    ["case-sensitive", { type: { $startsWith: "Customer" } }, input, false],
    ["the empty prefix", { type: { $startsWith: "" } }, input, true],
    ["suffix", { email: { $endsWith: "@example.com" } }, input, true],
    ["not a suffix", { email: { $endsWith: "@example.org" } }, input, false],
    ["suffixes: one of a list", { email: { $endsWith: [".org", ".com"] } }, input, true],
    ["a whole string is its own prefix and suffix", { type: { $startsWith: "customer.subscription.updated", $endsWith: "customer.subscription.updated" } }, input, true],
    ["a number is not text", { n: { $startsWith: "1" } }, input, false],
    ["an object is not text", { obj: { $endsWith: "x" } }, input, false],
    ["an array: any element", { tags: { $startsWith: "c" } }, input, true],
    ["an array: no element", { tags: { $endsWith: "z" } }, input, false],
    ["both together", { type: { $startsWith: "customer.", $endsWith: ".updated" } }, input, true],
    ["both together, one fails", { type: { $startsWith: "customer.", $endsWith: ".deleted" } }, input, false],
  ]);
});

describe("$or, $and, $not and nesting", () => {
  const input = {
    type: "invoice.paid", livemode: true, amount: 5000,
    data: { object: { status: "paid", lines: [{ price: 10, plan: "pro" }, { price: 0, plan: "free" }] } },
  };
  table([
    ["$or of values on one field", { type: { $or: ["invoice.paid", "invoice.failed"] } }, input, true],
    ["$or of values, none", { type: { $or: ["a", "b"] } }, input, false],
    ["$or of operators on one field", { amount: { $or: [{ $lt: 100 }, { $gt: 1000 }] } }, input, true],
    ["$or across fields", { $or: [{ type: "x" }, { livemode: true }] }, input, true],
    ["$or across fields, none", { $or: [{ type: "x" }, { livemode: false }] }, input, false],
    ["$and across fields", { $and: [{ type: "invoice.paid" }, { amount: { $gte: 5000 } }] }, input, true],
    ["$and across fields, one fails", { $and: [{ type: "invoice.paid" }, { amount: { $gt: 5000 } }] }, input, false],
    ["$and of operators on one field", { amount: { $and: [{ $gte: 100 }, { $lte: 5000 }] } }, input, true],
    ["$not of a field", { $not: { type: "invoice.failed" } }, input, true],
    ["$not of a matching field", { $not: { type: "invoice.paid" } }, input, false],
    ["$not of a value", { type: { $not: "invoice.failed" } }, input, true],
    ["$not of an operator", { type: { $not: { $startsWith: "invoice." } } }, input, false],
    ["$not of $in", { type: { $not: { $in: ["a", "b"] } } }, input, true],
    ["double negation", { $not: { $not: { livemode: true } } }, input, true],
    ["$not of $or", { $not: { $or: [{ type: "a" }, { type: "b" }] } }, input, true],
    ["$or inside $and inside $not", { $not: { $and: [{ livemode: true }, { $or: [{ amount: 1 }, { amount: 5000 }] }] } }, input, false],
    ["fields and operators in one object all hold", { type: "invoice.paid", $or: [{ amount: 1 }, { livemode: true }] }, input, true],
    ["fields and operators in one object, the operator fails", { type: "invoice.paid", $not: { livemode: true } }, input, false],
    ["fields and operators in one object, the field fails", { type: "x", $or: [{ livemode: true }] }, input, false],
    ["nested operators under fields", { data: { object: { status: { $in: ["paid", "open"] }, lines: { price: { $gt: 5 } } } } }, input, true],
    ["$not on an array: no element matches", { data: { object: { lines: { $not: { plan: "enterprise" } } } } }, input, true],
    ["$not on an array: one element matches", { data: { object: { lines: { $not: { plan: "free" } } } } }, input, false],
    ["$or on an array element's fields", { data: { object: { lines: { $or: [{ plan: "team" }, { price: 0 }] } } } }, input, true],
    ["$and needs one element for each condition, not the same one", { data: { object: { lines: { $and: [{ plan: "pro" }, { price: 0 }] } } } }, input, true],
    ["one object needs one element for all its fields", { data: { object: { lines: { plan: "pro", price: 0 } } } }, input, false],
  ]);
});

describe("operators on the wrong type are non-matches, never errors", () => {
  const input = { s: "text", n: 1, b: true, z: null, list: [1, "a", null, { x: 1 }, [2]], obj: { k: "v" } };
  const operators: Record<string, unknown> = {
    $eq: { k: "v" }, $gt: 0, $gte: "a", $lt: 10, $lte: "z", $in: "t", $nin: [9], $startsWith: "t", $endsWith: "t", $exist: true,
  };
  it.each(Object.keys(input))("every operator against %s returns a boolean", (field) => {
    for (const [op, operand] of Object.entries(operators)) {
      expect(typeof body({ [field]: { [op]: operand } }, input)).toBe("boolean");
    }
  });
  table([
    ["$gt against an object", { obj: { $gt: 0 } }, input, false],
    ["$startsWith against null", { z: { $startsWith: "n" } }, input, false],
    ["$endsWith against a boolean", { b: { $endsWith: "e" } }, input, false],
    ["$in string against a number", { n: { $in: "1" } }, input, false],
    ["$lt against a boolean", { b: { $lt: 2 } }, input, false],
    ["$gt on a mixed array: the number element", { list: { $gt: 0 } }, input, true],
    ["$startsWith on a mixed array: the string element", { list: { $startsWith: "a" } }, input, true],
  ]);
});

describe("$ref", () => {
  const subscription = {
    plan: "pro",
    previous_plan: "free",
    amount: 30,
    data: { old_amount: 20, currency: "eur", threshold: "2026-01-01" },
    created: "2026-03-01",
    allowed: ["pro", "team"],
    items: [
      { sku: "A", previous_sku: "A", qty: 2, max: 5 },
      { sku: "B", previous_sku: "C", qty: 9, max: 5 },
    ],
    orders: [
      { lines: [{ sku: "x", want: "y" }] },
      { lines: [{ sku: "p", want: "q" }, { sku: "r", want: "r" }] },
    ],
    prices: [10, 20],
    old_prices: [10, 15],
  };
  table([
    ["equal to another field", { amount: { $ref: "amount" } }, subscription, true],
    ["not equal to another field", { plan: { $ref: "previous_plan" } }, subscription, false],
    ["$neq a reference", { plan: { $neq: { $ref: "previous_plan" } } }, subscription, true],
    ["$gt a nested reference", { amount: { $gt: { $ref: "data.old_amount" } } }, subscription, true],
    ["$lt a nested reference", { amount: { $lt: { $ref: "data.old_amount" } } }, subscription, false],
    ["$gte a string reference", { created: { $gte: { $ref: "data.threshold" } } }, subscription, true],
    ["$in a referenced list", { plan: { $in: { $ref: "allowed" } } }, subscription, true],
    ["$in a referenced list, not listed", { previous_plan: { $in: { $ref: "allowed" } } }, subscription, false],
    ["$startsWith a referenced string", { data: { currency: { $startsWith: { $ref: "data.currency" } } } }, subscription, true],
    ["an index", { plan: { $ref: "allowed[0]" } }, subscription, true],
    ["an index, other element", { plan: { $ref: "allowed[1]" } }, subscription, false],
    ["an index then a key", { items: { sku: { $ref: "items[1].sku" } } }, subscription, true],
    ["a reference to a primitive against an array: any element", { allowed: { $ref: "plan" } }, subscription, true],
    ["a reference to a list: contained", { allowed: { $ref: "allowed" } }, subscription, true],
    ["a reference to a list: each of its elements needed", { a: { $ref: "b" } }, { a: ["x"], b: ["x", "y"] }, false],
    ["a reference to an object: a missing key fails", { a: { $ref: "b" } }, { a: { k: 1 }, b: { k: 1, j: 2 } }, false],
    ["a reference to an object: partially", { data: { $ref: "data" } }, subscription, true],
    ["$eq a referenced list: whole", { allowed: { $eq: { $ref: "allowed" } } }, subscription, true],
    ["$eq a referenced list against another list", { prices: { $eq: { $ref: "old_prices" } } }, subscription, false],
    ["$index: the element being matched", { items: { sku: { $ref: "items[$index].previous_sku" } } }, subscription, true],
    ["$index: no element equal to its own", { items: { sku: { $neq: { $ref: "items[$index].sku" } } } }, subscription, false],
    ["$index: one element changed", { items: { sku: { $neq: { $ref: "items[$index].previous_sku" } } } }, subscription, true],
    ["$index inside an operator", { items: { qty: { $gt: { $ref: "items[$index].max" } } } }, subscription, true],
    ["$index inside an operator, combined with a field", { items: { sku: "A", qty: { $gt: { $ref: "items[$index].max" } } } }, subscription, false],
    ["$index twice for nested arrays", { orders: { lines: { sku: { $ref: "orders[$index].lines[$index].want" } } } }, subscription, true],
    ["$index twice, the equal line has another sku", { orders: { lines: { want: { $ref: "orders[$index].lines[$index].sku" }, sku: "p" } } }, subscription, false],
    ["$index on a whole-body array", { a: { $ref: "[$index].b" } }, [{ a: 1, b: 2 }, { a: 3, b: 3 }], true],
    ["$index pairs arrays element by element", { prices: { $gt: { $ref: "old_prices[$index]" } } }, subscription, true],
    ["$index pairs arrays: no element greater", { old_prices: { $gt: { $ref: "prices[$index]" } } }, subscription, false],
    ["$index through $or", { $or: [{ items: { sku: { $ref: "items[$index].previous_sku" }, qty: 2 } }] }, subscription, true],
    ["$index through $not", { items: { $not: { sku: { $ref: "items[$index].previous_sku" } } } }, subscription, false],
    ["$index outside any array finds nothing", { plan: { $ref: "items[$index].sku" } }, subscription, false],
    ["a reference to a missing path matches nothing", { plan: { $ref: "nothing.here" } }, subscription, false],
    ["an operator on a missing reference does not hold", { amount: { $gt: { $ref: "nothing" } } }, subscription, false],
    ["$neq a missing reference does not hold either", { amount: { $neq: { $ref: "nothing" } } }, subscription, false],
    ["an index past the end finds nothing", { plan: { $ref: "allowed[5]" } }, subscription, false],
    ["an index into an object finds nothing", { plan: { $ref: "data[0]" } }, subscription, false],
    ["a key into an array finds nothing", { plan: { $ref: "allowed.length" } }, subscription, false],
    ["a reference that resolves to null matches null", { a: { $ref: "b" } }, { a: null, b: null }, true],
    ["a referenced value's $ keys are plain data", { a: { $ref: "b" } }, { a: { $gt: 1 }, b: { $gt: 1 } }, true],
    ["a reference on a missing field", { missing: { $ref: "plan" } }, subscription, false],
  ]);
});

describe("headers", () => {
  const input: FilterInput = {
    body: undefined,
    headers: { "x-github-event": "push", "content-type": "application/json; charset=utf-8", "x-count": "7", "x-old-count": "5" },
    query: "",
    path: "/",
  };
  const headers = (filter: unknown, given: FilterInput = input) => matchFilter({ headers: filter }, given);
  it.each([
    ["a lower-case name", { "x-github-event": "push" }, true],
    ["a mixed-case name", { "X-GitHub-Event": "push" }, true],
    ["an upper-case name", { "X-GITHUB-EVENT": "push" }, true],
    ["a wrong value", { "x-github-event": "issues" }, false],
    ["values are case-sensitive", { "x-github-event": "PUSH" }, false],
    ["an operator on a header", { "Content-Type": { $startsWith: "application/json" } }, true],
    ["a number against a header's text", { "x-count": 7 }, true],
    ["a comparison against a header's text", { "x-count": { $gt: 5 } }, true],
    ["a missing header", { "x-signature": "abc" }, false],
    ["$exist on a header, any case", { "X-Signature": { $exist: false } }, true],
    ["names inside $or", { $or: [{ "X-GitHub-Event": "ping" }, { "X-GitHub-Event": "push" }] }, true],
    ["names inside $not", { $not: { "X-GitHub-Event": "push" } }, false],
    ["names inside $and", { $and: [{ "X-Count": "7" }, { "Content-Type": { $in: "json" } }] }, true],
    ["a $ref names a header in any case", { "x-count": { $gt: { $ref: "X-Old-Count" } } }, true],
    ["two spellings of one name both apply", { "X-Count": "7", "x-count": { $lt: 5 } }, false],
  ])("%s", (_what, filter, expected) => {
    expect(headers(filter)).toBe(expected);
  });

  it("reads header names case-insensitively whatever the input's case", () => {
    expect(headers({ "x-github-event": "push" }, { ...input, headers: { "X-GitHub-Event": "push" } })).toBe(true);
  });

  it("does not lower-case values, nor names below the top level", () => {
    expect(headers({ "x-github-event": { $eq: "Push" } })).toBe(false);
  });
});

describe("query", () => {
  const at = (query: FilterInput["query"]): FilterInput => ({ body: undefined, headers: {}, query, path: "/" });
  const query = (filter: unknown, given: FilterInput["query"]) => matchFilter({ query: filter }, at(given));
  it.each([
    ["a parameter", { topic: "orders/create" }, "topic=orders%2Fcreate", true],
    ["with a leading ?", { topic: "a" }, "?topic=a", true],
    ["a wrong value", { topic: "b" }, "topic=a", false],
    ["a number against the parameter's text", { page: 2 }, "page=2", true],
    ["a boolean against the parameter's text", { debug: true }, "debug=true", true],
    ["a comparison", { amount: { $gte: 100 } }, "amount=250", true],
    ["a repeated parameter: any value", { tag: "b" }, "tag=a&tag=b", true],
    ["a repeated parameter: each of a list", { tag: ["a", "b"] }, "tag=a&tag=b&tag=c", true],
    ["a repeated parameter: $eq the whole list", { tag: { $eq: ["a", "b"] } }, "tag=a&tag=b", true],
    ["a parameter without a value is empty text", { flag: "" }, "flag", true],
    ["$exist on a parameter without a value", { flag: { $exist: true } }, "flag", true],
    ["a missing parameter", { topic: { $exist: false } }, "other=1", true],
    ["names are case-sensitive", { Topic: "a" }, "topic=a", false],
    ["plus decodes to a space", { q: "a b" }, "q=a+b", true],
    ["brackets are part of the name", { "filter[status]": "paid" }, "filter%5Bstatus%5D=paid", true],
    ["an already-parsed query object", { tag: "b" }, { tag: ["a", "b"] }, true],
    ["a parameter named __proto__", { __proto__: "x" }, "__proto__=x", true],
    ["an empty query has no parameters", { a: { $exist: true } }, "", false],
  ])("%s", (_what, filter, given, expected) => {
    expect(query(filter, given)).toBe(expected);
  });
});

describe("path", () => {
  const path = (filter: unknown, given: string) =>
    matchFilter({ path: filter }, { body: undefined, headers: {}, query: "", path: given });
  it.each([
    ["a bare value", "/v1/orders", "/v1/orders", true],
    ["a bare value, different", "/v1/orders", "/v1/refunds", false],
    ["$startsWith", { $startsWith: "/v1" }, "/v1/orders", true],
    ["$startsWith, different", { $startsWith: "/v2" }, "/v1/orders", false],
    ["$endsWith a list", { $endsWith: ["/orders", "/refunds"] }, "/v1/refunds", true],
    ["$in: contains", { $in: "/orders" }, "/v1/orders/123", true],
    ["$not $in", { $not: { $in: "/health" } }, "/v1/orders", true],
    ["$or of values", { $or: ["/a", "/b"] }, "/b", true],
    ["an empty path is /", "/", "", true],
    ["an empty path with an operator", { $eq: "/" }, "", true],
    ["case-sensitive", "/V1/orders", "/v1/orders", false],
  ])("%s", (_what, filter, given, expected) => {
    expect(path(filter, given)).toBe(expected);
  });
});

describe("a rule's parts together", () => {
  const input: FilterInput = {
    body: { type: "push", ref: "refs/heads/main" },
    headers: { "x-github-event": "push" },
    query: "env=prod",
    path: "/github",
  };
  it.each([
    ["no parts: everything passes", {}, true],
    ["empty parts set no condition", { body: {}, headers: {}, query: {}, path: {} }, true],
    ["all four hold", { body: { ref: "refs/heads/main" }, headers: { "x-github-event": "push" }, query: { env: "prod" }, path: "/github" }, true],
    ["one of four fails", { body: { ref: "refs/heads/main" }, headers: { "x-github-event": "push" }, query: { env: "dev" }, path: "/github" }, false],
    ["body alone fails", { body: { ref: "refs/heads/dev" } }, false],
    ["each part's $ref stays in its part", { body: { type: { $ref: "x-github-event" } } }, false],
  ])("%s", (_what, rule, expected) => {
    expect(matchFilter(rule, input)).toBe(expected);
  });

  it("compiles once and answers for each request", () => {
    const test = compileFilter({ type: "filter", body: { amount: { $gte: 100 } }, headers: { "X-Env": "prod" } });
    const request = (amount: unknown, env: string): FilterInput => ({ body: { amount }, headers: { "x-env": env }, query: "", path: "/" });
    expect([test(request(150, "prod")), test(request(50, "prod")), test(request(150, "dev")), test(request("150", "prod"))])
      .toEqual([true, false, false, true]);
  });

  it("a body that is not JSON offers no fields", () => {
    const text: FilterInput = { ...input, body: undefined };
    expect(matchFilter({ body: { type: "push" } }, text)).toBe(false);
    expect(matchFilter({ body: { type: { $exist: true } } }, text)).toBe(false);
    expect(matchFilter({ body: { type: { $exist: false } } }, text)).toBe(true);
    expect(matchFilter({ body: { $not: { type: "push" } } }, text)).toBe(true);
    expect(matchFilter({ body: { $exist: false } }, text)).toBe(true);
    expect(matchFilter({ body: { $exist: true } }, input)).toBe(true);
  });

  it("turns every request away when the rule is not an object", () => {
    expect(compileFilter(null as never)(input)).toBe(false);
    expect(compileFilter("body" as never)(input)).toBe(false);
  });

  it("never matches what it cannot read, rather than throwing", () => {
    expect(matchFilter({ body: { type: { $regex: "p.*" } } }, input)).toBe(false);
    expect(matchFilter({ body: { type: { $or: "push" } } }, input)).toBe(false);
    expect(matchFilter({ body: { type: { $and: [] } } }, input)).toBe(false);
    expect(matchFilter({ body: { type: { $exist: "yes" } } }, input)).toBe(false);
    expect(matchFilter({ body: { type: { $ref: 5 } } }, input)).toBe(false);
    expect(matchFilter({ body: { type: { $ref: "ref", $eq: "push" } } }, input)).toBe(false);
    expect(matchFilter({ body: { type: { $eq: { $ref: "a..b" } } } }, input)).toBe(false);
  });
});
