import type { QuickJSHandle } from "quickjs-emscripten-core";
import { showValues } from "./show-value";
import type { Vm } from "./vm";

/** What the globals report to the sandbox that installed them. */
export interface GlobalsHost {
  log(level: string, message: string): void;
  fail(message: string): void;
  register(handler: QuickJSHandle): void;
}

// The console methods are the one piece written in JavaScript: each must pass its level along, and
// five closures in a few lines of code are cheaper to create than five host functions.
const CONSOLE = `(function (log) {
  const console = {};
  for (const level of ["log", "info", "warn", "error", "debug"]) {
    console[level] = function () { log(level, ...arguments); };
  }
  return console;
})`;

/**
 * Defines what Hookdeck's runtime offers a transformation: `addHandler`, `console`, `process.env`
 * (the same object as `context.env`), `$transform.fail` and `global`. Nothing else reaches the
 * host: no fetch, no timers, no modules.
 */
export function installGlobals(vm: Vm, handlerContext: QuickJSHandle, host: GlobalsHost): void {
  const { context } = vm;
  const global = context.global;

  const log = vm.keep(
    context.newFunction("log", (level, ...args) => {
      host.log(context.getString(level), showValues(vm, args));
    }),
  );
  const makeConsole = vm.keep(context.unwrapResult(context.evalCode(CONSOLE, "console.js", { type: "global" })));
  context.setProp(global, "console", vm.keep(context.unwrapResult(context.callFunction(makeConsole, context.undefined, log))));
  context.setProp(global, "global", global);

  const processObject = vm.keep(context.newObject());
  context.setProp(processObject, "env", vm.keep(context.getProp(handlerContext, "env")));
  context.setProp(global, "process", processObject);

  const transform = vm.keep(context.newObject());
  const fail = vm.keep(
    context.newFunction("fail", (...args) => {
      const message = showValues(vm, args.slice(0, 1));
      host.fail(message);
      return { error: context.newError(`$transform.fail: ${message}`) };
    }),
  );
  context.setProp(transform, "fail", fail);
  context.setProp(global, "$transform", transform);

  const addHandler = vm.keep(
    context.newFunction("addHandler", (...args) => {
      const [type, handler] = args;
      const name = type === undefined ? "undefined" : showValues(vm, [type]);
      if (name !== "transform") {
        const message = `addHandler: unknown handler type ${JSON.stringify(name)}; only "transform" is supported`;
        return { error: context.newError({ name: "TypeError", message }) };
      }
      if (handler === undefined || context.typeof(handler) !== "function") {
        const message = 'addHandler("transform", handler): the handler must be a function';
        return { error: context.newError({ name: "TypeError", message }) };
      }
      host.register(handler.dup());
    }),
  );
  context.setProp(global, "addHandler", addHandler);
}
