import type { Pacer, PaceDecision, PaceLimits } from "../pacing/pacer";
import type { RateLimit } from "../pacing/schedule";

// Asking a destination's pacer for a start, for destinations that have limits. Destinations without
// limits never call their pacer: no Durable Object round trip on the common path.

export type PacerStub = Pick<DurableObjectStub<Pacer>, "acquire" | "release" | "backOff">;

export type PaceOutcome =
  | { kind: "go"; release: () => Promise<void> }
  | { kind: "requeue"; delayMs: number; slotAt?: number };

const released = async () => {};

export async function pace(
  pacer: () => PacerStub,
  destination: { rateLimit: RateLimit | null; maxConcurrency: number | null; timeoutMs: number },
  slotAt: number | undefined,
  now: () => number,
): Promise<PaceOutcome> {
  if (!destination.rateLimit && !destination.maxConcurrency) return { kind: "go", release: released };
  const stub = pacer();
  const limits: PaceLimits = {
    rateLimit: destination.rateLimit,
    maxConcurrency: destination.maxConcurrency,
    leaseMs: destination.timeoutMs + 30_000,
  };
  const decision = (await stub.acquire(limits, slotAt)) as PaceDecision;
  if (decision.kind === "later") return { kind: "requeue", delayMs: decision.slotAt - now(), slotAt: decision.slotAt };
  if (decision.kind === "busy") return { kind: "requeue", delayMs: decision.retryAfterMs };
  const wait = decision.startAt - now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const leaseId = decision.leaseId;
  return { kind: "go", release: leaseId ? () => stub.release(leaseId) : released };
}
