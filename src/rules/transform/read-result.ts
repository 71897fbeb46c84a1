import type { QuickJSHandle } from "quickjs-emscripten-core";
import type { Vm } from "./vm";

/** What the handler returned, as the host reads it before checking its shape. */
export interface Reply {
  /** `typeof`, with "null" and "array" told apart. */
  kind: string;
  /** The value as JSON, for an object. */
  json?: string;
  /**
   * Headers set to `undefined`, which JSON would drop silently: typically a header set from a
   * variable that was never defined, which must fail loudly instead.
   */
  undefinedHeaders: string[];
}

export function undefinedHeaderNames(vm: Vm, request: QuickJSHandle): string[] {
  const { context } = vm;
  const headers = context.getProp(request, "headers");
  try {
    if (vm.kind(headers) !== "object") return [];
    const names = context.getOwnPropertyNames(headers, { strings: true, numbersAsStrings: true, onlyEnumerable: true });
    if (names.error) {
      names.error.dispose();
      return [];
    }
    const missing: string[] = [];
    for (const name of names.value) {
      const value = context.getProp(headers, name);
      if (context.typeof(value) === "undefined") missing.push(context.getString(name));
      value.dispose();
    }
    names.value.dispose();
    return missing;
  } finally {
    headers.dispose();
  }
}
