import { createRoute, z } from "@hono/zod-openapi";
import { database } from "../db/client";
import { bucketStart, defaultGranularity, GRANULARITIES, longestWindowText, servesWindow, SOURCE_GRAINS, type Granularity } from "../observability/metrics/granularity";
import { readLifetime, readMetrics } from "../observability/metrics/metrics-query";
import { metricsReport } from "../observability/metrics/metrics-report";
import { prometheusText } from "../observability/metrics/prometheus";
import { windowMs } from "../observability/metrics/window";
import { adminRouter } from "./app";
import { errorResponses, isoTime, jsonResponse } from "./common";

// GET /v1/metrics (spec §3, §13): per source, connection and destination over a window — requests,
// events by status, attempts by outcome and their success rate, attempt latency percentiles, and
// the queue (scheduled events) as it stands now — with the same figures as a series of time
// buckets. Read from the rollups; docs/observability.md § Metrics defines each figure.

const prefixed = (prefix: string) => z.string().startsWith(`${prefix}_`, `expected an id starting with ${prefix}_`).optional();

const query = z.object({
  window: z.string().default("1h")
    .refine((value) => windowMs(value) !== null, "expected a window from 1 minute to 30 days: 5m, 1h, 24h, 30d, or an ISO-8601 duration such as PT30M or P1D")
    .openapi({ description: "How far back to count: `<n>m`, `<n>h`, `<n>d` or an ISO-8601 duration (`PT1H`), 1 minute to 30 days.", example: "1h" }),
  granularity: z.enum(Object.keys(GRANULARITIES) as [Granularity, ...Granularity[]]).optional()
    .openapi({ description: "Length of each time bucket: 1m for windows up to 6 hours, 5m up to 1 day, 1h up to 7 days, 1d up to 30. Default: 1m up to 2 hours, 5m up to a day, 1h up to 7 days, else 1d." }),
  source_id: prefixed("src").openapi({ description: "Only this source's traffic." }),
  connection_id: prefixed("con").openapi({ description: "Only this connection's traffic (requests: its source's)." }),
  destination_id: prefixed("des").openapi({ description: "Only this destination's traffic (requests: the sources that feed it)." }),
}).superRefine((q, ctx) => {
  const length = windowMs(q.window);
  if (length !== null && q.granularity && !servesWindow(q.granularity, length)) {
    ctx.addIssue({ code: "custom", path: ["granularity"], message: `granularity ${q.granularity} serves windows up to ${longestWindowText(q.granularity)}` });
  }
});

const count = z.number().int();
const traffic = {
  events: z.object({ total: count, scheduled: count, paused: count, successful: count, failed: count, cancelled: count })
    .openapi({ description: "Events created in the window, by status now." }),
  attempts: z.object({ total: count, successful: count, failed: count,
    http_error: count.openapi({ description: "Answered, but not with a 2xx." }),
    no_response: count.openapi({ description: "No answer: a timeout, a refused connection, an interrupted or dead-lettered attempt." }),
    success_rate: z.number().nullable().openapi({ description: "successful / total (2xx answers over all attempts); null without attempts." }) })
    .openapi({ description: "Attempts started in the window, by outcome." }),
  latency_ms: z.object({ p50: count, p95: count, p99: count }).nullable()
    .openapi({ description: "Percentiles of the window's attempt durations (milliseconds), from a histogram: within one histogram bucket of the exact nearest-rank value (docs/observability.md). Null without timed attempts." }),
  queue: z.object({ scheduled: count, oldest_scheduled_age_ms: count.nullable() })
    .openapi({ description: "Events waiting for delivery now (status scheduled), whatever the window, and how long ago the oldest was created." }),
};

const metrics = z.object({
  window: z.string(),
  from: isoTime,
  to: isoTime,
  granularity: z.string().openapi({ description: "The length of each bucket." }),
  latency_sampled: z.boolean().openapi({ description: "Always false: percentiles are computed from histograms of every attempt in the window." }),
  sources: z.array(z.object({ source_id: z.string(), requests: z.object({ total: count, accepted: count, rejected: count }), ...traffic })),
  connections: z.array(z.object({ connection_id: z.string(), source_id: z.string(), destination_id: z.string(), ...traffic })),
  destinations: z.array(z.object({ destination_id: z.string(), ...traffic })),
  buckets: z.array(z.object({ start: isoTime, requests: z.object({ total: count, accepted: count, rejected: count }),
    events: traffic.events, attempts: traffic.attempts, latency_ms: traffic.latency_ms }))
    .openapi({ description: "The same figures per time bucket, oldest first, over everything the filter selects (narrow with source_id, connection_id or destination_id for one object's series). Every bucket from `from` to `to` is listed." }),
}).openapi("Metrics");

export type Metrics = z.infer<typeof metrics>;

const get = createRoute({ method: "get", path: "/v1/metrics", tags: ["Metrics"], "x-role": "read", request: { query },
  description: "Traffic and delivery figures per source, connection and destination over a window ending now.",
  responses: { 200: jsonResponse(metrics, "The figures; an object appears when it had traffic in the window or has events waiting."), ...errorResponses } });

const prometheus = createRoute({ method: "get", path: "/v1/metrics/prometheus", tags: ["Metrics"], "x-role": "read",
  description: "The same counters and histograms, lifetime totals, in the Prometheus text exposition format (docs/observability.md § Prometheus).",
  responses: { 200: { description: "Prometheus text format 0.0.4.", content: { "text/plain": { schema: z.string() } } }, 401: errorResponses[401] } });

const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

export function metricsRoutes() {
  const app = adminRouter();

  app.openapi(get, async (c) => {
    const q = c.req.valid("query");
    const now = Date.now();
    const length = windowMs(q.window)!;
    const granularity = q.granularity ?? defaultGranularity(length);
    // The window starts at a bucket's start, so that every bucket is whole and they add up to the totals.
    const span = { from: bucketStart(now - length, GRANULARITIES[granularity]), to: now, granularityMs: GRANULARITIES[granularity], grains: SOURCE_GRAINS[granularity] };
    const rows = await readMetrics(database(c.env.DB), span, { sourceId: q.source_id, connectionId: q.connection_id, destinationId: q.destination_id });
    return c.json({ window: q.window, granularity, from: new Date(span.from).toISOString(), to: new Date(now).toISOString(), ...metricsReport(rows, span, now) }, 200);
  });

  app.openapi(prometheus, async (c) => {
    const text = prometheusText(await readLifetime(database(c.env.DB)), Date.now());
    return c.text(text, 200, { "content-type": PROMETHEUS_CONTENT_TYPE });
  });

  return app;
}
