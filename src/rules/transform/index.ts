import { isolateQuickJS } from "./isolate-quickjs";
import { withDefaults, type TransformLimits } from "./limits";
import { checkInQuickJS, runInQuickJS } from "./run";
import type { CheckResult, TransformInput, TransformResult } from "./types";

export { decodeTransformBody, encodeTransformBody } from "./body";
export { DEFAULT_LIMITS, type TransformLimits } from "./limits";
export type { CheckResult, ConsoleLevel, ConsoleLine, TransformInput, TransformRequest, TransformResult } from "./types";

/** Runs a Hookdeck-style transformation on a request in a fresh QuickJS sandbox (spec §5). */
export async function runTransformation(input: TransformInput, limits?: Partial<TransformLimits>): Promise<TransformResult> {
  return runInQuickJS(await isolateQuickJS(), input, withDefaults(limits));
}

/** Checks a transformation when it is saved: syntax, top-level errors, and a registered handler. */
export async function checkTransformation(code: string, limits?: Partial<TransformLimits>): Promise<CheckResult> {
  return checkInQuickJS(await isolateQuickJS(), code, withDefaults(limits));
}
