import { DurableObject } from "cloudflare:workers";
import type { Env } from "../env";
import { deferUntil, reserveSlot, type RateLimit, type RateState } from "./schedule";

// One pacer per destination (spec §1, §6): it hands out start slots for the destination's
// `rate_limit` and concurrency leases for its `max_concurrency`, for every isolate and connection
// that feeds it. Its state lives in the object's SQLite storage, so eviction or a restart keeps the
// limits. The limits themselves come with each call, read from the destination row, so a change
// takes effect on the next delivery.

export interface PaceLimits {
  rateLimit: RateLimit | null;
  maxConcurrency: number | null;
  /** How long a concurrency lease lives if it is never released (the sender crashed). */
  leaseMs: number;
}

export type PaceDecision =
  /** Start at `startAt` (wait until then); release `leaseId` when the attempt ends, if given. */
  | { kind: "start"; startAt: number; leaseId: string | null }
  /** The next slot is too far off: come back at `retryAt` and ask again. */
  | { kind: "later"; retryAt: number }
  /** All concurrency slots stayed busy; try again in a while. */
  | { kind: "busy"; retryAfterMs: number };

// Slots closer than this are waited out by the caller in-process (in the background, see
// deliverEvent); for further ones the caller goes back to the queue, whose delays have one-second
// granularity.
export const INLINE_WAIT_MS = 5_000;

const CONCURRENCY_WAIT_MS = 5_000;

export class Pacer extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private waiters: (() => void)[] = [];
  // When the last caller sent away is due back; in memory only, as it is only a spreading hint.
  private frontier = 0;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(`CREATE TABLE IF NOT EXISTS rate_state (id INTEGER PRIMARY KEY CHECK (id = 1), next_slot_at INTEGER NOT NULL, blocked_until INTEGER NOT NULL)`);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS leases (id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL)`);
  }

  /** Asks to start one delivery. */
  async acquire(limits: PaceLimits): Promise<PaceDecision> {
    const deadline = Date.now() + CONCURRENCY_WAIT_MS;
    while (limits.maxConcurrency !== null && this.inFlight() >= limits.maxConcurrency) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) return { kind: "busy", retryAfterMs: 1_000 };
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, Math.min(remaining, 1_000));
      });
    }

    const now = Date.now();
    const state = this.rateState();
    const reserved = reserveSlot(state, limits.rateLimit, now);
    if (reserved.slotAt - now > INLINE_WAIT_MS) {
      this.frontier = deferUntil(state, limits.rateLimit, now, this.frontier);
      return { kind: "later", retryAt: this.frontier };
    }
    this.saveRateState(reserved.state);
    const startAt = reserved.slotAt;
    if (limits.maxConcurrency === null) return { kind: "start", startAt, leaseId: null };
    const leaseId = crypto.randomUUID();
    this.sql.exec("INSERT INTO leases (id, expires_at) VALUES (?, ?)", leaseId, startAt + limits.leaseMs);
    return { kind: "start", startAt, leaseId };
  }

  /**
   * A new start slot for a caller that missed its own (its preparation ran past it): starting late
   * could put it right next to the holder of the following slot. Takes no concurrency lease; the
   * caller keeps the one it has.
   */
  async reslot(rateLimit: RateLimit): Promise<number> {
    const reserved = reserveSlot(this.rateState(), rateLimit, Date.now());
    this.saveRateState(reserved.state);
    return reserved.slotAt;
  }

  async release(leaseId: string): Promise<void> {
    this.sql.exec("DELETE FROM leases WHERE id = ?", leaseId);
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }

  /** The destination answered 429 with Retry-After: no slot starts before `until`. */
  async backOff(until: number): Promise<void> {
    const state = this.rateState();
    if (until > state.blockedUntil) this.saveRateState({ ...state, blockedUntil: until });
  }

  async inspect(): Promise<RateState & { inFlight: number }> {
    return { ...this.rateState(), inFlight: this.inFlight() };
  }

  private inFlight(): number {
    this.sql.exec("DELETE FROM leases WHERE expires_at < ?", Date.now());
    return this.sql.exec<{ n: number }>("SELECT count(*) AS n FROM leases").one().n;
  }

  private rateState(): RateState {
    const row = this.sql.exec<{ next_slot_at: number; blocked_until: number }>("SELECT next_slot_at, blocked_until FROM rate_state").toArray()[0];
    return row ? { nextSlotAt: row.next_slot_at, blockedUntil: row.blocked_until } : { nextSlotAt: 0, blockedUntil: 0 };
  }

  private saveRateState(state: RateState) {
    this.sql.exec(
      "INSERT INTO rate_state (id, next_slot_at, blocked_until) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET next_slot_at = excluded.next_slot_at, blocked_until = excluded.blocked_until",
      state.nextSlotAt, state.blockedUntil,
    );
  }
}
