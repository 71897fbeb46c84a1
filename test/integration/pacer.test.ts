import { env, evictDurableObject, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { INLINE_WAIT_MS, Pacer, type PaceDecision } from "../../src/pacing/pacer";

const stubFor = (name: string) => env.PACER.get(env.PACER.idFromName(name));
const limits = (over: Partial<Parameters<Pacer["acquire"]>[0]> = {}) => ({ rateLimit: null, maxConcurrency: null, leaseMs: 60_000, ...over });

describe("Pacer Durable Object", () => {
  it("hands concurrent callers distinct slots one interval apart, and far ones come back later", async () => {
    const stub = stubFor("spacing");
    const rate = { limit: 10, period: "second" as const };
    const decisions = (await Promise.all(Array.from({ length: 80 }, () => stub.acquire(limits({ rateLimit: rate }))))) as PaceDecision[];
    const spaced = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(105);
      return sorted;
    };
    // Slots (actual starts) are one interval apart; callers sent away are told to come back one
    // interval apart too, after the slots within reach.
    const starts = spaced(decisions.flatMap((d) => (d.kind === "start" ? [d.startAt] : [])));
    const returns = spaced(decisions.flatMap((d) => (d.kind === "later" ? [d.retryAt] : [])));
    expect(returns.length).toBeGreaterThan(0);
    expect(returns[0]! - starts[0]!).toBeGreaterThan(INLINE_WAIT_MS - 200);
  });

  it("sends callers whose slot is far off away, spread one interval apart, without holding slots for them", async () => {
    const stub = stubFor("deferral");
    const rate = { limit: 1, period: "minute" as const };
    expect(((await stub.acquire(limits({ rateLimit: rate }))) as PaceDecision).kind).toBe("start");
    const before = await stub.inspect();
    const [a, b] = (await Promise.all([stub.acquire(limits({ rateLimit: rate })), stub.acquire(limits({ rateLimit: rate }))])) as PaceDecision[];
    expect(a!.kind).toBe("later");
    expect(b!.kind).toBe("later");
    const times = [a, b].map((d) => (d as { retryAt: number }).retryAt).sort((x, y) => x - y);
    expect(times[1]! - times[0]!).toBe(63_000);
    expect((await stub.inspect()).nextSlotAt).toBe(before.nextSlotAt);
  });

  it("holds max_concurrency: a caller waits for a release, or is told to come back", async () => {
    const stub = stubFor("concurrency");
    const two = limits({ maxConcurrency: 2 });
    const a = (await stub.acquire(two)) as Extract<PaceDecision, { kind: "start" }>;
    const b = (await stub.acquire(two)) as Extract<PaceDecision, { kind: "start" }>;
    expect(a.leaseId && b.leaseId).toBeTruthy();
    const waiting = stub.acquire(two);
    await new Promise((r) => setTimeout(r, 200));
    await stub.release(a.leaseId!);
    expect(((await waiting) as PaceDecision).kind).toBe("start");
    expect((await stub.inspect()).inFlight).toBe(2);
  });

  it("keeps its limits across eviction", async () => {
    const stub = stubFor("evicted");
    const rate = { limit: 1, period: "hour" as const };
    await stub.acquire(limits({ rateLimit: rate }));
    const before = await stub.inspect();
    await evictDurableObject(stub);
    const after = await stubFor("evicted").inspect();
    expect(after.nextSlotAt).toBe(before.nextSlotAt);
    const next = (await stubFor("evicted").acquire(limits({ rateLimit: rate }))) as PaceDecision;
    expect(next.kind).toBe("later");
  });

  it("stores a back-off that later slots respect", async () => {
    const stub = stubFor("backoff");
    const until = Date.now() + 30_000;
    await stub.backOff(until);
    const d = (await stub.acquire(limits({ rateLimit: { limit: 100, period: "second" } }))) as PaceDecision;
    expect(d).toEqual({ kind: "later", retryAt: until });
    await runInDurableObject(stub, async (_instance, state) => {
      const row = state.storage.sql.exec<{ blocked_until: number }>("SELECT blocked_until FROM rate_state").one();
      expect(row.blocked_until).toBe(until);
    });
  });
});
