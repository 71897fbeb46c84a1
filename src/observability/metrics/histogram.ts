import { LATENCY_BOUNDS_MS, LATENCY_COLUMNS, type RollupSums } from "./rollup-columns";

// Latency as a histogram in fixed buckets: histograms of any rows add up, so percentiles come out
// of rollups of any grain. A percentile is found in its bucket by rank (the ceil(p/100 × n)-th
// duration, as nearest-rank would) and placed by linear interpolation between the bucket's bounds;
// the upper bound of the top bucket, and of any bucket above the largest duration seen, is that
// largest duration. The true nearest-rank value lies in the same bucket, so the error is at most
// the bucket's width: 25 ms up to 50 ms, then 50, 150, 250, 500 ms, 1.5, 2.5, 5, 20 s.

export interface Histogram { counts: number[]; sumMs: number; maxMs: number }

export const emptyHistogram = (): Histogram => ({ counts: LATENCY_COLUMNS.map(() => 0), sumMs: 0, maxMs: 0 });

export function addToHistogram(h: Histogram, row: RollupSums) {
  LATENCY_COLUMNS.forEach((column, i) => { h.counts[i]! += Number(row[column] ?? 0); });
  h.sumMs += Number(row.latency_sum_ms ?? 0);
  h.maxMs = Math.max(h.maxMs, Number(row.latency_max_ms ?? 0));
}

export const histogramCount = (h: Histogram) => h.counts.reduce((a, b) => a + b, 0);

export function percentile(h: Histogram, p: number): number {
  const n = histogramCount(h);
  const rank = Math.ceil((p / 100) * n);
  let below = 0;
  for (let i = 0; i < h.counts.length; i++) {
    const inBucket = h.counts[i]!;
    if (below + inBucket >= rank && inBucket > 0) {
      const lower = i === 0 ? 0 : LATENCY_BOUNDS_MS[i - 1]!;
      const upper = Math.max(lower, Math.min(LATENCY_BOUNDS_MS[i] ?? h.maxMs, h.maxMs));
      return Math.round(lower + ((rank - below) / inBucket) * (upper - lower));
    }
    below += inBucket;
  }
  return h.maxMs;
}

/** p50, p95 and p99, or null when no attempt was timed. */
export function latencySummary(h: Histogram) {
  return histogramCount(h) === 0 ? null : { p50: percentile(h, 50), p95: percentile(h, 95), p99: percentile(h, 99) };
}
