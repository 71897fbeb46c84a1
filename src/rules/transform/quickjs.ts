import releaseSync from "@jitl/quickjs-wasmfile-release-sync";
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSWASMModule } from "quickjs-emscripten-core";

// QuickJS counts 8 bytes per allocation against its memory limit in this build, whatever the
// allocation's size (Emscripten has no malloc_usable_size; quickjs-emscripten issues #255, #271),
// so a script keeping large strings or arrays would grow the WebAssembly memory to 2 GiB. A memory
// of fixed size is what actually caps a run: malloc then fails inside QuickJS, which throws
// "out of memory" and stays usable. The memory starts at its full size because growing it would
// also detach the typed-array views quickjs-emscripten keeps across calls
// (getOwnPropertyNames reads a stale one and then traps).
const PAGE_BYTES = 64 * 1024;
// About 5 MiB is static data and the C stack; the rest is heap for the one sandbox that runs at a
// time in an isolate, about 18 MiB.
const MEMORY_BYTES = 24 * 1024 * 1024;

/**
 * Instantiates QuickJS from an already compiled WebAssembly module: Workers refuse to compile
 * WebAssembly from bytes at run time, so the caller imports the `.wasm` file as a module.
 */
export function createQuickJS(wasmModule: WebAssembly.Module): Promise<QuickJSWASMModule> {
  const pages = MEMORY_BYTES / PAGE_BYTES;
  const wasmMemory = new WebAssembly.Memory({ initial: pages, maximum: pages });
  return newQuickJSWASMModuleFromVariant(newVariant(releaseSync, { wasmModule, wasmMemory }));
}

const broken = new WeakSet<QuickJSWASMModule>();

/**
 * Records that a host-level fault (a trap, or the host's own stack overflowing) interrupted this
 * instance mid-call. Its memory may be inconsistent, so it must not run or dispose anything again.
 */
export function markBroken(quickjs: QuickJSWASMModule): void {
  broken.add(quickjs);
}

export function isBroken(quickjs: QuickJSWASMModule): boolean {
  return broken.has(quickjs);
}
