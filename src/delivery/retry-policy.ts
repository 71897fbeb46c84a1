import type { RetryRule } from "../rules/schema";

// Retry timing as one pure function (spec §2 Rule `retry`, §6): no clock, no bindings, and the
// randomness passed in so tests can pin it.

export const DEFAULT_RETRY: Omit<RetryRule, "type"> = { strategy: "exponential", count: 5, interval_ms: 30_000 };
export const MAX_RETRY_DELAY_MS = 3_600_000;
/** After a 429 or a timeout the destination is struggling: never come back sooner than this. */
export const STRUGGLING_FLOOR_MS = 10_000;
/** Delays vary by up to ±10 % so that events failed together do not all come back together. */
export const JITTER = 0.1;

export interface AttemptOutcome {
  /** The HTTP status, or null when no answer came (network error, timeout). */
  status: number | null;
  error?: string | null;
  /** The destination's Retry-After, in milliseconds from now, when it sent one. */
  retryAfterMs?: number | null;
}

/**
 * The delay before the next attempt, or null when there must be none (success, 410 Gone, a status
 * the rule does not retry, or retries exhausted). `attemptNumber` is the attempt that just ended,
 * counting from 1, so attempt 1 is the initial delivery and `count` more may follow.
 */
export function nextRetryDelay(
  rule: Omit<RetryRule, "type"> | undefined,
  attemptNumber: number,
  outcome: AttemptOutcome,
  random: () => number = Math.random,
): number | null {
  const policy = rule ?? DEFAULT_RETRY;
  const { status } = outcome;
  if (status !== null && status >= 200 && status < 300) return null;
  if (status === 410) return null;
  if (status !== null && policy.response_status_codes && !statusMatches(policy.response_status_codes, status)) return null;
  if (attemptNumber > policy.count) return null;
  const base = policy.strategy === "linear" ? policy.interval_ms : policy.interval_ms * 2 ** (attemptNumber - 1);
  let delay = Math.min(base, MAX_RETRY_DELAY_MS) * (1 - JITTER + 2 * JITTER * random());
  if (status === 429 || outcome.error === "timeout") delay = Math.max(delay, STRUGGLING_FLOOR_MS);
  if (outcome.retryAfterMs) delay = Math.max(delay, outcome.retryAfterMs);
  return Math.round(Math.min(delay, MAX_RETRY_DELAY_MS));
}

/** Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds from `now`. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * Whether `status` is selected by a list of specs: it must match at least one inclusion (or there
 * are none) and no exclusion (`!401`).
 */
export function statusMatches(specs: string[], status: number): boolean {
  const inclusions = specs.filter((s) => !s.startsWith("!"));
  const excluded = specs.some((s) => s.startsWith("!") && Number(s.slice(1)) === status);
  if (excluded) return false;
  return inclusions.length === 0 || inclusions.some((spec) => matchesOne(spec, status));
}

function matchesOne(spec: string, status: number): boolean {
  const range = /^(\d{3})-(\d{3})$/.exec(spec);
  if (range) return status >= Number(range[1]) && status <= Number(range[2]);
  const comparison = /^(>=|<=|>|<)(\d{3})$/.exec(spec);
  if (comparison) {
    const bound = Number(comparison[2]);
    switch (comparison[1]) {
      case ">": return status > bound;
      case ">=": return status >= bound;
      case "<": return status < bound;
      default: return status <= bound;
    }
  }
  return Number(spec) === status;
}
