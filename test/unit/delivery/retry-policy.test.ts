import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY, MAX_RETRY_DELAY_MS, nextRetryDelay, parseRetryAfter, statusMatches, STRUGGLING_FLOOR_MS } from "../../../src/delivery/retry-policy";

// random() = 0.5 puts the jitter at exactly zero, so the schedules below are the nominal ones.
const mid = () => 0.5;

describe("nextRetryDelay", () => {
  const linear = { strategy: "linear" as const, count: 3, interval_ms: 10_000 };
  const exponential = { strategy: "exponential" as const, count: 4, interval_ms: 1_000 };

  it.each([
    ["success ends retries", linear, 1, 200, null],
    ["204 is success too", linear, 1, 204, null],
    ["410 Gone is final", linear, 1, 410, null],
    ["linear waits the interval", linear, 1, 500, 10_000],
    ["linear keeps the interval", linear, 3, 500, 10_000],
    ["retries end after count more attempts", linear, 4, 500, null],
    ["a network error is retried", linear, 1, null, 10_000],
    ["exponential doubles: 1st retry", exponential, 1, 503, 1_000],
    ["exponential doubles: 2nd retry", exponential, 2, 503, 2_000],
    ["exponential doubles: 4th retry", exponential, 4, 503, 8_000],
    ["3xx left after redirects is retried", linear, 1, 304, 10_000],
  ])("%s", (_label, rule, attempt, status, expected) => {
    expect(nextRetryDelay(rule, attempt, { status }, mid)).toBe(expected);
  });

  it("defaults to exponential, 5 retries from 30 s, capped at one hour", () => {
    expect(DEFAULT_RETRY).toEqual({ strategy: "exponential", count: 5, interval_ms: 30_000 });
    const delays = [1, 2, 3, 4, 5, 6].map((n) => nextRetryDelay(undefined, n, { status: 500 }, mid));
    expect(delays).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, null]);
    expect(nextRetryDelay({ strategy: "exponential", count: 50, interval_ms: 600_000 }, 10, { status: 500 }, () => 1)).toBe(MAX_RETRY_DELAY_MS);
  });

  it("retries only the statuses the rule selects, but always network errors", () => {
    const rule = { ...linear, response_status_codes: ["500-599", "!501", "429"] };
    expect(nextRetryDelay(rule, 1, { status: 502 }, mid)).toBe(10_000);
    expect(nextRetryDelay(rule, 1, { status: 429 }, mid)).toBe(10_000);
    expect(nextRetryDelay(rule, 1, { status: 501 }, mid)).toBeNull();
    expect(nextRetryDelay(rule, 1, { status: 400 }, mid)).toBeNull();
    expect(nextRetryDelay(rule, 1, { status: null }, mid)).toBe(10_000);
  });

  it("spreads delays by up to ±10 %", () => {
    expect(nextRetryDelay(linear, 1, { status: 500 }, () => 0)).toBe(9_000);
    expect(nextRetryDelay(linear, 1, { status: 500 }, () => 1)).toBe(11_000);
  });

  it("waits at least the floor after a 429 or a timeout, and honours Retry-After", () => {
    const quick = { strategy: "linear" as const, count: 3, interval_ms: 1_000 };
    expect(nextRetryDelay(quick, 1, { status: 500 }, mid)).toBe(1_000);
    expect(nextRetryDelay(quick, 1, { status: 429 }, mid)).toBe(STRUGGLING_FLOOR_MS);
    expect(nextRetryDelay(quick, 1, { status: null, error: "timeout" }, mid)).toBe(STRUGGLING_FLOOR_MS);
    expect(nextRetryDelay(quick, 1, { status: 503, retryAfterMs: 120_000 }, mid)).toBe(120_000);
    expect(nextRetryDelay(quick, 1, { status: 503, retryAfterMs: 10 * 3_600_000 }, mid)).toBe(MAX_RETRY_DELAY_MS);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-23T10:00:00Z");
  it.each([
    ["120", 120_000],
    [" 5 ", 5_000],
    ["Mon, 23 Nov 2026 10:01:00 GMT", 60_000],
    ["Mon, 23 Nov 2026 09:00:00 GMT", 0],
    ["soon", null],
    ["", null],
    [null, null],
  ])("%j → %j", (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe("statusMatches", () => {
  it.each([
    [["404"], 404, true],
    [["404"], 405, false],
    [["500-599"], 599, true],
    [["500-599"], 499, false],
    [[">400"], 401, true],
    [[">400"], 400, false],
    [[">=400"], 400, true],
    [["<300"], 299, true],
    [["<=300"], 301, false],
    [["!401"], 401, false],
    [["!401"], 500, true],
    [[">=400", "!404", "!410"], 404, false],
    [[">=400", "!404", "!410"], 418, true],
  ])("%j selects %i: %s", (specs, status, expected) => {
    expect(statusMatches(specs, status)).toBe(expected);
  });
});
