import { z } from "@hono/zod-openapi";

// The entries of a lifecycle trace (GET /v1/events/:id/trace, GET /v1/requests/:id/trace): what
// happened to a webhook, one entry per step, in time order. Each entry says when (`at`) and what
// (`type`); the rest depends on the type.

const at = z.string().openapi({ format: "date-time" });

const bodyPreview = z.object({
  method: z.string(),
  path: z.string(),
  query: z.string(),
  headers: z.record(z.string(), z.string()).openapi({ description: "Credentials masked." }),
  body: z.string().openapi({ description: "The first 4 KB of the body (a UTF-8 character cut at the end is dropped)." }),
  body_encoding: z.enum(["utf8", "base64"]),
  body_size: z.number().int().openapi({ description: "The whole body's size in bytes." }),
  body_truncated: z.boolean().openapi({ description: "True when `body` is only the start of it." }),
});

export const traceEntry = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("received"), at, request_id: z.string(), source_id: z.string(), method: z.string(), path: z.string(),
      query: z.string(), headers: z.record(z.string(), z.string()).openapi({ description: "As received, credentials masked." }),
      body_size: z.number().int(), provider_event_id: z.string().nullable() }),
    z.object({ type: z.literal("verified"), at, request_id: z.string(),
      verification: z.string().nullable().openapi({ description: "The source's verification type when the request arrived; null: none configured." }),
      verified: z.boolean() }),
    z.object({ type: z.literal("rejected"), at, request_id: z.string(), rejection: z.string(), detail: z.string().nullable() }),
    z.object({ type: z.literal("rule"), at, connection_id: z.string(), rule: z.enum(["filter", "deduplicate", "transform", "delay"]),
      result: z.enum(["passed", "filtered", "deduplicated", "transformed", "transform_failed", "delayed", "not_recorded"]),
      detail: z.string().optional(), transformation_id: z.string().optional(), delay_ms: z.number().int().optional(),
      before: bodyPreview.optional(), after: bodyPreview.optional(),
      console: z.array(z.object({ level: z.string(), message: z.string() })).optional() }),
    z.object({ type: z.literal("event_created"), at, event_id: z.string(), connection_id: z.string(), destination_id: z.string() }),
    z.object({ type: z.literal("attempt"), at, event_id: z.string(), attempt_id: z.string(), number: z.number().int(), trigger: z.string(),
      url: z.string(), status_code: z.number().int().nullable(), error: z.string().nullable(), error_detail: z.string().nullable(),
      duration_ms: z.number().int(), response_body: z.string().nullable() }),
    z.object({ type: z.literal("status"), at, event_id: z.string(),
      status: z.enum(["scheduled", "paused", "successful", "failed", "cancelled"]), next_attempt_at: z.string().nullable() }),
  ])
  .openapi("TraceEntry");

export type TraceEntry = z.infer<typeof traceEntry>;
export type BodyPreview = z.infer<typeof bodyPreview>;

// Steps that share a millisecond keep their causal order.
const PHASE: Record<TraceEntry["type"], number> = { received: 0, verified: 1, rejected: 1, rule: 2, event_created: 3, attempt: 4, status: 5 };

/** Entries in time order; within a millisecond, in the order the pipeline runs them. */
export function inTimeOrder(entries: TraceEntry[]): TraceEntry[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.at.localeCompare(b.entry.at) || PHASE[a.entry.type] - PHASE[b.entry.type] || a.index - b.index)
    .map(({ entry }) => entry);
}
