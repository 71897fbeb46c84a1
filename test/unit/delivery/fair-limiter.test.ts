import { describe, expect, it } from "vitest";
import { fairLimiter } from "../../../src/delivery/fair-limiter";

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { opened, open };
}

describe("fairLimiter", () => {
  it("gives each destination an equal share of the slots and never exceeds the total", async () => {
    const ids = [...Array(8).fill("slow"), ...Array(4).fill("fast")];
    const limit = fairLimiter(ids, 6);
    const running = { slow: 0, fast: 0, max: 0, total: 0 };
    const slowGate = gate();
    const finishedFast: number[] = [];
    const tasks = ids.map((id, i) =>
      limit(id, async () => {
        running[id as "slow" | "fast"]++;
        running.total++;
        running.max = Math.max(running.max, running.total);
        expect(running.slow).toBeLessThanOrEqual(3);
        if (id === "slow") await slowGate.opened;
        else finishedFast.push(i);
        running[id as "slow" | "fast"]--;
        running.total--;
      }),
    );
    // Every fast task finishes while all slow ones are still stuck.
    await new Promise((r) => setTimeout(r, 20));
    expect(finishedFast).toHaveLength(4);
    slowGate.open();
    await Promise.all(tasks);
    expect(running.max).toBeLessThanOrEqual(6);
  });

  it("lets a lone destination use every slot", async () => {
    const limit = fairLimiter(["a", "a", "a", "a", "a", "a", "a"], 6);
    let concurrent = 0;
    let max = 0;
    await Promise.all(
      Array.from({ length: 7 }, () =>
        limit("a", async () => {
          max = Math.max(max, ++concurrent);
          await new Promise((r) => setTimeout(r, 5));
          concurrent--;
        }),
      ),
    );
    expect(max).toBe(6);
  });
});
