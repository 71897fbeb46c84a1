import { describe, expect, it } from "vitest";
import { matchFilter, parseBodyForFilter, parseQuery } from "../../../src/rules/filter";

// How a stored request is presented to filters: the body parsed when it is JSON (spec §3, §4:
// otherwise body filters see no fields), the query string as an object.

const bytes = (text: string) => new TextEncoder().encode(text);

describe("parseBodyForFilter", () => {
  it.each([
    ["an object, declared JSON", '{"a":1}', "application/json", { a: 1 }],
    ["an object, declared JSON with a charset", '{"a":1}', "application/json; charset=utf-8", { a: 1 }],
    ["an object, a +json type", '{"a":1}', "application/vnd.api+json", { a: 1 }],
    ["an object, text/json", '{"a":1}', "text/json", { a: 1 }],
    ["a media type in upper case", '{"a":1}', "Application/JSON", { a: 1 }],
    ["an array, declared JSON", "[1,2]", "application/json", [1, 2]],
    ["a scalar false, declared JSON", "false", "application/json", false],
    ["a scalar number, declared JSON", " 42 ", "application/json", 42],
    ["a scalar string, declared JSON", '"hi"', "application/json", "hi"],
    ["null, declared JSON", "null", "application/json", null],
    ["an object labelled text/plain", '{"a":1}', "text/plain", { a: 1 }],
    ["an object with no content type", '  \n{"a":1}', undefined, { a: 1 }],
    ["an array with no content type", "[true]", undefined, [true]],
    ["a scalar with no content type is text", "42", undefined, undefined],
    ["a scalar labelled text/plain is text", "true", "text/plain", undefined],
    ["a form body", "a=1&b=2", "application/x-www-form-urlencoded", undefined],
    ["XML", "<order><id>1</id></order>", "application/xml", undefined],
    ["plain text", "hello", "text/plain", undefined],
    ["broken JSON, declared JSON", '{"a":', "application/json", undefined],
    ["broken JSON that starts like an object", "{not json}", undefined, undefined],
    ["an empty body, declared JSON", "", "application/json", undefined],
    ["only whitespace, declared JSON", "  \n ", "application/json", undefined],
    ["a byte-order mark before JSON", "\uFEFF{\"a\":1}", "application/json", { a: 1 }],
    ["unicode", '{"city":"Torstraße"}', "application/json", { city: "Torstraße" }],
  ])("%s", (_what, text, contentType, expected) => {
    expect(parseBodyForFilter(bytes(text), contentType)).toEqual(expected);
  });

  it("treats bytes that are not UTF-8 as not JSON", () => {
    const latin1 = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]); // {"a":"é"} in Latin-1
    expect(parseBodyForFilter(latin1, "application/json")).toBeUndefined();
    expect(parseBodyForFilter(new Uint8Array([0xff, 0xfe, 0x00]), undefined)).toBeUndefined();
  });

  it("keeps a __proto__ key as data", () => {
    const parsed = parseBodyForFilter(bytes('{"__proto__":{"admin":true}}'), "application/json") as Record<string, unknown>;
    expect(Object.hasOwn(parsed, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it("feeds the matcher: a declared-JSON scalar can be matched, a text body offers no fields", () => {
    const match = (text: string, contentType: string, filter: unknown) =>
      matchFilter({ body: filter }, { body: parseBodyForFilter(bytes(text), contentType), headers: {}, query: "", path: "/" });
    expect(match("false", "application/json", false)).toBe(true);
    expect(match('{"type":"ping"}', "text/plain", { type: "ping" })).toBe(true);
    expect(match("type=ping", "application/x-www-form-urlencoded", { type: "ping" })).toBe(false);
    expect(match("ping", "text/plain", "ping")).toBe(false);
  });
});

describe("parseQuery", () => {
  it.each([
    ["empty", "", {}],
    ["a leading ?", "?a=1", { a: "1" }],
    ["one parameter", "a=1", { a: "1" }],
    ["two parameters", "a=1&b=x", { a: "1", b: "x" }],
    ["a repeated parameter gives a list in order", "t=b&t=a&t=c", { t: ["b", "a", "c"] }],
    ["a repeated parameter among others", "t=1&u=2&t=3", { t: ["1", "3"], u: "2" }],
    ["no value", "flag", { flag: "" }],
    ["an empty value", "flag=", { flag: "" }],
    ["percent-decoding", "topic=orders%2Fcreate&q=%C3%A9", { topic: "orders/create", q: "é" }],
    ["plus is a space", "q=a+b", { q: "a b" }],
    ["an equals sign in a value", "sig=a%3Db=c", { sig: "a=b=c" }],
    ["brackets stay in the name", "a[b]=1&c[]=2&c[]=3", { "a[b]": "1", "c[]": ["2", "3"] }],
    ["names are case-sensitive", "A=1&a=2", { A: "1", a: "2" }],
  ])("%s", (_what, query, expected) => {
    expect(parseQuery(query)).toEqual(expected);
  });

  it("collects a parameter repeated thousands of times in one list, in order", () => {
    const parsed = parseQuery(Array.from({ length: 20_000 }, (_, i) => `id=${i}`).join("&"));
    expect(parsed.id).toHaveLength(20_000);
    expect((parsed.id as string[])[19_999]).toBe("19999");
  });

  it("keeps a parameter named __proto__ as a parameter", () => {
    const parsed = parseQuery("__proto__=x&constructor=y");
    expect(Object.hasOwn(parsed, "__proto__")).toBe(true);
    expect(parsed.constructor).toBe("y");
  });
});
