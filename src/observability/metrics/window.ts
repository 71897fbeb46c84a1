// Metrics windows (`?window=`): a count and a unit, `<n>m`, `<n>h` or `<n>d` (`5m`, `1h`, `24h`,
// `7d`), or the same as an ISO-8601 duration (`PT5M`, `PT1H`, `P1D`, `P1DT12H`), from one minute
// to thirty days, the retention period: metrics are read from rollups (docs/observability.md § Metrics).

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const UNIT_MS = { m: MINUTE, h: HOUR, d: DAY } as const;
const MIN_WINDOW_MS = MINUTE;
const MAX_WINDOW_MS = 30 * DAY;

const SHORT = /^(\d{1,6})([mhd])$/;
const ISO = /^P(?:(\d{1,6})D)?(?:T(?:(\d{1,6})H)?(?:(\d{1,6})M)?)?$/i;

function lengthOf(window: string): number | null {
  const short = SHORT.exec(window);
  if (short) return Number(short[1]) * UNIT_MS[short[2] as keyof typeof UNIT_MS];
  const iso = ISO.exec(window);
  // "P" and "PT" alone match the pattern but name no length.
  if (!iso || iso.slice(1).every((part) => part === undefined)) return null;
  const [days, hours, minutes] = iso.slice(1).map((part) => Number(part ?? 0)) as [number, number, number];
  return days * DAY + hours * HOUR + minutes * MINUTE;
}

/** The window's length in milliseconds, or null when it is not a window from 1 minute to 30 days. */
export function windowMs(window: string): number | null {
  const ms = lengthOf(window.trim());
  return ms !== null && ms >= MIN_WINDOW_MS && ms <= MAX_WINDOW_MS ? ms : null;
}
