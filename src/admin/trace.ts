import { createRoute, z } from "@hono/zod-openapi";
import { database } from "../db/client";
import { notFound } from "../http/problem";
import { eventTrace, requestTrace } from "../observability/trace/load-trace";
import { traceEntry } from "../observability/trace/trace-entry";
import { adminRouter } from "./app";
import { errorResponses, idParam, jsonResponse } from "./common";

// Lifecycle traces (spec §3): GET /v1/events/:id/trace and GET /v1/requests/:id/trace.

const trace = z.object({ data: z.array(traceEntry) }).openapi("Trace");

const ofEvent = createRoute({ method: "get", path: "/v1/events/{id}/trace", tags: ["Events"], "x-role": "read", request: { params: idParam("evt") },
  description: "The event's lifecycle in time order: arrival of its request, verification, each rule's outcome, each attempt with its answer, and its status now.",
  responses: { 200: jsonResponse(trace, "The trace, oldest step first."), ...errorResponses } });
const ofRequest = createRoute({ method: "get", path: "/v1/requests/{id}/trace", tags: ["Requests"], "x-role": "read", request: { params: idParam("req") },
  description: "The request's lifecycle in time order: arrival, verification or rejection, each connection's rules, and every event it led to with its attempts and status.",
  responses: { 200: jsonResponse(trace, "The trace, oldest step first."), ...errorResponses } });

export function traceRoutes() {
  const app = adminRouter();

  app.openapi(ofEvent, async (c) => {
    const entries = await eventTrace(database(c.env.DB), c.req.valid("param").id);
    if (!entries) throw notFound("Event");
    return c.json({ data: entries }, 200);
  });

  app.openapi(ofRequest, async (c) => {
    const entries = await requestTrace(database(c.env.DB), c.req.valid("param").id);
    if (!entries) throw notFound("Request");
    return c.json({ data: entries }, 200);
  });

  return app;
}
