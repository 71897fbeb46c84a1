import type { QuickJSHandle } from "quickjs-emscripten-core";
import type { Vm } from "./vm";

/** Where user code failed; line and column refer to the transformation's own source. */
export interface Failure {
  message: string;
  line?: number;
  column?: number;
}

export const SOURCE_NAME = "transformation.js";

const LOCATION = new RegExp(`${SOURCE_NAME.replace(".", "\\.")}:(\\d+):(\\d+)`);

/**
 * Describes what the sandbox threw. An error is read through its `name`, `message` and `stack`
 * properties only; its `toString` is never called. Any getter it has runs within the run's budget.
 */
export function describeThrown(vm: Vm, thrown: QuickJSHandle): Failure {
  const kind = vm.kind(thrown);
  if (kind !== "object" && kind !== "array") return { message: `threw ${describePrimitive(vm, thrown, kind)}` };
  const name = vm.readString(thrown, "name");
  const message = vm.readString(thrown, "message");
  if (message === undefined) return { message: "threw an object that is not an Error" };
  const location = LOCATION.exec(vm.readString(thrown, "stack") ?? "");
  return {
    message: name ? `${name}: ${message}` : message,
    ...(location && { line: Number(location[1]), column: Number(location[2]) }),
  };
}

function describePrimitive(vm: Vm, value: QuickJSHandle, kind: string): string {
  if (kind === "string") return JSON.stringify(vm.context.getString(value).slice(0, 200));
  if (kind === "number" || kind === "boolean" || kind === "undefined" || kind === "null") return String(vm.context.dump(value));
  return `a ${kind}`;
}
