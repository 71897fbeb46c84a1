import { addToHistogram, emptyHistogram, latencySummary, type Histogram } from "./histogram";
import { EVENT_STATUSES, type EventStatus, type RollupSums } from "./rollup-columns";

// Rollup rows added up for one entry of the metrics answer (a source, a connection, a destination
// or a time bucket), and turned into the figures the API shows.

export interface Tally {
  accepted: number;
  rejected: number;
  events: Record<EventStatus, number>;
  attempts: { successful: number; http_error: number; no_response: number };
  latency: Histogram;
}

export const emptyTally = (): Tally => ({
  accepted: 0,
  rejected: 0,
  events: { scheduled: 0, paused: 0, successful: 0, failed: 0, cancelled: 0 },
  attempts: { successful: 0, http_error: 0, no_response: 0 },
  latency: emptyHistogram(),
});

export function addRow(t: Tally, row: RollupSums) {
  t.accepted += Number(row.requests_accepted);
  t.rejected += Number(row.requests_rejected);
  for (const status of EVENT_STATUSES) t.events[status] += Number(row[`events_${status}`]);
  t.attempts.successful += Number(row.attempts_successful);
  t.attempts.http_error += Number(row.attempts_http_error);
  t.attempts.no_response += Number(row.attempts_no_response);
  addToHistogram(t.latency, row);
}

/** Four decimals: a rate, not a float's noise. */
const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

export const requestFigures = (t: Tally) => ({ total: t.accepted + t.rejected, accepted: t.accepted, rejected: t.rejected });

export function trafficFigures(t: Tally) {
  const { successful, http_error, no_response } = t.attempts;
  const total = successful + http_error + no_response;
  return {
    events: { total: EVENT_STATUSES.reduce((sum, s) => sum + t.events[s], 0), ...t.events },
    attempts: { total, successful, failed: total - successful, http_error, no_response, success_rate: ratio(successful, total) },
    latency_ms: latencySummary(t.latency),
  };
}
