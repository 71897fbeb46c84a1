import type { QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from "quickjs-emscripten-core";
import { errorField, log } from "../../log";
import { ConsoleCapture } from "./console-capture";
import { installGlobals } from "./globals";
import type { TransformLimits } from "./limits";
import { markBroken } from "./quickjs";
import { undefinedHeaderNames, type Reply } from "./read-result";
import { describeThrown, SOURCE_NAME, type Failure } from "./thrown-value";
import { Vm } from "./vm";

export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: Failure };

/**
 * One run's QuickJS runtime and context, with Hookdeck's globals installed and the limits set.
 * Nothing survives `dispose()`: the next run gets a new runtime, so no global, prototype change or
 * pending job can leak from one run into another.
 */
export class Sandbox {
  readonly console: ConsoleCapture;
  private runtime: QuickJSRuntime | undefined;
  private vm!: Vm;
  private handlerContext!: QuickJSHandle;
  private handler: QuickJSHandle | undefined;
  private polls = 0;
  private budgetExceeded = false;
  private failMessage: string | undefined;
  private faulted = false;

  constructor(
    private readonly quickjs: QuickJSWASMModule,
    private readonly limits: TransformLimits,
    contextJson: string,
  ) {
    this.console = new ConsoleCapture(limits.consoleLines, limits.consoleLineChars);
    this.host(() => this.open(contextJson));
  }

  /** Runs the transformation's top-level code, which is expected to call addHandler. */
  evaluate(code: string): Outcome<void> {
    return this.host(() => {
      const result = this.vm.context.evalCode(code, SOURCE_NAME, { type: "global" });
      if (result.error) return this.failure(result.error);
      result.value.dispose();
      return { ok: true, value: undefined };
    });
  }

  hasHandler(): boolean {
    return this.handler !== undefined;
  }

  /** Calls the registered handler with the request and reads what it returned. */
  invoke(requestJson: string): Outcome<Reply> {
    return this.host(() => {
      if (this.handler === undefined) {
        return { ok: false, failure: { message: 'no transform handler: the code must call addHandler("transform", (request, context) => request)' } };
      }
      const { context } = this.vm;
      const request = this.vm.parse(requestJson);
      if (request.error) return this.failure(request.error);
      const result = context.callFunction(this.handler, context.undefined, request.value, this.handlerContext);
      request.value.dispose();
      if (result.error) return this.failure(result.error);
      const settled = this.isThenable(result.value) ? this.settle(result.value) : { ok: true as const, value: result.value };
      if (!settled.ok) return settled;
      const reply = this.read(settled.value);
      settled.value.dispose();
      if (this.failMessage !== undefined) return { ok: false, failure: this.explicitFailure() };
      return reply;
    });
  }

  dispose(): void {
    // An instance that faulted may trap again while freeing; abandoning it is the only safe course.
    if (this.faulted) return;
    try {
      this.handler?.dispose();
      this.vm?.dispose();
      this.vm?.context.dispose();
      this.runtime?.dispose();
    } catch (error) {
      // QuickJS aborts when a runtime is freed with objects still alive, which would be a bug here;
      // the run's result stands, and the instance is replaced before the next one.
      this.fault(error);
    }
  }

  private open(contextJson: string): void {
    const runtime = this.quickjs.newRuntime();
    this.runtime = runtime;
    runtime.setMemoryLimit(this.limits.memoryBytes);
    runtime.setMaxStackSize(this.limits.stackBytes);
    runtime.setInterruptHandler(() => {
      this.polls++;
      if (this.polls > this.limits.interruptPolls) this.budgetExceeded = true;
      return this.budgetExceeded;
    });
    this.vm = new Vm(runtime.newContext());
    this.handlerContext = this.vm.keep(this.vm.context.unwrapResult(this.vm.parse(contextJson)));
    installGlobals(this.vm, this.handlerContext, {
      log: (level, message) => this.console.add(level, message),
      fail: (message) => {
        this.failMessage ??= message;
      },
      register: (handler) => {
        this.handler?.dispose();
        this.handler = handler;
      },
    });
  }

  private isThenable(value: QuickJSHandle): boolean {
    if (this.vm.kind(value) !== "object") return false;
    const then = this.vm.context.getProp(value, "then");
    const callable = this.vm.context.typeof(then) === "function";
    then.dispose();
    return callable;
  }

  /** Settles what an async handler returned: with no timers or I/O, pending jobs do it or nothing will. */
  private settle(thenable: QuickJSHandle): Outcome<QuickJSHandle> {
    const { context } = this.vm;
    const resolved = this.vm.resolve(thenable);
    thenable.dispose();
    if (resolved.error) return this.failure(resolved.error);
    const promise = resolved.value;
    const jobs = this.runtime!.executePendingJobs();
    if (jobs.error) {
      promise.dispose();
      return this.failure(jobs.error);
    }
    if (this.budgetExceeded) {
      // The handler's own promise rejected, but the jobs that would pass that on were interrupted too.
      promise.dispose();
      return { ok: false, failure: this.budgetFailure() };
    }
    const state = context.getPromiseState(promise);
    promise.dispose();
    if (state.type === "pending") {
      return { ok: false, failure: { message: "the handler's promise never settled: the sandbox has no timers or I/O" } };
    }
    if (state.type === "rejected") return this.failure(state.error);
    return { ok: true, value: state.value };
  }

  /** Reads the handler's result; JSON serialization may run the code's own toJSON methods. */
  private read(value: QuickJSHandle): Outcome<Reply> {
    const kind = this.vm.kind(value);
    if (kind !== "object") return { ok: true, value: { kind, undefinedHeaders: [] } };
    const undefinedHeaders = undefinedHeaderNames(this.vm, value);
    const json = this.vm.stringify(value);
    if (json.error) {
      const failure = this.describe(json.error);
      if (this.budgetExceeded || this.failMessage !== undefined) return { ok: false, failure };
      return { ok: false, failure: { message: `the returned request cannot be serialized as JSON: ${failure.message}` } };
    }
    const text = this.vm.context.typeof(json.value) === "string" ? this.vm.context.getString(json.value) : undefined;
    json.value.dispose();
    return { ok: true, value: { kind, json: text, undefinedHeaders } };
  }

  private failure(thrown: QuickJSHandle): { ok: false; failure: Failure } {
    return { ok: false, failure: this.describe(thrown) };
  }

  /** Describes what the sandbox threw (and frees it), naming the limit when one stopped the run. */
  private describe(thrown: QuickJSHandle): Failure {
    const described = describeThrown(this.vm, thrown);
    thrown.dispose();
    if (this.failMessage !== undefined) return this.explicitFailure();
    if (this.budgetExceeded) return this.budgetFailure(described);
    if (/out of memory/.test(described.message)) {
      const mib = this.limits.memoryBytes / 1024 / 1024;
      return { ...described, message: `out of memory: a transformation may use about ${mib} MiB` };
    }
    if (/stack overflow/.test(described.message)) return { ...described, message: `${described.message}: recursion too deep` };
    return described;
  }

  /** The budget's message, at the place the run was stopped when it is known. */
  private budgetFailure(where?: Failure): Failure {
    const message = `instruction budget exceeded (${this.limits.interruptPolls} interrupt polls): is there an endless loop?`;
    return { ...where, message };
  }

  private explicitFailure(): Failure {
    return { message: `$transform.fail: ${this.failMessage}` };
  }

  /**
   * Runs a call into the WebAssembly instance. A host exception from it is a fault of the instance
   * (a trap, or the host's own stack overflowing mid-call), not a result of the transformation: the
   * instance is marked broken so that the isolate replaces it.
   */
  private host<T>(call: () => T): T {
    try {
      return call();
    } catch (error) {
      throw this.fault(error);
    }
  }

  private fault(error: unknown): SandboxFault {
    this.faulted = true;
    markBroken(this.quickjs);
    const fault = new SandboxFault(error);
    log("error", "transform_sandbox_fault", { error: errorField(error) });
    return fault;
  }
}

export class SandboxFault extends Error {
  constructor(cause: unknown) {
    super(`the sandbox crashed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "SandboxFault";
  }
}
