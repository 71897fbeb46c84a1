// The time buckets of GET /v1/metrics (`?granularity=`): 1m, 5m, 1h or 1d, each read from the
// rollups of its own grain (days from hours and days). Rollups keep minutes for 7 hours, five
// minutes for 25 hours and hours for 8 days (fold-rollups.ts), so a granularity is offered for the
// windows whose whole span is kept that finely, at most a few hundred buckets; without one, the
// finest such is chosen.

import { DAY, HOUR, MINUTE } from "./rollup-columns";

export const GRANULARITIES = { "1m": MINUTE, "5m": 5 * MINUTE, "1h": HOUR, "1d": DAY } as const;
export type Granularity = keyof typeof GRANULARITIES;

/** The longest window each granularity serves. */
const LONGEST: Record<Granularity, number> = { "1m": 6 * HOUR, "5m": DAY, "1h": 7 * DAY, "1d": 30 * DAY };

/** The rollup grains each granularity reads: every count is in one row of each grain. */
export const SOURCE_GRAINS: Record<Granularity, number[]> = { "1m": [MINUTE], "5m": [5 * MINUTE], "1h": [HOUR], "1d": [HOUR, DAY] };

export function defaultGranularity(windowMs: number): Granularity {
  if (windowMs <= 2 * HOUR) return "1m";
  if (windowMs <= DAY) return "5m";
  if (windowMs <= 7 * DAY) return "1h";
  return "1d";
}

export const servesWindow = (granularity: Granularity, windowMs: number) => windowMs <= LONGEST[granularity];

export const longestWindowText = (granularity: Granularity) =>
  LONGEST[granularity] < DAY ? `${LONGEST[granularity] / HOUR}h` : `${LONGEST[granularity] / DAY}d`;

/** The start of the bucket holding `ms` (UTC days and hours). */
export const bucketStart = (ms: number, granularityMs: number) => Math.floor(ms / granularityMs) * granularityMs;
