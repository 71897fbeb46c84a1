import { afterEach, describe, expect, it, vi } from "vitest";
import { runTransformation } from "../../../src/rules/transform";
import { handler, stripeRequest } from "./transform-fixtures";

const passThrough = handler("return request;");

async function expectHealthy() {
  const result = await runTransformation({ code: handler(`request.body = { still: "working" }; return request;`), request: stripeRequest() });
  expect(result).toMatchObject({ ok: true, request: { body: { still: "working" } } });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("limits", () => {
  it("stops an endless loop on the instruction budget, and the next run still works", async () => {
    const result = await runTransformation({ code: handler("while (true) {}"), request: stripeRequest() });
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/^instruction budget exceeded \(500 interrupt polls\): is there an endless loop\? \(line 1, column \d+\)$/),
      console: [],
    });
    await expectHealthy();
  });

  it("stops an endless loop even when the code catches the interruption", async () => {
    const code = handler("for (;;) { try { while (true) {} } catch (e) { console.log('caught'); } }");
    const result = await runTransformation({ code, request: stripeRequest() });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("instruction budget exceeded"), console: [] });
  });

  it("stops an endless chain of promise jobs", async () => {
    const result = await runTransformation({ code: handler("return (async () => { for (;;) await null; })();"), request: stripeRequest() }, { interruptPolls: 20 });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("instruction budget exceeded") });
    await expectHealthy();
  });

  it("stops catastrophic regular-expression backtracking", async () => {
    const code = handler(`/(a+)+$/.test("a".repeat(40) + "b"); return request;`);
    expect(await runTransformation({ code, request: stripeRequest() })).toMatchObject({ ok: false, error: expect.stringContaining("instruction budget exceeded") });
  });

  it("scales the budget with the limit", async () => {
    const code = handler("for (let i = 0; i < 2e6; i++) {} return request;");
    expect((await runTransformation({ code, request: stripeRequest() }, { interruptPolls: 50 })).ok).toBe(false);
    expect((await runTransformation({ code, request: stripeRequest() }, { interruptPolls: 500 })).ok).toBe(true);
  });

  it.each([
    ["arrays", "let a = []; while (true) a.push(new Array(1e6).fill(1));"],
    ["large strings", "let a = []; while (true) a.push('x'.repeat(1e5) + a.length);"],
    ["typed arrays", "let a = []; while (true) a.push(new Uint8Array(1e6));"],
    ["many small objects", "let a = []; while (true) a.push({ n: a.length });"],
    ["one huge string", "'x'.repeat(64 * 1024 * 1024);"],
  ])("stops a memory bomb made of %s, and the next run still works", async (_kind, bomb) => {
    const result = await runTransformation({ code: handler(bomb), request: stripeRequest() });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("out of memory: a transformation may use about 16 MiB") });
    await expectHealthy();
  });

  it("stops runaway recursion on the stack limit", async () => {
    const code = `function depth(n) { return depth(n + 1) + 1; }\n${handler("return depth(0);")}`;
    const result = await runTransformation({ code, request: stripeRequest() });
    expect(result).toEqual({ ok: false, error: "InternalError: stack overflow: recursion too deep (line 1, column 33)", console: [] });
    await expectHealthy();
  });

  it("replaces the QuickJS instance when the host itself faults, and the next run works", async () => {
    // Without QuickJS's own stack limit, deep recursion overflows the host's stack mid-call.
    const code = `function depth(n) { return depth(n + 1) + 1; }\n${handler("return depth(0);")}`;
    const errors = vi.spyOn(console, "error");
    const result = await runTransformation({ code, request: stripeRequest() }, { stackBytes: 0 });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^the sandbox crashed: /) });
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('"event":"transform_sandbox_fault"'));
    await expectHealthy();
  });
});

describe("isolation", () => {
  it("leaks no globals, prototype changes or variables from one run into the next", async () => {
    const polluter = `globalThis.leaked = "yes"; var topLevel = 1; Object.prototype.polluted = "yes"; JSON.parse = () => "hijacked";
${handler("return request;")}`;
    expect((await runTransformation({ code: polluter, request: stripeRequest() })).ok).toBe(true);
    const observer = handler(`request.body = {
      leaked: typeof leaked, topLevel: typeof topLevel, polluted: ({}).polluted === undefined ? "no" : "yes",
      parse: JSON.parse('{"a":1}'),
    };
    return request;`);
    const result = await runTransformation({ code: observer, request: stripeRequest() });
    expect(result.ok && result.request.body).toEqual({ leaked: "undefined", topLevel: "undefined", polluted: "no", parse: { a: 1 } });
  });

  it("does not let one run's handler answer for the next run", async () => {
    await runTransformation({ code: handler(`request.body = "first"; return request;`), request: stripeRequest() });
    expect(await runTransformation({ code: "const noHandler = true;", request: stripeRequest() })).toMatchObject({ ok: false });
  });

  it("frees every run: a thousand runs leave room for a run that needs most of the memory", async () => {
    // A leaked runtime would keep well over 100 KB of the instance's fixed memory; a leaked handle
    // makes QuickJS abort when its runtime is freed, which the sandbox logs as a fault.
    const errors = vi.spyOn(console, "error");
    const bigRun = handler("const keep = []; for (let i = 0; i < 140; i++) keep.push('y'.repeat(1e5) + i); return request;");
    expect((await runTransformation({ code: bigRun, request: stripeRequest() })).ok).toBe(true);
    for (let i = 0; i < 1000; i++) {
      const result = await runTransformation({ code: i % 2 ? passThrough : handler("throw new Error('x');"), request: stripeRequest() });
      expect(result.ok).toBe(i % 2 === 1);
    }
    expect((await runTransformation({ code: bigRun, request: stripeRequest() })).ok).toBe(true);
    expect(errors).not.toHaveBeenCalled();
  });
});
