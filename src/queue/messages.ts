import { z } from "zod";

// Queue messages carry ids, never payloads (a message holds at most 128 KB; a body holds 10 MiB).
// Each is tagged and versioned so that a deploy with a new shape can still read the old one.

export const attemptTriggers = ["initial", "automatic", "manual", "bulk_retry", "unpause"] as const;
export type AttemptTrigger = (typeof attemptTriggers)[number];

/** Attempts a person asked for (a manual retry, a bulk replay), as opposed to the gateway's own schedule. */
export function isRequested(trigger: AttemptTrigger): boolean {
  return trigger === "manual" || trigger === "bulk_retry";
}

const routeMessage = z.object({
  kind: z.literal("route"),
  v: z.literal(1),
  request_id: z.string(),
});

const deliverMessage = z.object({
  kind: z.literal("deliver"),
  v: z.literal(1),
  event_id: z.string(),
  // Lets the consumer share its outbound connections fairly between destinations before it has
  // read anything from D1.
  destination_id: z.string(),
  trigger: z.enum(attemptTriggers),
});

// Releases a page of paused events after an unpause, then sends itself for the next page.
const releaseMessage = z.object({
  kind: z.literal("release"),
  v: z.literal(1),
  target: z.object({ type: z.enum(["destination", "connection"]), id: z.string() }),
  after: z.object({ request_id: z.string(), id: z.string() }).nullable(),
});

// One item of a bulk replay: an event to deliver again or a request to route again. The consumer
// claims it from the job's Durable Object (named `job_key`) before working on it, so that a message
// sent twice still replays its item once.
const replayMessage = z.object({
  kind: z.literal("replay"),
  v: z.literal(1),
  job_key: z.string(),
  replay_id: z.string(),
  item_id: z.string(),
  destination_id: z.string().nullable(),
});

// One notification about an issue to one channel (docs/observability.md). `attempt` counts the
// tries; a failed one sends the next, delayed, rather than throwing, so the gateway's retry timing
// applies and not the queue's.
export const issueTransitions = ["opened", "resolved"] as const;
export type IssueTransition = (typeof issueTransitions)[number];

const notifyMessage = z.object({
  kind: z.literal("notify"),
  v: z.literal(1),
  channel_id: z.string(),
  issue_id: z.string(),
  transition: z.enum(issueTransitions),
  attempt: z.number().int().min(1),
});

export const queueMessage = z.discriminatedUnion("kind", [routeMessage, deliverMessage, releaseMessage, replayMessage, notifyMessage]);

export type QueueMessage = z.infer<typeof queueMessage>;
export type RouteMessage = z.infer<typeof routeMessage>;
export type DeliverMessage = z.infer<typeof deliverMessage>;
export type ReleaseMessage = z.infer<typeof releaseMessage>;
export type ReplayMessage = z.infer<typeof replayMessage>;
export type NotifyMessage = z.infer<typeof notifyMessage>;

export const routeMsg = (requestId: string): RouteMessage => ({
  kind: "route",
  v: 1,
  request_id: requestId,
});

export const deliverMsg = (
  eventId: string,
  destinationId: string,
  trigger: AttemptTrigger,
): DeliverMessage => ({ kind: "deliver", v: 1, event_id: eventId, destination_id: destinationId, trigger });

export const releaseMsg = (target: ReleaseMessage["target"], after: ReleaseMessage["after"] = null): ReleaseMessage => ({
  kind: "release",
  v: 1,
  target,
  after,
});

export const replayMsg = (jobKey: string, replayId: string, itemId: string, destinationId: string | null): ReplayMessage => ({
  kind: "replay",
  v: 1,
  job_key: jobKey,
  replay_id: replayId,
  item_id: itemId,
  destination_id: destinationId,
});

export const notifyMsg = (channelId: string, issueId: string, transition: IssueTransition, attempt = 1): NotifyMessage => ({
  kind: "notify",
  v: 1,
  channel_id: channelId,
  issue_id: issueId,
  transition,
  attempt,
});
