import { describe, expect, it } from "vitest";
import { checkTransformation, runTransformation } from "../../../src/rules/transform";
import { handler, stripeRequest } from "./transform-fixtures";

describe("runTransformation", () => {
  it("runs the Hookdeck example of spec §5 unchanged", async () => {
    const code = `addHandler("transform", (request, context) => {
  request.body.amount_usd = request.body.amount / 100;
  return request;
});`;
    const result = await runTransformation({ code, request: { ...stripeRequest(), body: { amount: 2599 } } });
    expect(result).toEqual({ ok: true, request: { ...stripeRequest(), body: { amount: 2599, amount_usd: 25.99 } }, console: [] });
  });

  it("rewrites body, headers, path, query and method", async () => {
    const code = handler(`
      const charge = request.body.data.object;
      request.body = { charge: charge.id, cents: charge.amount, email: charge.receipt_email };
      request.headers["x-charge-id"] = charge.id;
      delete request.headers["stripe-signature"];
      request.path = "/orders/" + charge.metadata.order_id;
      request.query = "source=stripe";
      request.method = "put";
      return request;`);
    const result = await runTransformation({ code, request: stripeRequest() });
    expect(result).toEqual({
      ok: true,
      request: {
        body: { charge: "ch_3QabcDEFghiJKLmn0p1", cents: 2599, email: "jane@example.com" },
        headers: { "content-type": "application/json", "x-charge-id": "ch_3QabcDEFghiJKLmn0p1" },
        path: "/orders/1042",
        query: "source=stripe",
        method: "PUT",
      },
      console: [],
    });
  });

  it("hands the handler parsed_query beside the raw query, and ignores it on return", async () => {
    const code = handler(`
      request.body = { raw: request.query, parsed: request.parsed_query };
      request.parsed_query = { ignored: "yes" };
      return request;`);
    const result = await runTransformation({ code, request: stripeRequest() });
    expect(result.ok && result.request.body).toEqual({ raw: "mode=live&tag=a&tag=b", parsed: { mode: "live", tag: ["a", "b"] } });
    expect(result.ok && result.request.query).toBe("mode=live&tag=a&tag=b");
  });

  it("gives the transformation's variables as context.env and process.env, and the connection as context.connection", async () => {
    const code = `const atLoad = process.env.API_KEY;
addHandler("transform", (request, context) => {
  request.headers["x-api-key"] = context.env.API_KEY;
  request.body = { atLoad, same: context.env === process.env, source: context.connection.source.name };
  return request;
});`;
    const result = await runTransformation({
      code,
      request: stripeRequest(),
      env: { API_KEY: "key_123" },
      connection: { source: { name: "stripe" } },
    });
    expect(result.ok && result.request.headers["x-api-key"]).toBe("key_123");
    expect(result.ok && result.request.body).toEqual({ atLoad: "key_123", same: true, source: "stripe" });
  });

  it("passes a text body through as a string", async () => {
    const request = { ...stripeRequest(), headers: { "content-type": "text/plain" }, body: "hello" };
    const result = await runTransformation({ code: handler(`request.body = request.body.toUpperCase(); return request;`), request });
    expect(result.ok && result.request.body).toBe("HELLO");
  });

  it("supports an async handler", async () => {
    const code = `addHandler("transform", async (request) => {
  const id = await Promise.resolve(request.body.id);
  return { ...request, body: { id } };
});`;
    const result = await runTransformation({ code, request: stripeRequest() });
    expect(result.ok && result.request.body).toEqual({ id: "evt_1QabcDEFghiJKLmnop" });
  });

  it("fails an async handler whose promise can never settle", async () => {
    const result = await runTransformation({ code: handler(`return new Promise(() => {});`), request: stripeRequest() });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("never settled") });
  });

  it("offers no I/O or timers", async () => {
    const code = handler(`request.body = [typeof fetch, typeof setTimeout, typeof setInterval, typeof XMLHttpRequest, typeof require];
      return request;`);
    const result = await runTransformation({ code, request: stripeRequest() });
    expect(result.ok && result.request.body).toEqual(["undefined", "undefined", "undefined", "undefined", "undefined"]);
  });
});

describe("console capture", () => {
  it("captures each level with its arguments formatted", async () => {
    const code = handler(`
      console.log("charge", request.body.data.object.id, 42);
      console.info({ a: 1 }, [1, "x"]);
      console.warn(null, undefined, true);
      console.error(new TypeError("bad"));
      console.debug(function named() {});
      return request;`);
    const result = await runTransformation({ code, request: stripeRequest() });
    expect(result.console).toEqual([
      { level: "log", message: "charge ch_3QabcDEFghiJKLmn0p1 42" },
      { level: "info", message: '{"a":1} [1,"x"]' },
      { level: "warn", message: "null undefined true" },
      { level: "error", message: "TypeError: bad" },
      { level: "debug", message: "[Function named]" },
    ]);
  });

  it("keeps the output of a failed run", async () => {
    const result = await runTransformation({ code: handler(`console.log("before"); throw new Error("after");`), request: stripeRequest() });
    expect(result).toMatchObject({ ok: false, console: [{ level: "log", message: "before" }] });
  });

  it("keeps a bounded number of lines and characters", async () => {
    const code = handler(`for (let i = 0; i < 1000; i++) console.log("line " + i); console.log("x".repeat(5000)); return request;`);
    const result = await runTransformation({ code, request: stripeRequest() }, { consoleLines: 3, consoleLineChars: 10 });
    expect(result.console).toEqual([
      { level: "log", message: "line 0" },
      { level: "log", message: "line 1" },
      { level: "log", message: "line 2" },
      { level: "warn", message: "998 more console line(s) dropped: a run keeps 3" },
    ]);
    const long = await runTransformation({ code: handler(`console.log("x".repeat(5000)); return request;`), request: stripeRequest() }, { consoleLineChars: 10 });
    expect(long.console).toEqual([{ level: "log", message: "xxxxxxxxxx… (truncated)" }]);
  });

  it("does not break on values JSON cannot show", async () => {
    const code = handler(`const a = {}; a.self = a; console.log(a, 10n, Symbol("s")); return request;`);
    const result = await runTransformation({ code, request: stripeRequest() });
    expect(result.console).toEqual([{ level: "log", message: "[unserializable object] 10 Symbol(s)" }]);
  });
});

describe("failures", () => {
  it("reports a runtime exception with its message and line", async () => {
    const code = `addHandler("transform", (request) => {
  const customer = request.body.data.customer;
  return customer.id;
});`;
    const result = await runTransformation({ code, request: stripeRequest() });
    expect(result).toEqual({ ok: false, error: "TypeError: cannot read property 'id' of undefined (line 3, column 18)", console: [] });
  });

  it("reports values thrown that are not errors", async () => {
    expect(await runTransformation({ code: handler(`throw "nope";`), request: stripeRequest() })).toMatchObject({ error: 'threw "nope"' });
    expect(await runTransformation({ code: handler(`throw 7;`), request: stripeRequest() })).toMatchObject({ error: "threw 7" });
    expect(await runTransformation({ code: handler(`throw { code: 1 };`), request: stripeRequest() })).toMatchObject({
      error: "threw an object that is not an Error",
    });
  });

  it("fails on $transform.fail, even when the code catches what it throws", async () => {
    const code = handler(`try { $transform.fail("missing event_type"); } catch (e) {} return request;`);
    expect(await runTransformation({ code, request: stripeRequest() })).toEqual({ ok: false, error: "$transform.fail: missing event_type", console: [] });
  });

  it("fails code that never registers a handler, or registers another kind", async () => {
    expect(await runTransformation({ code: "const x = 1;", request: stripeRequest() })).toMatchObject({
      ok: false,
      error: expect.stringContaining('no transform handler: the code must call addHandler("transform"'),
    });
    expect(await runTransformation({ code: `addHandler("filter", () => true);`, request: stripeRequest() })).toMatchObject({
      ok: false,
      error: 'TypeError: addHandler: unknown handler type "filter"; only "transform" is supported (line 1, column 11)',
    });
  });

  it("fails a request too large to fit in the sandbox before running it", async () => {
    const request = { ...stripeRequest(), body: "x".repeat(100_000) };
    const result = await runTransformation({ code: handler("return request;"), request }, { requestChars: 50_000 });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("the request is too large to transform") });
  });
});

describe("checkTransformation", () => {
  it("accepts a transformation that registers a transform handler", async () => {
    expect(await checkTransformation(handler("return request;"))).toEqual({ ok: true });
  });

  it("reports a syntax error with its line and column", async () => {
    const code = `addHandler("transform", (request) => {
  request.body.total = ;
  return request;
});`;
    expect(await checkTransformation(code)).toEqual({
      ok: false,
      error: "SyntaxError: unexpected token in expression: ';'",
      line: 2,
      column: 24,
    });
  });

  it("refuses code that never calls addHandler", async () => {
    expect(await checkTransformation("function transform(request) { return request; }")).toEqual({
      ok: false,
      error: 'the code never calls addHandler("transform", (request, context) => request)',
    });
  });

  it("reports an error thrown at the top level with its line", async () => {
    expect(await checkTransformation(`const a = 1;\nundefinedHelper();\n${handler("return request;")}`)).toEqual({
      ok: false,
      error: "ReferenceError: 'undefinedHelper' is not defined",
      line: 2,
      column: 1,
    });
  });

  it("stops an endless loop at the top level", async () => {
    expect(await checkTransformation("while (true) {}")).toMatchObject({ ok: false, error: expect.stringContaining("instruction budget exceeded") });
  });

  it("does not run the handler", async () => {
    expect(await checkTransformation(handler("while (true) {}"))).toEqual({ ok: true });
  });
});
