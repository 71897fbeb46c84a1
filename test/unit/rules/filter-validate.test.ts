import { describe, expect, it } from "vitest";
import { MAX_FILTER_DEPTH, validateFilter } from "../../../src/rules/filter";

// validateFilter runs when a connection is saved (spec §4): an empty list means the rule is valid,
// otherwise one problem per mistake, each with its dotted place in the rule and what is wrong.

describe("valid filters", () => {
  it.each([
    ["no parts", { type: "filter" }],
    ["empty parts", { type: "filter", body: {}, headers: {}, query: {}, path: {} }],
    ["primitives", { body: { a: 1, b: "x", c: true, d: null } }],
    ["a bare primitive body", { body: false }],
    ["arrays", { body: { tags: ["a", "b"], items: [{ sku: "x" }] } }],
    ["every comparison", { body: { n: { $gt: 1, $gte: "a", $lt: 2.5, $lte: "2026-01-01" } } }],
    ["$eq and $neq of anything", { body: { a: { $eq: { x: [1, { y: null }] } }, b: { $neq: [1, 2] }, c: { $eq: null } } }],
    ["$eq's value is data: its $ keys are not operators", { body: { schema: { $eq: { $schema: "v1", $gt: null } } } }],
    ["$in and $nin as lists or strings", { body: { a: { $in: [1, "x", true, null] }, b: { $nin: "sub" }, c: { $in: [] } } }],
    ["$startsWith and $endsWith", { body: { a: { $startsWith: "x", $endsWith: ["y", "z"] } } }],
    ["$exist", { body: { a: { $exist: true }, b: { $exist: false } } }],
    ["logical operators", { body: { $or: [{ a: 1 }, { b: 2 }], $and: [{ c: 3 }], $not: { d: 4 } } }],
    ["$not of a value", { body: { a: { $not: 1 } } }],
    ["$ref as a value", { body: { a: { $ref: "b" } } }],
    ["$ref paths", { body: { a: { $ref: "data.items[0].sku" }, b: { $gt: { $ref: "items[$index].max" } }, c: { $ref: "[$index].b" } } }],
    ["$ref operands of every value operator", { body: { a: { $eq: { $ref: "x" }, $in: { $ref: "y" }, $startsWith: { $ref: "z" }, $lte: { $ref: "w" } } } }],
    ["$ref inside $or and $not", { body: { a: { $or: [{ $ref: "b" }, 1], $not: { $ref: "c" } } } }],
    ["headers", { headers: { "X-GitHub-Event": { $in: ["push", "ping"] }, $or: [{ "x-a": "1" }] } }],
    ["query", { query: { page: { $gte: 2 }, tag: ["a", "b"] } }],
    ["a bare path", { path: "/v1/orders" }],
    ["a path operator", { path: { $startsWith: "/v1", $not: { $endsWith: "/health" } } }],
    ["fields and operators together", { body: { t: { a: 1, $or: [{ b: 2 }] } } }],
    ["a payload field named like a JavaScript property", { body: { constructor: 1, __proto__: { a: 1 } } }],
    ["nesting at the limit", { body: nested(MAX_FILTER_DEPTH - 1) }],
  ])("%s", (_what, rule) => {
    expect(validateFilter(rule)).toEqual([]);
  });
});

describe("problems, with their place and reason", () => {
  it.each([
    ["an unknown operator", { body: { data: { amount: { $foo: 1 } } } }, "body.data.amount.$foo", "unknown operator $foo; the operators are $eq, $neq, $gt, $gte, $lt, $lte, $in, $nin, $startsWith, $endsWith, $exist, $or, $and, $not, $ref"],
    ["an unknown operator at the root", { body: { $regex: "a.*" } }, "body.$regex", "unknown operator $regex; the operators are $eq, $neq, $gt, $gte, $lt, $lte, $in, $nin, $startsWith, $endsWith, $exist, $or, $and, $not, $ref"],
    ["an operator's case matters", { body: { a: { $StartsWith: "x" } } }, "body.a.$StartsWith", "unknown operator $StartsWith; the operators are $eq, $neq, $gt, $gte, $lt, $lte, $in, $nin, $startsWith, $endsWith, $exist, $or, $and, $not, $ref"],
    ["$gte given a list", { body: { data: { amount: { $gte: [1] } } } }, "body.data.amount.$gte", "$gte takes a number or a string, not a list"],
    ["$gt given an object", { body: { a: { $gt: { n: 1 } } } }, "body.a.$gt", "$gt takes a number or a string, not an object"],
    ["$lt given a boolean", { body: { a: { $lt: true } } }, "body.a.$lt", "$lt takes a number or a string, not a boolean"],
    ["$lte given null", { body: { a: { $lte: null } } }, "body.a.$lte", "$lte takes a number or a string, not null"],
    ["$gt given a non-finite number", { body: { a: { $gt: Infinity } } }, "body.a.$gt", "$gt takes a number or a string, not a number"],
    ["$in given a number", { body: { tag: { $in: 5 } } }, "body.tag.$in", "$in takes a list of values or a string, not a number"],
    ["$nin given an object", { body: { tag: { $nin: { a: 1 } } } }, "body.tag.$nin", "$nin takes a list of values or a string, not an object"],
    ["$in listing an object", { body: { tag: { $in: ["a", { b: 1 }] } } }, "body.tag.$in.1", "$in lists values (strings, numbers, booleans or null), not an object"],
    ["$nin listing a list", { body: { tag: { $nin: [["a"]] } } }, "body.tag.$nin.0", "$nin lists values (strings, numbers, booleans or null), not a list"],
    ["$startsWith given a number", { body: { a: { $startsWith: 1 } } }, "body.a.$startsWith", "$startsWith takes a string or a non-empty list of strings, not a number"],
    ["$endsWith given an empty list", { body: { a: { $endsWith: [] } } }, "body.a.$endsWith", "$endsWith takes a string or a non-empty list of strings, not an empty list"],
    ["$startsWith listing a number", { headers: { "x-a": { $startsWith: ["a", 1] } } }, "headers.x-a.$startsWith.1", "$startsWith lists strings, not a number"],
    ["$exist given a string", { body: { a: { $exist: "yes" } } }, "body.a.$exist", "$exist takes true or false, not a string"],
    ["$exist given a number", { body: { a: { $exist: 1 } } }, "body.a.$exist", "$exist takes true or false, not a number"],
    ["$exist given a reference", { body: { a: { $exist: { $ref: "b" } } } }, "body.a.$exist", "$exist takes true or false, not an object"],
    ["$or not a list", { body: { $or: { a: 1 } } }, "body.$or", "$or takes a non-empty list of filters, not an object"],
    ["$or a string", { body: { a: { $or: "x" } } }, "body.a.$or", "$or takes a non-empty list of filters, not a string"],
    ["$and empty", { body: { $and: [] } }, "body.$and", "$and takes a non-empty list of filters, not an empty list"],
    ["$ref not a string", { body: { a: { $ref: 5 } } }, "body.a.$ref", "$ref takes a path such as data.old_amount or items[$index].sku, not a number"],
    ["$ref an object", { body: { a: { $gt: { $ref: { path: "b" } } } } }, "body.a.$gt.$ref", "$ref takes a path such as data.old_amount or items[$index].sku, not an object"],
    ["$ref empty", { body: { a: { $ref: "" } } }, "body.a.$ref", "$ref path \"\" is not valid: use keys joined by dots and [n] or [$index] for array elements, such as data.old_amount or items[$index].sku"],
    ["$ref with an empty step", { body: { a: { $gt: { $ref: "a..b" } } } }, "body.a.$gt.$ref", "$ref path \"a..b\" is not valid: use keys joined by dots and [n] or [$index] for array elements, such as data.old_amount or items[$index].sku"],
    ["$ref with a trailing dot", { body: { a: { $ref: "a." } } }, "body.a.$ref", "$ref path \"a.\" is not valid: use keys joined by dots and [n] or [$index] for array elements, such as data.old_amount or items[$index].sku"],
    ["$ref with a named index", { body: { a: { $ref: "items[i].sku" } } }, "body.a.$ref", "$ref path \"items[i].sku\" is not valid: use keys joined by dots and [n] or [$index] for array elements, such as data.old_amount or items[$index].sku"],
    ["$ref with an unclosed bracket", { body: { a: { $ref: "items[0" } } }, "body.a.$ref", "$ref path \"items[0\" is not valid: use keys joined by dots and [n] or [$index] for array elements, such as data.old_amount or items[$index].sku"],
    ["$ref with text after an index", { body: { a: { $ref: "items[0]sku" } } }, "body.a.$ref", "$ref path \"items[0]sku\" is not valid: use keys joined by dots and [n] or [$index] for array elements, such as data.old_amount or items[$index].sku"],
    ["$ref beside another key", { body: { a: { $ref: "b", $gt: 1 } } }, "body.a.$ref", "$ref stands alone in its object: {\"$ref\": \"…\"} as a value, or as an operand such as {\"$gt\": {\"$ref\": \"…\"}}"],
    ["inside $or", { body: { $or: [{ a: 1 }, { a: { $nope: 1 } }] } }, "body.$or.1.a.$nope", "unknown operator $nope; the operators are $eq, $neq, $gt, $gte, $lt, $lte, $in, $nin, $startsWith, $endsWith, $exist, $or, $and, $not, $ref"],
    ["inside $and", { body: { $and: [{ a: { $exist: 0 } }] } }, "body.$and.0.a.$exist", "$exist takes true or false, not a number"],
    ["inside $not", { body: { $not: { a: { $in: 1 } } } }, "body.$not.a.$in", "$in takes a list of values or a string, not a number"],
    ["inside an array filter", { body: { items: [{ qty: { $gt: [] } }] } }, "body.items.0.qty.$gt", "$gt takes a number or a string, not an empty list"],
    ["a non-finite number inside $eq's value", { body: { a: { $eq: { b: [NaN] } } } }, "body.a.$eq.b.0", "expected a finite number"],
    ["in the headers part", { headers: { "x-count": { $gt: {} } } }, "headers.x-count.$gt", "$gt takes a number or a string, not an object"],
    ["in the query part", { query: { page: { $in: true } } }, "query.page.$in", "$in takes a list of values or a string, not a boolean"],
    ["in the path part", { path: { $startsWith: 1 } }, "path.$startsWith", "$startsWith takes a string or a non-empty list of strings, not a number"],
    ["headers that are not an object", { headers: "push" }, "headers", "the headers part is an object of names, so its filter is an object, not a string"],
    ["a query that is a list", { query: ["a"] }, "query", "the query part is an object of names, so its filter is an object, not a list"],
    ["a path filter naming a field", { path: { segment: "v1" } }, "path.segment", "the path is a string and has no fields: use a value or operators such as $startsWith"],
    ["a path filter that is a list", { path: ["/a"] }, "path", "the path is a string: give a value or an operator object such as {\"$startsWith\": \"/v1\"}, not a list"],
    ["an unknown part", { bodyy: { a: 1 } }, "bodyy", "unknown filter part; expected one of body, headers, query, path"],
    ["nesting past the limit", { body: nested(MAX_FILTER_DEPTH) }, `body${".a".repeat(MAX_FILTER_DEPTH)}`, `the filter is nested more than ${MAX_FILTER_DEPTH} levels deep`],
    ["a value that is not JSON", { body: { a: () => 1 } }, "body.a", "expected a JSON value"],
  ])("%s", (_what, rule, path, message) => {
    expect(validateFilter(rule)).toEqual([{ path, message }]);
  });

  it("reports every problem, not only the first", () => {
    const problems = validateFilter({
      body: { a: { $foo: 1 }, b: { $in: 2 }, $or: [{ c: { $exist: "x" } }] },
      headers: { "x-a": { $gt: [] } },
      path: { $endsWith: 3 },
    });
    expect(problems.map((p) => p.path)).toEqual(["body.a.$foo", "body.b.$in", "body.$or.0.c.$exist", "headers.x-a.$gt", "path.$endsWith"]);
  });

  it("rejects a rule that is not an object", () => {
    expect(validateFilter(null)).toEqual([{ path: "", message: "a filter rule is an object with body, headers, query, path" }]);
    expect(validateFilter([])).toHaveLength(1);
  });
});

function nested(depth: number): unknown {
  let filter: unknown = 1;
  for (let i = 0; i < depth; i++) filter = { a: filter };
  return filter;
}
