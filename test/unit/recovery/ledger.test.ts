import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { CLAIM_TTL_MS, Ledger, MAX_SENDS, UNCLAIMED_TTL_MS } from "../../../src/replay/ledger";

// The replay ledger's state machine, in a real Durable Object's SQLite storage (a fresh, idle
// ReplayJob object per test: the ledger is only given its storage).

const withLedger = <T>(run: (ledger: Ledger) => T) =>
  runInDurableObject(env.REPLAY.get(env.REPLAY.newUniqueId()), (_job, state) => run(new Ledger(state.storage.sql)));

const items = (...ids: string[]) => ids.map((id) => ({ id, destinationId: "des_a" }));
const T = 1_000_000;

describe("replay ledger", () => {
  it("grants each item once, even when asked twice in one call or by a second copy", () =>
    withLedger((ledger) => {
      ledger.add(items("evt_a", "evt_b"), T);
      expect(ledger.claim(["evt_a", "evt_a", "evt_b", "evt_unknown"], T + 1)).toEqual([{ id: "evt_a", since: null }, { id: "evt_b", since: null }]);
      expect(ledger.claim(["evt_a"], T + 2)).toEqual([]);
      ledger.settle(["evt_a"], T + 3);
      expect(ledger.claim(["evt_a"], T + CLAIM_TTL_MS * 2)).toEqual([]);
      expect(ledger.counts()).toEqual({ queued: 0, claimed: 1, done: 1, abandoned: 0 });
    }));

  it("adding a page again keeps each item's state", () =>
    withLedger((ledger) => {
      ledger.add(items("evt_a"), T);
      ledger.claim(["evt_a"], T);
      ledger.settle(["evt_a"], T);
      ledger.add(items("evt_a"), T + 5);
      expect(ledger.counts()).toEqual({ queued: 0, claimed: 0, done: 1, abandoned: 0 });
    }));

  it("a released item is granted again, with the time of its first claim", () =>
    withLedger((ledger) => {
      ledger.add(items("evt_a"), T);
      ledger.claim(["evt_a"], T + 10);
      ledger.release(["evt_a"], T + 20);
      expect(ledger.claim(["evt_a"], T + 30)).toEqual([{ id: "evt_a", since: T + 10 }]);
    }));

  it("a lapsed claim can be taken over, and says since when", () =>
    withLedger((ledger) => {
      ledger.add(items("evt_a"), T);
      ledger.claim(["evt_a"], T);
      expect(ledger.claim(["evt_a"], T + CLAIM_TTL_MS - 1)).toEqual([]);
      expect(ledger.claim(["evt_a"], T + CLAIM_TTL_MS + 1)).toEqual([{ id: "evt_a", since: T }]);
    }));

  it("sends stale items again, and gives up on one after MAX_SENDS", () =>
    withLedger((ledger) => {
      ledger.add(items("evt_a", "evt_b"), T);
      ledger.claim(["evt_b"], T);
      expect(ledger.takeStale(T + UNCLAIMED_TTL_MS - 1, 100)).toEqual({ resend: [], abandoned: [] });
      // Queued and untaken: sent again. Claimed: only once the claim has lapsed.
      expect(ledger.takeStale(T + UNCLAIMED_TTL_MS + 1, 100).resend.map((i) => i.id)).toEqual(["evt_a"]);
      const resent = new Map([["evt_a", 1], ["evt_b", 0]]);
      const abandoned: string[] = [];
      for (let at = T + CLAIM_TTL_MS + 1; abandoned.length < 2; at += UNCLAIMED_TTL_MS + 1) {
        const stale = ledger.takeStale(at, 100);
        for (const item of stale.resend) resent.set(item.id, resent.get(item.id)! + 1);
        abandoned.push(...stale.abandoned);
      }
      // The first send was the page's own.
      expect(Object.fromEntries(resent)).toEqual({ evt_a: MAX_SENDS - 1, evt_b: MAX_SENDS - 1 });
      expect(ledger.counts()).toEqual({ queued: 0, claimed: 0, done: 0, abandoned: 2 });
    }));

  it("an unsent item is due at the next look", () =>
    withLedger((ledger) => {
      ledger.add(items("evt_a"), T);
      ledger.markUnsent(["evt_a"]);
      expect(ledger.takeStale(T + 1, 100).resend.map((i) => i.id)).toEqual(["evt_a"]);
    }));

  it("abandons queued and claimed items, never settled ones", () =>
    withLedger((ledger) => {
      ledger.add(items("evt_a", "evt_b", "evt_c"), T);
      ledger.claim(["evt_b", "evt_c"], T);
      ledger.settle(["evt_c"], T);
      ledger.abandon(["evt_a", "evt_b", "evt_c"], T);
      ledger.settle(["evt_b"], T);
      expect(ledger.counts()).toEqual({ queued: 0, claimed: 0, done: 1, abandoned: 2 });
    }));
});
