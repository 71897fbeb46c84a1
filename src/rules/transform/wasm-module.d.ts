// Wrangler bundles `.wasm` imports as compiled modules (CompiledWasm), the only form in which
// Workers accept WebAssembly; the Workers vitest pool does the same.
declare module "*.wasm" {
  const wasmModule: WebAssembly.Module;
  export default wasmModule;
}
