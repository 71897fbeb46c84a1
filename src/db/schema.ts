// The gateway's tables (spec §2). Timestamps are integer milliseconds since the epoch: they sort and
// compare cheaply in SQLite, and the API turns them into ISO-8601 strings. JSON columns hold values
// that were validated by zod before they were written.
import { sql } from "drizzle-orm";
import { blob, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import { json, ms } from "./columns";

export const sources = sqliteTable("sources", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  allowedMethods: json<string[]>("allowed_methods").notNull(),
  verification: json<Record<string, unknown> | null>("verification"),
  response: json<{ status: number; content_type: string; body: string } | null>("response"),
  disabledAt: ms("disabled_at"),
  createdAt: ms("created_at").notNull(),
  updatedAt: ms("updated_at").notNull(),
});

export const destinations = sqliteTable("destinations", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  url: text("url").notNull(),
  httpMethod: text("http_method").notNull(),
  headers: json<Record<string, string>>("headers").notNull(),
  auth: json<Record<string, unknown> | null>("auth"),
  signing: json<{ type: "standard_webhooks"; secrets: string[] } | null>("signing"),
  rateLimit: json<{ limit: number; period: "second" | "minute" | "hour" } | null>("rate_limit"),
  maxConcurrency: integer("max_concurrency"),
  deliveryOrder: text("delivery_order").notNull(),
  timeoutMs: integer("timeout_ms").notNull(),
  pausedAt: ms("paused_at"),
  createdAt: ms("created_at").notNull(),
  updatedAt: ms("updated_at").notNull(),
});

export const connections = sqliteTable(
  "connections",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    sourceId: text("source_id")
      .notNull()
      .references(() => sources.id),
    destinationId: text("destination_id")
      .notNull()
      .references(() => destinations.id),
    rules: json<unknown[]>("rules").notNull(),
    pausedAt: ms("paused_at"),
    disabledAt: ms("disabled_at"),
    createdAt: ms("created_at").notNull(),
    updatedAt: ms("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("connections_source_name").on(t.sourceId, t.name),
    index("connections_destination").on(t.destinationId),
  ],
);

export const requests = sqliteTable(
  "requests",
  {
    id: text("id").primaryKey(),
    sourceId: text("source_id").notNull(),
    receivedAt: ms("received_at").notNull(),
    method: text("method").notNull(),
    path: text("path").notNull(),
    query: text("query").notNull(),
    headers: json<Record<string, string>>("headers").notNull(),
    // Bodies up to INLINE_BODY_LIMIT live here; larger ones are split across request_body_chunks
    // (a D1 row holds at most 2 MB) and this column is NULL.
    body: blob("body", { mode: "buffer" }).$type<Uint8Array>(),
    bodySize: integer("body_size").notNull(),
    bodyChunks: integer("body_chunks").notNull().default(0),
    verified: integer("verified", { mode: "boolean" }).notNull(),
    rejection: text("rejection"),
    // The precise reason for a rejection, for the operator; never sent to the sender.
    rejectionDetail: text("rejection_detail"),
    eventsCount: integer("events_count").notNull().default(0),
    ignored: json<{ connection_id: string; cause: string; detail?: string }[]>("ignored")
      .notNull()
      .default(sql`'[]'`),
    // NULL until the queue consumer has routed the request through its source's connections.
    routedAt: ms("routed_at"),
    // When the request was last handed to the queue; the sweeper re-enqueues from this.
    enqueuedAt: ms("enqueued_at").notNull(),
    // The provider's own id for this webhook (Stripe's event id, GitHub's delivery id, ...), read at
    // ingest so that "did you get evt_123?" is one index lookup (src/observability/provider-event-id.ts).
    providerEventId: text("provider_event_id"),
    // The source's verification type when the request arrived (null: none configured), for the trace.
    verificationType: text("verification_type"),
  },
  (t) => [
    index("requests_source").on(t.sourceId, t.id),
    index("requests_unrouted")
      .on(t.enqueuedAt)
      .where(sql`routed_at IS NULL AND rejection IS NULL`),
    // Search (docs/observability.md): each list filter has an index that returns rows newest first.
    index("requests_source_verified").on(t.sourceId, t.verified, t.id),
    index("requests_rejected").on(t.id).where(sql`rejection IS NOT NULL`),
    index("requests_provider_event").on(t.providerEventId).where(sql`provider_event_id IS NOT NULL`),
  ],
);

export const requestBodyChunks = sqliteTable(
  "request_body_chunks",
  {
    requestId: text("request_id").notNull(),
    seq: integer("seq").notNull(),
    data: blob("data", { mode: "buffer" }).$type<Uint8Array>().notNull(),
  },
  (t) => [uniqueIndex("request_body_chunks_pk").on(t.requestId, t.seq)],
);

export const events = sqliteTable(
  "events",
  {
    id: text("id").primaryKey(),
    requestId: text("request_id").notNull(),
    connectionId: text("connection_id").notNull(),
    sourceId: text("source_id").notNull(),
    destinationId: text("destination_id").notNull(),
    status: text("status").$type<EventStatus>().notNull(),
    attemptsCount: integer("attempts_count").notNull().default(0),
    nextAttemptAt: ms("next_attempt_at"),
    lastAttemptAt: ms("last_attempt_at"),
    lastResponseStatus: integer("last_response_status"),
    // A delivery in flight holds the event until this time, so a redelivered queue message cannot
    // start a second, concurrent attempt.
    leaseUntil: ms("lease_until"),
    // The trigger of the attempt holding the lease: if its worker dies before recording it, the next
    // claim records it as an `interrupted` attempt under this trigger.
    leaseTrigger: text("lease_trigger"),
    createdAt: ms("created_at").notNull(),
    updatedAt: ms("updated_at").notNull(),
  },
  (t) => [
    // Routing the same request twice (a redelivered queue message) creates no second event.
    uniqueIndex("events_request_connection").on(t.requestId, t.connectionId),
    index("events_status").on(t.status, t.id),
    index("events_source").on(t.sourceId, t.id),
    index("events_connection").on(t.connectionId, t.id),
    index("events_destination").on(t.destinationId, t.id),
    index("events_due")
      .on(t.nextAttemptAt)
      .where(sql`status = 'scheduled'`),
    // Search by status within a source, connection or destination, newest first.
    index("events_source_status").on(t.sourceId, t.status, t.id),
    index("events_connection_status").on(t.connectionId, t.status, t.id),
    index("events_destination_status").on(t.destinationId, t.status, t.id),
  ],
);

export type EventStatus = "scheduled" | "paused" | "successful" | "failed" | "cancelled";

export const attempts = sqliteTable(
  "attempts",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id").notNull(),
    number: integer("number").notNull(),
    trigger: text("trigger").notNull(),
    url: text("url").notNull(),
    statusCode: integer("status_code"),
    error: text("error"),
    errorDetail: text("error_detail"),
    responseHeaders: json<Record<string, string>>("response_headers").notNull(),
    responseBody: text("response_body"),
    durationMs: integer("duration_ms").notNull(),
    startedAt: ms("started_at").notNull(),
  },
  (t) => [uniqueIndex("attempts_event_number").on(t.eventId, t.number)],
);

export type IssueStatus = "open" | "acknowledged" | "resolved";

/** Delivery problems worth a human's attention (spec §2 Issue; the rule: docs/observability.md). */
export const issues = sqliteTable(
  "issues",
  {
    id: text("id").primaryKey(),
    connectionId: text("connection_id").notNull(),
    destinationId: text("destination_id").notNull(),
    status: text("status").$type<IssueStatus>().notNull(),
    firstSeenAt: ms("first_seen_at").notNull(),
    lastSeenAt: ms("last_seen_at").notNull(),
    failures: integer("failures").notNull().default(0),
    lastAttemptId: text("last_attempt_id"),
    acknowledgedAt: ms("acknowledged_at"),
    resolvedAt: ms("resolved_at"),
    createdAt: ms("created_at").notNull(),
    updatedAt: ms("updated_at").notNull(),
  },
  (t) => [
    index("issues_connection").on(t.connectionId, t.status),
    // At most one unresolved issue per connection: a flood of failures lands on it, whichever
    // isolate records them.
    uniqueIndex("issues_unresolved_connection").on(t.connectionId).where(sql`status != 'resolved'`),
  ],
);

/** Failed attempts in a row per connection, since its last successful delivery: feeds the issue rule. */
export const connectionHealth = sqliteTable("connection_health", {
  connectionId: text("connection_id").primaryKey(),
  consecutiveFailures: integer("consecutive_failures").notNull().default(0),
  updatedAt: ms("updated_at").notNull(),
});

/** Where issue notifications go (spec §2): Slack, PagerDuty, a signed webhook, OpsGenie or Microsoft Teams. */
export const notificationChannels = sqliteTable("notification_channels", {
  id: text("id").primaryKey(),
  type: text("type").$type<"slack" | "pagerduty" | "webhook" | "opsgenie" | "teams">().notNull(),
  url: text("url").notNull(),
  // The channel's integration key: PagerDuty's routing key or OpsGenie's API key (`api_key` in the
  // API); write-only in the API.
  routingKey: text("routing_key"),
  // The generic webhook's Standard Webhooks secret (whsec_…); write-only in the API.
  secret: text("secret"),
  // The admin API's origin as the channel's last writer reached it: links in messages point there.
  linkOrigin: text("link_origin").notNull(),
  createdAt: ms("created_at").notNull(),
  updatedAt: ms("updated_at").notNull(),
});

/**
 * Bulk replays (spec §2 Replay). The job itself, with its cursor, runs in the ReplayJob Durable
 * Object named `job_key`; this row is its record for the API, kept up to date as it runs.
 */
export const replays = sqliteTable("replays", {
  id: text("id").primaryKey(),
  // "events" (deliver again) or "requests" (route again).
  kind: text("kind").notNull().default("events"),
  jobKey: text("job_key").notNull().default(""),
  query: json<Record<string, unknown>>("query").notNull(),
  status: text("status").notNull(),
  total: integer("total").notNull().default(0),
  processed: integer("processed").notNull().default(0),
  // Items that could not be replayed: their queue message was dead-lettered or never taken.
  failed: integer("failed").notNull().default(0),
  createdAt: ms("created_at").notNull(),
  updatedAt: ms("updated_at").notNull().default(0),
  completedAt: ms("completed_at"),
});

/** Named JavaScript transformations that connections reference (spec §5). */
export const transformations = sqliteTable("transformations", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  code: text("code").notNull(),
  // Variables handed to the code as context.env; write-only in the API.
  env: json<Record<string, string>>("env").notNull(),
  createdAt: ms("created_at").notNull(),
  updatedAt: ms("updated_at").notNull(),
});

/**
 * What a transformation made of the request, for one event: delivery sends this instead of the
 * stored request. The body follows the request's storage rule (inline up to 1 MB, else chunks in
 * request_body_chunks under the event id).
 */
export const eventPayloads = sqliteTable("event_payloads", {
  eventId: text("event_id").primaryKey(),
  method: text("method").notNull(),
  path: text("path").notNull(),
  query: text("query").notNull(),
  headers: json<Record<string, string>>("headers").notNull(),
  body: blob("body", { mode: "buffer" }).$type<Uint8Array>(),
  bodySize: integer("body_size").notNull(),
  bodyChunks: integer("body_chunks").notNull().default(0),
  // The transformation's console output, for the trace.
  console: json<{ level: string; message: string }[]>("console").notNull(),
});

/** Deduplication keys seen per connection, until they expire (spec §2 Rule `deduplicate`). */
export const dedupeKeys = sqliteTable(
  "dedupe_keys",
  {
    connectionId: text("connection_id").notNull(),
    key: text("key").notNull(),
    // The request that holds the key: routing the same request again is not a duplicate of itself.
    requestId: text("request_id").notNull(),
    expiresAt: ms("expires_at").notNull(),
  },
  (t) => [uniqueIndex("dedupe_keys_pk").on(t.connectionId, t.key), index("dedupe_keys_expiry").on(t.expiresAt)],
);

// Tables of their own concern, in files of their own; this module stays the one schema entry point.
export * from "./access-schema";
export * from "./metrics-schema";
