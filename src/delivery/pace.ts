import type { Pacer, PaceDecision, PaceLimits } from "../pacing/pacer";
import type { RateLimit } from "../pacing/schedule";

// Asking a destination's pacer for a start, for destinations that have limits. Destinations without
// limits never call their pacer: no Durable Object round trip on the common path.

export type PacerStub = Pick<DurableObjectStub<Pacer>, "acquire" | "release" | "backOff">;

export type PaceOutcome =
  /** Start in `waitMs` (0: now); call `release` when the attempt ends. */
  | { kind: "go"; waitMs: number; release: () => Promise<void> }
  | { kind: "requeue"; delayMs: number; retryAt?: number };

const released = async () => {};

export async function pace(
  pacer: () => PacerStub,
  destination: { rateLimit: RateLimit | null; maxConcurrency: number | null; timeoutMs: number },
  now: () => number,
): Promise<PaceOutcome> {
  if (!destination.rateLimit && !destination.maxConcurrency) return { kind: "go", waitMs: 0, release: released };
  const stub = pacer();
  const limits: PaceLimits = {
    rateLimit: destination.rateLimit,
    maxConcurrency: destination.maxConcurrency,
    leaseMs: destination.timeoutMs + 30_000,
  };
  const decision = (await stub.acquire(limits)) as PaceDecision;
  if (decision.kind === "later") return { kind: "requeue", delayMs: decision.retryAt - now(), retryAt: decision.retryAt };
  if (decision.kind === "busy") return { kind: "requeue", delayMs: decision.retryAfterMs };
  const leaseId = decision.leaseId;
  return { kind: "go", waitMs: Math.max(0, decision.startAt - now()), release: leaseId ? () => stub.release(leaseId) : released };
}
