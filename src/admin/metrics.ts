import { createRoute, z } from "@hono/zod-openapi";
import { database } from "../db/client";
import { LATENCY_SAMPLE, readMetrics } from "../observability/metrics/metrics-query";
import { metricsReport } from "../observability/metrics/metrics-report";
import { windowMs } from "../observability/metrics/window";
import { adminRouter } from "./app";
import { errorResponses, isoTime, jsonResponse } from "./common";

// GET /v1/metrics (spec §3): per source, connection and destination over a window — requests,
// events by status, attempts and their success rate, attempt latency percentiles, and the queue
// (scheduled events) as it stands now. docs/observability.md § Metrics defines each figure.

const prefixed = (prefix: string) => z.string().startsWith(`${prefix}_`, `expected an id starting with ${prefix}_`).optional();

const query = z.object({
  window: z.string().default("1h")
    .refine((value) => windowMs(value) !== null, "expected a window from 1 minute to 7 days: 5m, 1h, 24h, 7d, or an ISO-8601 duration such as PT30M or P1D")
    .openapi({ description: "How far back to count: `<n>m`, `<n>h`, `<n>d` or an ISO-8601 duration (`PT1H`), 1 minute to 7 days.", example: "1h" }),
  source_id: prefixed("src").openapi({ description: "Only this source's traffic." }),
  connection_id: prefixed("con").openapi({ description: "Only this connection's traffic (requests: its source's)." }),
  destination_id: prefixed("des").openapi({ description: "Only this destination's traffic (requests: the sources that feed it)." }),
});

const count = z.number().int();
const traffic = {
  events: z.object({ total: count, scheduled: count, paused: count, successful: count, failed: count, cancelled: count })
    .openapi({ description: "Events created in the window, by status now." }),
  attempts: z.object({ total: count, successful: count, failed: count,
    success_rate: z.number().nullable().openapi({ description: "successful / total (2xx answers over all attempts); null without attempts." }) })
    .openapi({ description: "Attempts started in the window." }),
  latency_ms: z.object({ p50: count, p95: count, p99: count }).nullable()
    .openapi({ description: "Nearest-rank percentiles of the window's attempt durations (milliseconds); null without attempts." }),
  queue: z.object({ scheduled: count, oldest_scheduled_age_ms: count.nullable() })
    .openapi({ description: "Events waiting for delivery now (status scheduled), whatever the window, and how long ago the oldest was created." }),
};

const metrics = z.object({
  window: z.string(),
  from: isoTime,
  to: isoTime,
  latency_sampled: z.boolean().openapi({ description: `True when the window held more than ${LATENCY_SAMPLE} attempts: latency percentiles then describe the most recent ${LATENCY_SAMPLE} (counts are always exact).` }),
  sources: z.array(z.object({ source_id: z.string(), requests: z.object({ total: count, accepted: count, rejected: count }), ...traffic })),
  connections: z.array(z.object({ connection_id: z.string(), source_id: z.string(), destination_id: z.string(), ...traffic })),
  destinations: z.array(z.object({ destination_id: z.string(), ...traffic })),
}).openapi("Metrics");

export type Metrics = z.infer<typeof metrics>;

const get = createRoute({ method: "get", path: "/v1/metrics", tags: ["Metrics"], "x-role": "read", request: { query },
  description: "Traffic and delivery figures per source, connection and destination over a window ending now.",
  responses: { 200: jsonResponse(metrics, "The figures; an object appears when it had traffic in the window or has events waiting."), ...errorResponses } });

export function metricsRoutes() {
  const app = adminRouter();

  app.openapi(get, async (c) => {
    const q = c.req.valid("query");
    const now = Date.now();
    const since = now - windowMs(q.window)!;
    const rows = await readMetrics(database(c.env.DB), since, { sourceId: q.source_id, connectionId: q.connection_id, destinationId: q.destination_id });
    return c.json({ window: q.window, from: new Date(since).toISOString(), to: new Date(now).toISOString(), ...metricsReport(rows, now) }, 200);
  });

  return app;
}
