// Pacing as pure functions (spec §6): a destination's `rate_limit` spreads deliveries evenly, one
// slot every period/limit, so that no window of one period ever sees more than `limit` starts and a
// burst is spread out rather than sent at once. The pacer Durable Object keeps the state; this file
// decides.

export interface RateLimit {
  limit: number;
  period: "second" | "minute" | "hour";
}

export const PERIOD_MS = { second: 1_000, minute: 60_000, hour: 3_600_000 } as const;

// Slots are spaced this much wider than period/limit, which leaves `limit` starts spanning 5 % more
// than a period. Half of that slack absorbs a start that runs late (see lateTolerance); the other
// half, the network between the gateway and the receiver. Without it, one late start followed by a
// punctual one would put limit + 1 starts inside one window.
export const SPACING_MARGIN = 0.05;

/** How late a start may run before it must take a new slot instead (25 ms for a per-second rate). */
export const lateTolerance = (rate: RateLimit) => (PERIOD_MS[rate.period] * SPACING_MARGIN) / 2;

/** Milliseconds between two starts at the destination's rate. */
export const slotInterval = (rate: RateLimit) => (PERIOD_MS[rate.period] / rate.limit) * (1 + SPACING_MARGIN);

export interface RateState {
  /** The earliest time the next slot may be handed out (a GCRA "theoretical arrival time"). */
  nextSlotAt: number;
  /** Until when the destination asked us to stay away (429 with Retry-After). */
  blockedUntil: number;
}

/**
 * Reserves the next slot: the later of now, the next free slot and any back-off. Every reservation
 * moves the next free slot one interval on, so concurrent callers get distinct, evenly spaced slots.
 * Slots are handed out only to callers present now, never ahead of time to callers who will come
 * back later: a caller that comes back late must not leave a hole, nor start next to another.
 */
export function reserveSlot(state: RateState, rate: RateLimit | null, now: number): { slotAt: number; state: RateState } {
  const slotAt = Math.max(now, state.nextSlotAt, state.blockedUntil);
  if (!rate) return { slotAt, state };
  return { slotAt, state: { ...state, nextSlotAt: slotAt + slotInterval(rate) } };
}

/**
 * Where to send a caller whose slot would be too far off to wait for in-process: one interval after
 * the last caller already sent away (`frontier`), and never before the next free slot, so that the
 * callers who come back arrive spread out, one interval apart, instead of all at once. Callers who
 * come back take ordinary slots, which moves the next free slot up to the frontier: nobody is
 * counted twice.
 */
export function deferUntil(state: RateState, rate: RateLimit | null, now: number, frontier: number): number {
  const nextFree = Math.max(now, state.nextSlotAt, state.blockedUntil);
  return rate ? Math.max(nextFree, frontier + slotInterval(rate)) : nextFree;
}
