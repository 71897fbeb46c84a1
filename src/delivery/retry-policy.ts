import type { RetryRule } from "../rules/schema";

// Retry timing as one pure function (spec §2 Rule `retry`, §6): no clock, no bindings.

export const DEFAULT_RETRY: Omit<RetryRule, "type"> = { strategy: "exponential", count: 5, interval_ms: 30_000 };
export const MAX_RETRY_DELAY_MS = 3_600_000;

export interface AttemptOutcome {
  /** The HTTP status, or null when no answer came (network error, timeout). */
  status: number | null;
}

/**
 * The delay before the next attempt, or null when there must be none (success, 410 Gone, a status
 * the rule does not retry, or retries exhausted). `attemptNumber` is the attempt that just ended,
 * counting from 1, so attempt 1 is the initial delivery and `count` more may follow.
 */
export function nextRetryDelay(rule: Omit<RetryRule, "type"> | undefined, attemptNumber: number, outcome: AttemptOutcome): number | null {
  const policy = rule ?? DEFAULT_RETRY;
  const { status } = outcome;
  if (status !== null && status >= 200 && status < 300) return null;
  if (status === 410) return null;
  if (status !== null && policy.response_status_codes && !statusMatches(policy.response_status_codes, status)) return null;
  if (attemptNumber > policy.count) return null;
  const delay = policy.strategy === "linear" ? policy.interval_ms : policy.interval_ms * 2 ** (attemptNumber - 1);
  return Math.min(delay, MAX_RETRY_DELAY_MS);
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
