// The file by path: Wrangler picks its CompiledWasm rule by the import's name, which must end in
// `.wasm` (the package's exported `/wasm` subpath does not), and Vite refuses package subpaths the
// package does not export, so a relative path is the one form both accept.
import wasmModule from "../../../node_modules/@jitl/quickjs-wasmfile-release-sync/dist/emscripten-module.wasm";
import type { QuickJSWASMModule } from "quickjs-emscripten-core";
import { createQuickJS, isBroken } from "./quickjs";

// One QuickJS instance per isolate: instantiating costs tens of milliseconds, a runtime and context
// per run well under one. Runs never overlap (each is synchronous once the instance exists), so the one
// instance's memory is all the running sandbox's.
let instance: Promise<QuickJSWASMModule> | undefined;

export async function isolateQuickJS(): Promise<QuickJSWASMModule> {
  const current = instance ?? (instance = createQuickJS(wasmModule));
  try {
    const quickjs = await current;
    if (!isBroken(quickjs)) return quickjs;
  } catch (error) {
    if (instance === current) instance = undefined;
    throw error;
  }
  if (instance === current) instance = undefined;
  return isolateQuickJS();
}
