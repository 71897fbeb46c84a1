import type { DisposableResult, QuickJSContext, QuickJSHandle } from "quickjs-emscripten-core";

/** What a call into the context gives: a value, or what it threw. */
type CallResult = DisposableResult<QuickJSHandle, QuickJSHandle>;

/**
 * A sandbox's context with the intrinsics the host relies on, captured before the transformation's
 * code runs: the code may replace `JSON.parse` or `Promise.resolve`, and should spoil only its own
 * output by doing so, never the host's reading of it. Also owns the handles freed with the sandbox.
 */
export class Vm {
  private readonly handles: QuickJSHandle[] = [];
  private readonly json: QuickJSHandle;
  private readonly parseFn: QuickJSHandle;
  private readonly stringifyFn: QuickJSHandle;
  private readonly promise: QuickJSHandle;
  private readonly promiseResolveFn: QuickJSHandle;
  private readonly isArrayFn: QuickJSHandle;

  constructor(readonly context: QuickJSContext) {
    this.json = this.keep(context.getProp(context.global, "JSON"));
    this.parseFn = this.keep(context.getProp(this.json, "parse"));
    this.stringifyFn = this.keep(context.getProp(this.json, "stringify"));
    this.promise = this.keep(context.getProp(context.global, "Promise"));
    this.promiseResolveFn = this.keep(context.getProp(this.promise, "resolve"));
    const array = context.getProp(context.global, "Array");
    this.isArrayFn = this.keep(context.getProp(array, "isArray"));
    array.dispose();
  }

  /** Keeps a handle alive until the sandbox is disposed. */
  keep(handle: QuickJSHandle): QuickJSHandle {
    this.handles.push(handle);
    return handle;
  }

  dispose(): void {
    for (const handle of this.handles.reverse()) handle.dispose();
    this.handles.length = 0;
  }

  parse(text: string): CallResult {
    const argument = this.context.newString(text);
    try {
      return this.context.callFunction(this.parseFn, this.json, argument);
    } finally {
      argument.dispose();
    }
  }

  stringify(value: QuickJSHandle): CallResult {
    return this.context.callFunction(this.stringifyFn, this.json, value);
  }

  /** `Promise.resolve(value)`: adopts a thenable so the host can read its state. */
  resolve(value: QuickJSHandle): CallResult {
    return this.context.callFunction(this.promiseResolveFn, this.promise, value);
  }

  /** The `typeof` of a value, with `null` and arrays told apart from objects. */
  kind(value: QuickJSHandle): string {
    const type = this.context.typeof(value);
    if (type !== "object") return type;
    if (this.context.eq(value, this.context.null)) return "null";
    const result = this.context.callFunction(this.isArrayFn, this.context.undefined, value);
    if (result.error) {
      result.error.dispose();
      return "object";
    }
    const isArray = this.context.dump(result.value) === true;
    result.value.dispose();
    return isArray ? "array" : "object";
  }

  /** A string property, or undefined when it is missing, not a string, or its getter throws. */
  readString(object: QuickJSHandle, key: string): string | undefined {
    const value = this.context.getProp(object, key);
    try {
      return this.context.typeof(value) === "string" ? this.context.getString(value) : undefined;
    } finally {
      value.dispose();
    }
  }
}
