import { describe, expect, it } from "vitest";
import { decodeTransformBody, encodeTransformBody, runTransformation } from "../../../src/rules/transform";
import { handler, stripeRequest } from "./transform-fixtures";

async function returning(expression: string) {
  return runTransformation({ code: handler(`return ${expression};`), request: stripeRequest(), env: { KNOWN: "k" } });
}

describe("the returned request", () => {
  it.each([
    ["undefined", "undefined", "the handler must return the request object; it returned undefined"],
    ["nothing", "", "the handler must return the request object; it returned undefined"],
    ["null", "null", "the handler must return the request object; it returned null"],
    ["a string", "'done'", "the handler must return the request object; it returned a string"],
    ["an array", "[request]", "the handler must return the request object; it returned an array"],
    ["a function", "() => request", "the handler must return the request object; it returned a function"],
    ["no body", "{ headers: request.headers }", "the returned request has no body; use null for an empty body"],
    ["a misspelt field", "{ ...request, bodyy: {} }", 'the returned request has unknown field(s) "bodyy"; allowed: body, headers, query, path, method'],
    ["no headers", "{ body: {} }", "headers must be an object of header names to string values"],
    ["headers as an array", "{ ...request, headers: [] }", "headers must be an object of header names to string values"],
    ["a number header", "{ ...request, headers: { 'x-n': 5 } }", 'header "x-n" must be a string; got number'],
    ["a null header", "{ ...request, headers: { 'x-n': null } }", 'header "x-n" must be a string; got null'],
    ["an undefined header", "{ ...request, headers: { 'x-key': context.env.MISSING } }", 'header "x-key" is undefined (is a variable missing from context.env?)'],
    ["an invalid header name", "{ ...request, headers: { 'x key': 'v' } }", '"x key" is not a valid header name'],
    ["a header value with a line break", "{ ...request, headers: { 'x-a': 'v\\r\\nx-b: injected' } }", 'header "x-a" contains a line break or NUL'],
    ["one header in two cases", "{ ...request, headers: { 'X-A': '1', 'x-a': '2' } }", 'header "x-a" is set twice with different cases'],
    ["a relative path", "{ ...request, path: 'orders' }", 'path must be a string that starts with "/" and has no "?", "#" or whitespace; got "orders"'],
    ["a path with a query", "{ ...request, path: '/orders?a=1' }", 'path must be a string that starts with "/" and has no "?", "#" or whitespace; got "/orders?a=1"'],
    ["a query object", "{ ...request, query: { a: 1 } }", 'query must be a string without "#" or whitespace, such as "a=1&b=2"; got {"a":1}'],
    ["a method with a space", "{ ...request, method: 'PO ST' }", 'method must be an HTTP method such as "POST"; got "PO ST"'],
    ["a body JSON cannot hold", "{ ...request, body: { n: 10n } }", "the returned request cannot be serialized as JSON: TypeError: Do not know how to serialize a BigInt"],
  ])("is refused when it is %s", async (_case, expression, error) => {
    expect(await returning(expression)).toEqual({ ok: false, error, console: [] });
  });

  it("is refused when it serializes to something other than an object", async () => {
    expect(await returning("{ toJSON() { return 'x'; } }")).toEqual({
      ok: false,
      error: "the returned request does not serialize as a JSON object: is toJSON defined on it or on Object.prototype?",
      console: [],
    });
  });

  it("is refused, without harm to the host, when the code subverts JSON serialization", async () => {
    const code = `Object.prototype.toJSON = function () { return null; };\n${handler("return request;")}`;
    expect(await runTransformation({ code, request: stripeRequest() })).toEqual({
      ok: false,
      error: "the returned request does not serialize as a JSON object: is toJSON defined on it or on Object.prototype?",
      console: [],
    });
  });

  it("keeps the original path, query and method when they are left out (Hookdeck has no method)", async () => {
    const result = await returning("{ body: { n: 1 }, headers: { 'content-type': 'application/json' } }");
    expect(result).toEqual({
      ok: true,
      request: { ...stripeRequest(), body: { n: 1 }, headers: { "content-type": "application/json" } },
      console: [],
    });
  });

  it("lowercases header names, drops a leading '?' from the query and uppercases the method", async () => {
    const result = await returning("{ ...request, headers: { 'X-Event': request.body.type }, query: '?a=1', method: 'patch' }");
    expect(result).toMatchObject({ ok: true, request: { headers: { "x-event": "charge.succeeded" }, query: "a=1", method: "PATCH" } });
  });

  it.each([
    ["null", "null", null],
    ["a number", "25.99", 25.99],
    ["a string", "'plain text'", "plain text"],
    ["an array", "[1, 2]", [1, 2]],
  ])("accepts %s as the body", async (_case, body, expected) => {
    expect(await returning(`{ ...request, body: ${body} }`)).toMatchObject({ ok: true, request: { body: expected } });
  });

  it("accepts a header named like an Object.prototype member", async () => {
    const result = await returning("{ ...request, headers: { constructor: 'c', ['__proto__']: 'p' } }");
    expect(result.ok && Object.entries(result.request.headers)).toEqual([
      ["constructor", "c"],
      ["__proto__", "p"],
    ]);
  });
});

describe("transform bodies", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it.each([
    ["a JSON object", ' {"id":"evt_1","amount":100}', { id: "evt_1", amount: 100 }],
    ["a JSON array", "[1,2]", [1, 2]],
    ["a JSON scalar, kept as text", "42", "42"],
    ["a JSON string literal, kept as text", '"quoted"', '"quoted"'],
    ["form data", "a=1&b=2", "a=1&b=2"],
    ["broken JSON", '{"id":', '{"id":'],
    ["an empty body", "", ""],
  ])("decodes %s", (_case, text, expected) => {
    expect(decodeTransformBody(bytes(text))).toEqual(expected);
  });

  it.each([
    ["an object", { a: 1 }, '{"a":1}'],
    ["a string, as it is", '"quoted"', '"quoted"'],
    ["a number", 42, "42"],
    ["null", null, "null"],
  ])("encodes %s", (_case, body, expected) => {
    expect(encodeTransformBody(body)).toBe(expected);
  });

  it.each(['{"a":[1,{"b":null}]}', "[]", "42", '"x"', "a=1&b=2", ""])("round-trips %j unchanged", (text) => {
    expect(encodeTransformBody(decodeTransformBody(bytes(text)))).toBe(text);
  });
});
