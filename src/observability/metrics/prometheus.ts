import { addToHistogram, emptyHistogram } from "./histogram";
import type { readLifetime } from "./metrics-query";
import { ATTEMPT_OUTCOMES, EVENT_STATUSES, LATENCY_BOUNDS_MS } from "./rollup-columns";

// GET /v1/metrics/prometheus's body: the rollups' lifetime sums in the Prometheus text exposition
// format (version 0.0.4), labelled by source, connection and destination ids. Counters only grow:
// retention moves purged rollups into lifetime rows instead of dropping them (fold-rollups.ts).
// Events by status is a gauge, since an event moves between statuses; durations are in seconds,
// as Prometheus names them.

type Lifetime = Awaited<ReturnType<typeof readLifetime>>;
type Labels = Record<string, string>;

const escape = (value: string) => value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
const labelText = (labels: Labels) => `{${Object.entries(labels).map(([k, v]) => `${k}="${escape(v)}"`).join(",")}}`;

class Exposition {
  private lines: string[] = [];
  family(name: string, type: "counter" | "gauge" | "histogram", help: string) {
    this.lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
  }
  sample(name: string, labels: Labels, value: number) {
    this.lines.push(`${name}${labelText(labels)} ${value}`);
  }
  text = () => `${this.lines.join("\n")}\n`;
}

const seconds = (ms: number) => ms / 1000;

export function prometheusText({ totals, backlog }: Lifetime, now: number): string {
  const out = new Exposition();
  const requestRows = totals.filter((r) => r.connection_id === "");
  const routeRows = totals.filter((r) => r.connection_id !== "");
  const route = (r: { source_id: string; connection_id: string; destination_id: string }) =>
    ({ source: r.source_id, connection: r.connection_id, destination: r.destination_id });

  out.family("gateway_requests_total", "counter", "Requests received per source, by outcome (accepted or rejected).");
  for (const r of requestRows) {
    out.sample("gateway_requests_total", { source: r.source_id, outcome: "accepted" }, Number(r.requests_accepted));
    out.sample("gateway_requests_total", { source: r.source_id, outcome: "rejected" }, Number(r.requests_rejected));
  }
  out.family("gateway_events_created_total", "counter", "Events created per source, connection and destination.");
  for (const r of routeRows) {
    out.sample("gateway_events_created_total", route(r), EVENT_STATUSES.reduce((sum, s) => sum + Number(r[`events_${s}`]), 0));
  }
  out.family("gateway_events", "gauge", "Events created, by their status now.");
  for (const r of routeRows) for (const s of EVENT_STATUSES) out.sample("gateway_events", { ...route(r), status: s }, Number(r[`events_${s}`]));
  out.family("gateway_attempts_total", "counter", "Delivery attempts by outcome: successful (2xx), http_error (other answers), no_response.");
  for (const r of routeRows) for (const o of ATTEMPT_OUTCOMES) out.sample("gateway_attempts_total", { ...route(r), outcome: o }, Number(r[`attempts_${o}`]));

  out.family("gateway_attempt_duration_seconds", "histogram", "Duration of delivery attempts that sent a request, from sending to the answer or error.");
  for (const r of routeRows) {
    const h = emptyHistogram();
    addToHistogram(h, r);
    let cumulative = 0;
    LATENCY_BOUNDS_MS.forEach((bound, i) => {
      cumulative += h.counts[i]!;
      out.sample("gateway_attempt_duration_seconds_bucket", { ...route(r), le: String(seconds(bound)) }, cumulative);
    });
    cumulative += h.counts[LATENCY_BOUNDS_MS.length]!;
    out.sample("gateway_attempt_duration_seconds_bucket", { ...route(r), le: "+Inf" }, cumulative);
    out.sample("gateway_attempt_duration_seconds_sum", route(r), seconds(h.sumMs));
    out.sample("gateway_attempt_duration_seconds_count", route(r), cumulative);
  }

  out.family("gateway_queue_scheduled", "gauge", "Events waiting for delivery now (status scheduled).");
  for (const r of backlog) out.sample("gateway_queue_scheduled", route(r), Number(r.scheduled));
  out.family("gateway_queue_oldest_scheduled_age_seconds", "gauge", "Age of the oldest event waiting for delivery.");
  for (const r of backlog) out.sample("gateway_queue_oldest_scheduled_age_seconds", route(r), seconds(Math.max(0, now - Number(r.oldest))));
  return out.text();
}
