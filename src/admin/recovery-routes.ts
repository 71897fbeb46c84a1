import { createRoute, z } from "@hono/zod-openapi";
import { database } from "../db/client";
import { conflict, notFound, Problem } from "../http/problem";
import { errorField, log } from "../log";
import { sendAll } from "../queue/enqueue";
import { cancelEvent } from "../recovery/cancel-event";
import { retryEvent } from "../recovery/retry-event";
import { retryRequest } from "../recovery/retry-request";
import { adminRouter } from "./app";
import { errorResponses, idParam, jsonResponse } from "./common";
import { presentEvent } from "./events";

// Recovery of single objects (spec §3): POST /v1/events/:id/retry, POST /v1/events/:id/cancel and
// POST /v1/requests/:id/retry. The use cases live in src/recovery/; bulk replays in ./replays.ts.

// The answer is the Event of GET /v1/events/:id (presentEvent), referenced rather than declared twice.
const eventRef = {
  "application/json": {
    schema: z.custom<ReturnType<typeof presentEvent>>((v) => typeof v === "object" && v !== null)
      .openapi({ type: "object", allOf: [{ $ref: "#/components/schemas/Event" }] }),
  },
};

const retryEventRoute = createRoute({
  method: "post", path: "/v1/events/{id}/retry", tags: ["Events"], "x-role": "admin", request: { params: idParam("evt") },
  description: "Queue a new attempt now (trigger `manual`), whatever the event's status; the destination's pacing still applies. A success makes the event `successful`; a failure starts no new retry schedule.",
  responses: { 202: { description: "The attempt is queued; the event as it was.", content: eventRef }, ...errorResponses },
});

const cancelEventRoute = createRoute({
  method: "post", path: "/v1/events/{id}/cancel", tags: ["Events"], "x-role": "admin", request: { params: idParam("evt") },
  description: "A `scheduled` or `paused` event stops for good. Final events and events with an attempt in flight are a 409.",
  responses: { 200: { description: "The cancelled event.", content: eventRef }, ...errorResponses },
});

const rerouted = z
  .object({
    request_id: z.string(),
    events: z.array(z.object({ id: z.string(), connection_id: z.string(), destination_id: z.string() }))
      .openapi({ description: "Events created by this routing, one per connection that had none and whose rules passed." }),
    ignored: z.array(z.object({ connection_id: z.string(), cause: z.string(), detail: z.string().optional() }))
      .openapi({ description: "Connections evaluated this time whose rules turned the request away." }),
  })
  .openapi("RequestRetry");

const retryRequestRoute = createRoute({
  method: "post", path: "/v1/requests/{id}/retry", tags: ["Requests"], "x-role": "admin", request: { params: idParam("req") },
  description: "Route the stored request again through today's rules, for the connections that have no event for it yet (after fixing a filter or a transformation that ignored it). Rejected requests are a 409.",
  responses: { 200: jsonResponse(rerouted, "What this routing created and ignored."), ...errorResponses },
});

const queueUnavailable = (error: unknown) => {
  log("error", "recovery.enqueue_failed", { error: errorField(error) });
  return new Problem(503, "Service Unavailable", "The retry could not be queued; try again.", undefined, { "retry-after": "5" });
};

export function recoveryRoutes() {
  const app = adminRouter();

  app.openapi(retryEventRoute, async (c) => {
    const { id } = c.req.valid("param");
    const outcome = await retryEvent(database(c.env.DB), async (message) => {
      try {
        await c.env.DELIVERY_QUEUE.send(message);
      } catch (error) {
        throw queueUnavailable(error);
      }
    }, id);
    if (outcome.kind === "not_found") throw notFound("Event");
    if (outcome.kind === "orphaned") throw conflict("The event's connection or destination no longer exists.");
    return c.json(presentEvent(outcome.event), 202);
  });

  app.openapi(cancelEventRoute, async (c) => {
    const { id } = c.req.valid("param");
    const outcome = await cancelEvent(database(c.env.DB), id, Date.now());
    if (outcome.kind === "not_found") throw notFound("Event");
    if (outcome.kind === "final") throw conflict(`The event is ${outcome.event.status}; only a scheduled or paused event can be cancelled.`);
    if (outcome.kind === "in_flight") throw conflict("An attempt is in flight; cancel again once it ends.");
    if (outcome.next) {
      // If this send fails, the sweeper hands the turn on within its grace period.
      await c.env.DELIVERY_QUEUE.send(outcome.next).catch((error) => log("error", "recovery.enqueue_failed", { error: errorField(error) }));
    }
    return c.json(presentEvent(outcome.event), 200);
  });

  app.openapi(retryRequestRoute, async (c) => {
    const { id } = c.req.valid("param");
    // If the enqueue fails, the new events are stored as scheduled and the sweeper sends them.
    const outcome = await retryRequest(database(c.env.DB), (messages) => sendAll(c.env.DELIVERY_QUEUE, messages).catch((error) => {
      log("error", "recovery.enqueue_failed", { request_id: id, error: errorField(error) });
    }), id, Date.now());
    if (outcome.kind === "not_found") throw notFound("Request");
    if (outcome.kind === "rejected") throw conflict("The request was rejected at ingest; it was never accepted and cannot be routed.");
    return c.json({
      request_id: id,
      events: outcome.created.map((e) => ({ id: e.id, connection_id: e.connectionId, destination_id: e.destinationId })),
      ignored: outcome.ignored,
    }, 200);
  });

  return app;
}
