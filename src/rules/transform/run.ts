import type { QuickJSWASMModule } from "quickjs-emscripten-core";
import type { TransformLimits } from "./limits";
import { parseQuery } from "../filter/input";
import { checkReturnedRequest } from "./returned-request";
import { Sandbox, SandboxFault } from "./sandbox";
import type { Failure } from "./thrown-value";
import type { CheckResult, TransformInput, TransformResult } from "./types";

/** Runs one transformation in a fresh sandbox of the given QuickJS instance (spec §5). */
export function runInQuickJS(quickjs: QuickJSWASMModule, input: TransformInput, limits: TransformLimits): TransformResult {
  const contextJson = JSON.stringify({ env: { ...input.env }, connection: input.connection });
  const { request } = input;
  const requestJson = JSON.stringify({
    body: request.body ?? null,
    headers: request.headers,
    query: request.query,
    parsed_query: parseQuery(request.query),
    path: request.path,
    method: request.method,
  });
  if (requestJson.length + contextJson.length > limits.requestChars) {
    const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
    const error = `the request is too large to transform: ${mib(requestJson.length)} MiB as JSON, the limit is ${mib(limits.requestChars)} MiB`;
    return { ok: false, error, console: [] };
  }
  let sandbox: Sandbox | undefined;
  try {
    sandbox = new Sandbox(quickjs, limits, contextJson);
    const evaluated = sandbox.evaluate(input.code);
    const reply = evaluated.ok ? sandbox.invoke(requestJson) : evaluated;
    const console = sandbox.console.result();
    if (!reply.ok) return { ok: false, error: located(reply.failure), console };
    const checked = checkReturnedRequest(reply.value, request);
    return checked.ok ? { ok: true, request: checked.value, console } : { ok: false, error: checked.error, console };
  } catch (error) {
    if (error instanceof SandboxFault) return { ok: false, error: error.message, console: sandbox?.console.result() ?? [] };
    throw error;
  } finally {
    sandbox?.dispose();
  }
}

/**
 * Compile-on-save: evaluates the code's top level in a fresh sandbox, which reports syntax errors
 * with their line and proves the code registers a transform handler. The handler itself is not run.
 */
export function checkInQuickJS(quickjs: QuickJSWASMModule, code: string, limits: TransformLimits): CheckResult {
  let sandbox: Sandbox | undefined;
  try {
    sandbox = new Sandbox(quickjs, limits, JSON.stringify({ env: {} }));
    const evaluated = sandbox.evaluate(code);
    if (!evaluated.ok) return { ok: false, error: evaluated.failure.message, ...location(evaluated.failure) };
    if (!sandbox.hasHandler()) {
      return { ok: false, error: 'the code never calls addHandler("transform", (request, context) => request)' };
    }
    return { ok: true };
  } catch (error) {
    if (error instanceof SandboxFault) return { ok: false, error: error.message };
    throw error;
  } finally {
    sandbox?.dispose();
  }
}

function located(failure: Failure): string {
  return failure.line === undefined ? failure.message : `${failure.message} (line ${failure.line}, column ${failure.column})`;
}

function location(failure: Failure): { line?: number; column?: number } {
  return failure.line === undefined ? {} : { line: failure.line, column: failure.column };
}
