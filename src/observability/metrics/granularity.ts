// The time buckets of GET /v1/metrics (`?granularity=`): 1m, 5m, 1h or 1d. Rollups keep minutes for
// about a day and hours for about a week (fold-rollups.ts), so a granularity is offered for the
// windows whose whole span is still kept that finely; without one, the finest that gives at most a
// few hundred buckets is chosen.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const GRANULARITIES = { "1m": MINUTE, "5m": 5 * MINUTE, "1h": HOUR, "1d": DAY } as const;
export type Granularity = keyof typeof GRANULARITIES;

/** The longest window each granularity serves. */
const LONGEST: Record<Granularity, number> = { "1m": DAY, "5m": DAY, "1h": 7 * DAY, "1d": 30 * DAY };

export function defaultGranularity(windowMs: number): Granularity {
  if (windowMs <= 2 * HOUR) return "1m";
  if (windowMs <= DAY) return "5m";
  if (windowMs <= 7 * DAY) return "1h";
  return "1d";
}

export const servesWindow = (granularity: Granularity, windowMs: number) => windowMs <= LONGEST[granularity];

export const longestWindowText = (granularity: Granularity) => `${LONGEST[granularity] / DAY}d`;

/** The start of the bucket holding `ms` (UTC days and hours). */
export const bucketStart = (ms: number, granularityMs: number) => Math.floor(ms / granularityMs) * granularityMs;
