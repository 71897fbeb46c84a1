/** What one run may use. Every run gets a fresh QuickJS runtime with these limits. */
export interface TransformLimits {
  /**
   * QuickJS's own allocation limit (spec §5: 16 MiB). In this WebAssembly build it bounds single
   * allocations and the number of allocations but not their total size, so quickjs.ts also fixes the
   * size of the WebAssembly memory itself, which is the cap that holds.
   */
  memoryBytes: number;
  /**
   * QuickJS's stack limit. Kept well below the host's own stack: if the host overflowed first, the
   * WebAssembly instance would be left mid-call and unusable.
   */
  stackBytes: number;
  /**
   * The instruction budget, in interrupt-handler polls. QuickJS polls about every 10,000 function
   * calls or loop iterations. A counter rather than a clock: in production `Date.now()` does not
   * advance during pure computation, and a count also makes a run's outcome the same everywhere.
   */
  interruptPolls: number;
  /**
   * Largest request, as JSON characters, handed to a sandbox. Parsed, a JSON body takes a few
   * times its size, so this is about what fits in the memory cap (less when the code copies the
   * body); a larger request is refused up front with a clear error instead of failing somewhere
   * inside QuickJS.
   */
  requestChars: number;
  /** Console lines kept per run; later lines are counted, not kept. */
  consoleLines: number;
  /** Characters kept per console line. */
  consoleLineChars: number;
}

export const DEFAULT_LIMITS: TransformLimits = {
  memoryBytes: 16 * 1024 * 1024,
  stackBytes: 128 * 1024,
  // About five million calls or loop iterations: a 10-field transformation of a 5 KB payload
  // needs one poll, a recursive redaction of a 2 MB body about a hundred.
  interruptPolls: 500,
  requestChars: 4 * 1024 * 1024,
  consoleLines: 100,
  consoleLineChars: 2000,
};

export function withDefaults(limits: Partial<TransformLimits> | undefined): TransformLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}
