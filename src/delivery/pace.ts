import type { Pacer, PaceDecision, PaceLimits } from "../pacing/pacer";
import { lateTolerance, type RateLimit } from "../pacing/schedule";
import { leaseFor } from "../events/claim";

// Asking a destination's pacer for a start, for destinations that have limits. Destinations without
// limits never call their pacer: no Durable Object round trip on the common path.

export type PacerStub = Pick<DurableObjectStub<Pacer>, "acquire" | "release" | "backOff" | "reslot">;

export type PaceOutcome =
  /**
   * Start at `startAt` (epoch ms; now or in the past means at once); if the start comes too late
   * (see `late`), ask `reslot` for a new time; call `release` when the attempt ends.
   */
  | { kind: "go"; startAt: number; late: (startAt: number, now: number) => boolean; reslot: () => Promise<number>; release: () => Promise<void> }
  | { kind: "requeue"; delayMs: number; retryAt?: number };

const released = async () => {};
const never = () => false;

export async function pace(
  pacer: () => PacerStub,
  destination: { rateLimit: RateLimit | null; maxConcurrency: number | null; timeoutMs: number },
  now: () => number,
): Promise<PaceOutcome> {
  if (!destination.rateLimit && !destination.maxConcurrency) return { kind: "go", startAt: 0, late: never, reslot: async () => now(), release: released };
  const stub = pacer();
  const limits: PaceLimits = {
    rateLimit: destination.rateLimit,
    maxConcurrency: destination.maxConcurrency,
    leaseMs: leaseFor(destination.timeoutMs),
  };
  const decision = (await stub.acquire(limits)) as PaceDecision;
  if (decision.kind === "later") return { kind: "requeue", delayMs: decision.retryAt - now(), retryAt: decision.retryAt };
  if (decision.kind === "busy") return { kind: "requeue", delayMs: decision.retryAfterMs };
  const leaseId = decision.leaseId;
  const rate = destination.rateLimit;
  return {
    kind: "go",
    startAt: decision.startAt,
    // Starting later than this could crowd the holders of the following slots.
    late: rate ? (startAt, at) => at - startAt > lateTolerance(rate) : never,
    reslot: rate ? () => stub.reslot(rate) : async () => now(),
    release: leaseId ? () => stub.release(leaseId) : released,
  };
}
