import { describe, expect, it } from "vitest";
import { reserveSlot, slotInterval, slotStillValid, type RateState } from "../../../src/pacing/schedule";

const fresh: RateState = { nextSlotAt: 0, blockedUntil: 0 };

describe("reserveSlot", () => {
  it("spreads a burst evenly: 10/s gives a slot every 100 ms", () => {
    let state = fresh;
    const slots: number[] = [];
    for (let i = 0; i < 25; i++) {
      const r = reserveSlot(state, { limit: 10, period: "second" }, 1_000);
      slots.push(r.slotAt);
      state = r.state;
    }
    expect(slots.slice(0, 4)).toEqual([1_000, 1_100, 1_200, 1_300]);
    // No window of one second holds more than 10 starts.
    for (const start of slots) expect(slots.filter((s) => s >= start && s < start + 1_000).length).toBeLessThanOrEqual(10);
  });

  it("does not bank unused time: after a quiet spell the next slot is now, not in the past", () => {
    const r = reserveSlot({ nextSlotAt: 500, blockedUntil: 0 }, { limit: 1, period: "second" }, 10_000);
    expect(r.slotAt).toBe(10_000);
    expect(r.state.nextSlotAt).toBe(11_000);
  });

  it("honours a back-off from a 429", () => {
    const r = reserveSlot({ nextSlotAt: 0, blockedUntil: 60_000 }, { limit: 100, period: "minute" }, 1_000);
    expect(r.slotAt).toBe(60_000);
  });

  it("hands out now and keeps no spacing without a rate limit", () => {
    expect(reserveSlot(fresh, null, 42)).toEqual({ slotAt: 42, state: fresh });
  });

  it.each([
    [{ limit: 10, period: "second" as const }, 100],
    [{ limit: 120, period: "minute" as const }, 500],
    [{ limit: 1, period: "hour" as const }, 3_600_000],
  ])("interval for %j is %i ms", (rate, expected) => {
    expect(slotInterval(rate)).toBe(expected);
  });
});

describe("slotStillValid", () => {
  const rate = { limit: 10, period: "second" as const };
  it("accepts an early or punctual caller and one late by less than half an interval", () => {
    expect(slotStillValid(1_000, 900, rate)).toBe(true);
    expect(slotStillValid(1_000, 1_049, rate)).toBe(true);
  });
  it("sends a caller that is too late to reserve again", () => {
    expect(slotStillValid(1_000, 1_051, rate)).toBe(false);
    expect(slotStillValid(1_000, 3_000, { limit: 1, period: "minute" })).toBe(false);
  });
});
