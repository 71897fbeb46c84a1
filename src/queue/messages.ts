import { z } from "zod";

// Queue messages carry ids, never payloads (a message holds at most 128 KB; a body holds 10 MiB).
// Each is tagged and versioned so that a deploy with a new shape can still read the old one.

export const attemptTriggers = ["initial", "automatic", "manual", "bulk_retry", "unpause"] as const;
export type AttemptTrigger = (typeof attemptTriggers)[number];

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

export const queueMessage = z.discriminatedUnion("kind", [routeMessage, deliverMessage, releaseMessage]);

export type QueueMessage = z.infer<typeof queueMessage>;
export type RouteMessage = z.infer<typeof routeMessage>;
export type DeliverMessage = z.infer<typeof deliverMessage>;
export type ReleaseMessage = z.infer<typeof releaseMessage>;

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
