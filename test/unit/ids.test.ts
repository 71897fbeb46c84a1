import { describe, expect, it } from "vitest";
import { idFloor, newId } from "../../src/ids";

describe("ids", () => {
  it("are prefixed and sort by creation time", () => {
    const a = newId("event", 1_700_000_000_000);
    const b = newId("event", 1_700_000_000_001);
    const c = newId("event", 2_000_000_000_000);
    expect(a).toMatch(/^evt_[0-9a-z]{26}$/);
    expect([c, a, b].sort()).toEqual([a, b, c]);
  });

  it("idFloor bounds every id created at or after the instant", () => {
    const t = 1_750_000_000_000;
    expect(newId("request", t) >= idFloor("request", t)).toBe(true);
    expect(newId("request", t - 1) < idFloor("request", t)).toBe(true);
  });

  it("differ even within one millisecond", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId("attempt", 5)));
    expect(ids.size).toBe(1000);
  });
});
