// Pacing as pure functions (spec §6): a destination's `rate_limit` spreads deliveries evenly, one
// slot every period/limit, so that no window of one period ever sees more than `limit` starts and a
// burst is spread out rather than sent at once. The pacer Durable Object keeps the state; this file
// decides.

export interface RateLimit {
  limit: number;
  period: "second" | "minute" | "hour";
}

export const PERIOD_MS = { second: 1_000, minute: 60_000, hour: 3_600_000 } as const;

/** Milliseconds between two starts at the destination's rate. */
export const slotInterval = (rate: RateLimit) => PERIOD_MS[rate.period] / rate.limit;

export interface RateState {
  /** The earliest time the next slot may be handed out (a GCRA "theoretical arrival time"). */
  nextSlotAt: number;
  /** Until when the destination asked us to stay away (429 with Retry-After). */
  blockedUntil: number;
}

/**
 * Reserves the next slot: the later of now, the next free slot and any back-off. Every reservation
 * moves the next free slot one interval on, so concurrent callers get distinct, evenly spaced slots.
 */
export function reserveSlot(state: RateState, rate: RateLimit | null, now: number): { slotAt: number; state: RateState } {
  const slotAt = Math.max(now, state.nextSlotAt, state.blockedUntil);
  if (!rate) return { slotAt, state };
  return { slotAt, state: { ...state, nextSlotAt: slotAt + slotInterval(rate) } };
}

/**
 * Whether a caller that reserved `slotAt` may still start now. A caller that comes back too late
 * (its queue message was slow) must reserve again: starting late could put it right next to the
 * holder of the following slot and break the spacing.
 */
export function slotStillValid(slotAt: number, now: number, rate: RateLimit | null): boolean {
  if (!rate) return true;
  return now - slotAt <= Math.min(1_000, slotInterval(rate) / 2);
}
