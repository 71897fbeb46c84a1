import type { attempts, events, requests } from "../../db/schema";
import type { Rule } from "../../rules/schema";
import { maskParts, maskUrl, type Sensitive } from "../credential-mask";
import type { BodyPreview, TraceEntry } from "./trace-entry";

// The steps of a trace, from the rows that record them. What the pipeline records is shown as
// recorded: arrival, verification or rejection, why a connection ignored the request, the
// transformed payload, every attempt, the event's status. Rules that let an event through leave no
// record of their own, so they are listed from the connection's rules as they are now, as passed.

const iso = (ms: number) => new Date(ms).toISOString();

type RequestRow = Omit<typeof requests.$inferSelect, "body">;
type EventRow = typeof events.$inferSelect;
type AttemptRow = typeof attempts.$inferSelect;

export function arrivalSteps(request: RequestRow, sensitive: Sensitive): TraceEntry[] {
  const at = iso(request.receivedAt);
  const { query, headers } = maskParts(request, sensitive);
  const received: TraceEntry = {
    type: "received", at, request_id: request.id, source_id: request.sourceId, method: request.method, path: request.path,
    query, headers, body_size: request.bodySize,
    provider_event_id: request.providerEventId,
  };
  if (request.rejection) return [received, { type: "rejected", at, request_id: request.id, rejection: request.rejection, detail: request.rejectionDetail }];
  return [received, { type: "verified", at, request_id: request.id, verification: request.verificationType, verified: request.verified }];
}

const RULE_OF_CAUSE = { filtered: "filter", deduplicated: "deduplicate", transform_failed: "transform" } as const;
type Cause = keyof typeof RULE_OF_CAUSE;

/** Connections that routed no event for the request, and why (the request's `ignored`). */
export function ignoredSteps(request: RequestRow): TraceEntry[] {
  if (request.routedAt === null) return [];
  const at = iso(request.routedAt);
  return request.ignored
    .filter((ignored): ignored is typeof ignored & { cause: Cause } => ignored.cause in RULE_OF_CAUSE)
    .map((ignored) => ({
      type: "rule" as const,
      at,
      connection_id: ignored.connection_id,
      rule: RULE_OF_CAUSE[ignored.cause],
      result: ignored.cause,
      ...(ignored.detail ? { detail: ignored.detail } : {}),
    }));
}

export interface Transformed {
  before: BodyPreview;
  after: BodyPreview;
  console: { level: string; message: string }[];
}

/**
 * The rules an event passed on its way to being created, then the event itself. Only the final
 * output of a connection's transformations is stored, so with several `transform` rules the
 * before/after sits on the last one and spans them all.
 */
export function routingSteps(event: EventRow, rules: Rule[] | null, transformed: Transformed | null): TraceEntry[] {
  const at = iso(event.createdAt);
  const steps: TraceEntry[] = [];
  const lastTransform = (rules ?? []).findLastIndex((rule) => rule.type === "transform");
  (rules ?? []).forEach((rule, index) => {
    const base = { type: "rule" as const, at, connection_id: event.connectionId };
    if (rule.type === "filter" || rule.type === "deduplicate") steps.push({ ...base, rule: rule.type, result: "passed" });
    else if (rule.type === "delay") steps.push({ ...base, rule: "delay", result: "delayed", delay_ms: rule.delay_ms });
    else if (rule.type === "transform") {
      const step = { ...base, rule: "transform" as const, transformation_id: rule.transformation_id };
      if (!transformed) steps.push({ ...step, result: "not_recorded", detail: "no transformed payload is stored for this event (the connection's rules changed after it was created)" });
      else steps.push(index === lastTransform ? { ...step, result: "transformed", ...transformed } : { ...step, result: "transformed" });
    }
  });
  steps.push({ type: "event_created", at, event_id: event.id, connection_id: event.connectionId, destination_id: event.destinationId });
  return steps;
}

/** Each attempt with its answer, then where the event stands. */
export function deliverySteps(event: EventRow, attemptRows: AttemptRow[], sensitive: Sensitive): TraceEntry[] {
  const steps: TraceEntry[] = attemptRows.map((a) => ({
    type: "attempt", at: iso(a.startedAt), event_id: a.eventId, attempt_id: a.id, number: a.number, trigger: a.trigger,
    url: maskUrl(a.url, sensitive), status_code: a.statusCode, error: a.error, error_detail: a.errorDetail, duration_ms: a.durationMs,
    response_body: a.responseBody,
  }));
  const last = attemptRows.at(-1);
  // The status is as of the last change; a final status follows the attempt that decided it.
  const at = Math.max(event.updatedAt, last ? last.startedAt + last.durationMs : 0);
  steps.push({ type: "status", at: iso(at), event_id: event.id, status: event.status, next_attempt_at: event.nextAttemptAt === null ? null : iso(event.nextAttemptAt) });
  return steps;
}
