// Replay protection: a signed timestamp must fall within the configured tolerance of our clock,
// in either direction (a timestamp far in the future is as suspect as an old one).

export const DEFAULT_TOLERANCE_S = 300;

/** An integer timestamp in seconds or milliseconds, as milliseconds; null when it is not one. */
export function parseTimestamp(raw: string, unit: "s" | "ms"): number | null {
  if (!/^\d{1,16}$/.test(raw.trim())) return null;
  const value = Number(raw.trim());
  return unit === "s" ? value * 1000 : value;
}

/** Null when the timestamp is acceptable, else the operator-facing reason. */
export function toleranceViolation(timestampMs: number, now: number, toleranceS: number): string | null {
  const skewMs = now - timestampMs;
  if (Math.abs(skewMs) <= toleranceS * 1000) return null;
  const seconds = Math.round(Math.abs(skewMs) / 1000);
  return skewMs >= 0 ? `timestamp outside tolerance (${seconds} s)` : `timestamp outside tolerance (${seconds} s ahead)`;
}
