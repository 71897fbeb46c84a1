import { describe, expect, it } from "vitest";
import { deferUntil, reserveSlot, slotInterval, type RateState } from "../../../src/pacing/schedule";

const fresh: RateState = { nextSlotAt: 0, blockedUntil: 0 };

describe("reserveSlot", () => {
  it("spreads a burst evenly: 10/s gives a slot every 100 ms (plus the 5 % margin)", () => {
    let state = fresh;
    const slots: number[] = [];
    for (let i = 0; i < 25; i++) {
      const r = reserveSlot(state, { limit: 10, period: "second" }, 1_000);
      slots.push(r.slotAt);
      state = r.state;
    }
    expect(slots.slice(0, 4)).toEqual([1_000, 1_105, 1_210, 1_315]);
    // No window of one second holds more than 10 starts.
    for (const start of slots) expect(slots.filter((s) => s >= start && s < start + 1_000).length).toBeLessThanOrEqual(10);
  });

  it("does not bank unused time: after a quiet spell the next slot is now, not in the past", () => {
    const r = reserveSlot({ nextSlotAt: 500, blockedUntil: 0 }, { limit: 1, period: "second" }, 10_000);
    expect(r.slotAt).toBe(10_000);
    expect(r.state.nextSlotAt).toBe(11_050);
  });

  it("honours a back-off from a 429", () => {
    const r = reserveSlot({ nextSlotAt: 0, blockedUntil: 60_000 }, { limit: 100, period: "minute" }, 1_000);
    expect(r.slotAt).toBe(60_000);
  });

  it("hands out now and keeps no spacing without a rate limit", () => {
    expect(reserveSlot(fresh, null, 42)).toEqual({ slotAt: 42, state: fresh });
  });

  it.each([
    [{ limit: 10, period: "second" as const }, 105],
    [{ limit: 120, period: "minute" as const }, 525],
    [{ limit: 1, period: "hour" as const }, 3_780_000],
  ])("interval for %j is %i ms", (rate, expected) => {
    expect(slotInterval(rate)).toBe(expected);
  });
});

describe("deferUntil", () => {
  const rate = { limit: 10, period: "second" as const };
  it("sends each caller back one slot after the last one sent away", () => {
    const state = { nextSlotAt: 5_000, blockedUntil: 0 };
    let frontier = 0;
    const times = [0, 1, 2].map(() => (frontier = deferUntil(state, rate, 1_000, frontier)));
    expect(times).toEqual([5_000, 5_105, 5_210]);
  });
  it("never before the next free slot or the end of a back-off", () => {
    expect(deferUntil({ nextSlotAt: 8_000, blockedUntil: 0 }, rate, 1_000, 2_000)).toBe(8_000);
    expect(deferUntil({ nextSlotAt: 0, blockedUntil: 9_000 }, rate, 1_000, 0)).toBe(9_000);
    expect(deferUntil({ nextSlotAt: 0, blockedUntil: 9_000 }, null, 1_000, 20_000)).toBe(9_000);
  });
});
