import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileFilter, matchFilter, parseQuery, validateFilter, type FilterInput } from "../../../src/rules/filter";

// Properties over generated filters and payloads. Payloads draw keys and values from small pools
// so that filters hit them often: a property that only ever saw non-matches would prove little, and
// the last test checks that both outcomes occur.

const KEYS = ["a", "b", "c", "items"];
const key = fc.constantFrom(...KEYS);
const smallPrimitive = fc.oneof(
  fc.constantFrom("x", "y", "1", "2", "true", "", "2026-11-23"),
  fc.integer({ min: -2, max: 3 }),
  fc.boolean(),
  fc.constant(null),
);

/** JSON payloads over the key pool, with arrays of objects so that `$index` has work to do. */
const payload = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    smallPrimitive,
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(key, tie("value"), { maxKeys: 4 }),
  ),
})).value;

const REF_PATHS = ["a", "b.c", "items[0]", "items[$index]", "items[$index].a", "[$index].b", "a[$index].b[$index].c", "missing.path"];
const ref = fc.record({ $ref: fc.constantFrom(...REF_PATHS) });
const orRef = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, ref);
const comparable = orRef(fc.oneof(fc.integer({ min: -2, max: 3 }), fc.constantFrom("x", "1", "2026-01-01")));

/** Filters that validateFilter accepts, using every operator. */
const validFilter = fc.letrec((tie) => ({
  filter: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    smallPrimitive,
    ref,
    fc.array(tie("filter"), { maxLength: 3 }),
    fc.dictionary(key, tie("filter"), { minKeys: 1, maxKeys: 3 }),
    fc.record({ $eq: orRef(payload) }),
    fc.record({ $neq: orRef(payload) }),
    fc.record({ $gt: comparable }, { requiredKeys: [] }).map((r) => ({ $gte: 0, ...r })),
    fc.record({ $lt: comparable, $lte: comparable }, { requiredKeys: ["$lt"] }),
    fc.record({ $in: orRef(fc.oneof(fc.array(smallPrimitive, { maxLength: 3 }), fc.constantFrom("x", "1"))) }),
    fc.record({ $nin: orRef(fc.oneof(fc.array(smallPrimitive, { maxLength: 3 }), fc.constantFrom("y", "2"))) }),
    fc.record({ $startsWith: orRef(fc.oneof(fc.constantFrom("", "x", "2026"), fc.array(fc.constantFrom("x", "1"), { minLength: 1, maxLength: 2 }))) }),
    fc.record({ $endsWith: orRef(fc.constantFrom("x", "23", "")) }),
    fc.record({ $exist: fc.boolean() }),
    fc.record({ $or: fc.array(tie("filter"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ $and: fc.array(tie("filter"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ $not: tie("filter") }),
    fc.tuple(key, tie("filter"), tie("filter")).map(([k, field, negated]) => ({ [k]: field, $not: negated })),
  ),
})).filter;

const body = (filter: unknown, value: unknown) => matchFilter({ body: filter }, { body: value, headers: {}, query: "", path: "/" });
const isEmptyObject = (v: unknown) => typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;

describe("the generators", () => {
  it("generate filters that validate", () => {
    fc.assert(fc.property(validFilter, (filter) => {
      expect(validateFilter({ body: filter, headers: { "x-a": filter }, query: { q: filter } })).toEqual([]);
    }), { numRuns: 500 });
  });

  it("give both outcomes often enough for the properties to mean something", () => {
    const outcomes = fc.sample(fc.tuple(validFilter, payload), { numRuns: 2000, seed: 42 }).map(([f, v]) => body(f, v));
    const matched = outcomes.filter(Boolean).length;
    expect(matched).toBeGreaterThan(200);
    expect(outcomes.length - matched).toBeGreaterThan(200);
  });
});

describe("never throws", () => {
  it("for valid filters and any JSON payload", () => {
    fc.assert(fc.property(validFilter, fc.oneof(payload, fc.jsonValue({ maxDepth: 5 })), (filter, value) => {
      expect(typeof body(filter, value)).toBe("boolean");
    }), { numRuns: 3000 });
  });

  it("for any JSON at all as the filter, valid or not, in every part", () => {
    const anything = fc.jsonValue({ maxDepth: 4 });
    fc.assert(fc.property(anything, anything, fc.dictionary(fc.string(), fc.string()), fc.string(), fc.string(), (filter, value, headers, query, path) => {
      const test = compileFilter({ body: filter, headers: filter, query: filter, path: filter });
      expect(typeof test({ body: value, headers, query, path })).toBe("boolean");
      expect(typeof test({ body: value, headers, query: parseQuery(query), path })).toBe("boolean");
    }), { numRuns: 2000 });
  });

  it("for filters and payloads nested far deeper than any stack", () => {
    let deepFilter: unknown = 1;
    let deepArray: unknown = 1;
    let deepObject: unknown = { a: 1 };
    let sameDeepObject: unknown = { a: 1 };
    for (let i = 0; i < 100_000; i++) {
      deepFilter = { a: deepFilter };
      deepArray = [deepArray];
      deepObject = { a: deepObject };
      sameDeepObject = { a: sameDeepObject };
    }
    const input = (value: unknown): FilterInput => ({ body: value, headers: {}, query: "", path: "/" });
    // Compiling a filter this deep exhausts the stack: the rule then turns every request away, even
    // one it would match (a filter 1,000 levels deep still matches itself: see "algebra" below).
    expect(compileFilter({ body: deepFilter })(input(deepFilter))).toBe(false);
    expect(typeof matchFilter({ body: 1 }, input(deepArray))).toBe("boolean");
    expect(typeof matchFilter({ body: { $eq: deepObject } }, input(sameDeepObject))).toBe("boolean");
    expect(validateFilter({ body: deepFilter })).toHaveLength(1);
  });
});

describe("algebra", () => {
  it("$not inverts any filter at the root of a part", () => {
    fc.assert(fc.property(validFilter.filter((f) => !isEmptyObject(f)), payload, (filter, value) => {
      expect(body({ $not: filter }, value)).toBe(!body(filter, value));
    }), { numRuns: 3000 });
  });

  it("$not inverts any filter on a field, present or missing", () => {
    fc.assert(fc.property(validFilter, payload, fc.boolean(), (filter, value, present) => {
      const holder = present ? { a: value } : { b: value };
      expect(body({ a: { $not: filter } }, holder)).toBe(!body({ a: filter }, holder));
    }), { numRuns: 3000 });
  });

  it("$or and $and of one filter are that filter", () => {
    fc.assert(fc.property(validFilter.filter((f) => !isEmptyObject(f)), payload, (filter, value) => {
      const alone = body(filter, value);
      expect(body({ $or: [filter] }, value)).toBe(alone);
      expect(body({ $and: [filter] }, value)).toBe(alone);
    }), { numRuns: 1000 });
  });

  it("$or is any and $and is all of its filters", () => {
    fc.assert(fc.property(fc.array(validFilter.filter((f) => !isEmptyObject(f)), { minLength: 1, maxLength: 3 }), payload, (filters, value) => {
      const each = filters.map((f) => body(f, value));
      expect(body({ $or: filters }, value)).toBe(each.some(Boolean));
      expect(body({ $and: filters }, value)).toBe(each.every(Boolean));
    }), { numRuns: 1000 });
  });

  it("$exist false is $not of $exist true, except against arrays, where each element is asked", () => {
    fc.assert(fc.property(payload.filter((v) => !Array.isArray(v)), key, (value, k) => {
      expect(body({ [k]: { $exist: false } }, value)).toBe(body({ $not: { [k]: { $exist: true } } }, value));
    }), { numRuns: 1000 });
  });

  it("$eq matches any present value against itself, and $neq never does", () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
      expect(body({ v: { $eq: value } }, { v: value })).toBe(true);
      expect(body({ v: { $neq: value } }, { v: value })).toBe(false);
    }), { numRuns: 1000 });
  });

  it("$neq is the negation of $eq on a present value", () => {
    fc.assert(fc.property(payload, payload, (operand, value) => {
      expect(body({ v: { $neq: operand } }, { v: value })).toBe(!body({ v: { $eq: operand } }, { v: value }));
    }), { numRuns: 1000 });
  });

  it("$nin is the negation of $in wherever $in has a meaning, and both fail elsewhere", () => {
    const operand = fc.oneof(fc.array(smallPrimitive, { maxLength: 3 }), fc.constantFrom("x", "1", ""));
    fc.assert(fc.property(operand, payload, (list, value) => {
      const holds = body({ v: { $in: list } }, { v: value });
      const negated = body({ v: { $nin: list } }, { v: value });
      const meaningful = Array.isArray(value) || (Array.isArray(list) ? value === null || typeof value !== "object" : typeof value === "string");
      expect(negated).toBe(meaningful ? !holds : false);
      if (!meaningful) expect(holds).toBe(false);
    }), { numRuns: 2000 });
  });

  it("a payload without operator keys matches itself used as a filter", () => {
    // As deep as a saved filter may be (deeper ones are refused on save, MAX_FILTER_DEPTH): past
    // that, matching depends on the isolate's stack, and running out of it is a non-match.
    let deep: unknown = 1;
    while (validateFilter({ type: "filter", body: { a: [deep] } }).length === 0) deep = { a: [deep] };
    expect(JSON.stringify(deep).split("[").length - 1).toBeGreaterThan(10);
    expect(body(deep, deep)).toBe(true);
    const plain = fc.jsonValue({ maxDepth: 4 }).filter((v) => !JSON.stringify(v).includes('"$'));
    fc.assert(fc.property(plain, (value) => {
      expect(body(value, value)).toBe(true);
    }), { numRuns: 1000 });
  });

  it("adding a field the payload lacks turns a match into a non-match", () => {
    fc.assert(fc.property(fc.dictionary(key, smallPrimitive, { minKeys: 1 }), (object) => {
      expect(body(object, object)).toBe(true);
      expect(body({ ...object, absent: 1 }, object)).toBe(false);
    }));
  });
});

describe("the compiled form", () => {
  it("gives the one-off answer, request after request", () => {
    fc.assert(fc.property(validFilter, fc.array(payload, { minLength: 1, maxLength: 4 }), (filter, values) => {
      const test = compileFilter({ body: filter });
      for (const value of values) {
        const input: FilterInput = { body: value, headers: {}, query: "", path: "/" };
        expect(test(input)).toBe(matchFilter({ body: filter }, input));
        expect(test(input)).toBe(test(input));
      }
    }), { numRuns: 1000 });
  });
});

describe("parts", () => {
  const headerName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/);

  it("header names match whatever their case, in the filter and in the input", () => {
    fc.assert(fc.property(headerName, fc.string(), fc.boolean(), (name, value, upperInput) => {
      const input: FilterInput = { body: undefined, headers: { [upperInput ? name.toUpperCase() : name.toLowerCase()]: value }, query: "", path: "/" };
      expect(matchFilter({ headers: { [name.toUpperCase()]: { $eq: value } } }, input)).toBe(true);
      expect(matchFilter({ headers: { [name.toLowerCase()]: { $exist: true } } }, input)).toBe(true);
    }));
  });

  it("a query string's parameters read back as written", () => {
    // A name starting with $ reads as an operator in a filter, so it cannot be filtered on by name.
    const name = fc.string({ minLength: 1, maxLength: 8 }).filter((n) => !n.startsWith("$"));
    fc.assert(fc.property(fc.dictionary(name, fc.string({ maxLength: 8 })), (params) => {
      const query = new URLSearchParams(params).toString();
      expect(parseQuery(query)).toEqual(params);
      expect(matchFilter({ query: params }, { body: undefined, headers: {}, query, path: "/" })).toBe(true);
    }));
  });

  it("a path matches itself and its own prefixes", () => {
    fc.assert(fc.property(fc.string({ minLength: 1 }), fc.nat(), (path, cut) => {
      const input: FilterInput = { body: undefined, headers: {}, query: "", path };
      expect(matchFilter({ path }, input)).toBe(true);
      expect(matchFilter({ path: { $startsWith: path.slice(0, cut % (path.length + 1)) } }, input)).toBe(true);
    }));
  });
});
