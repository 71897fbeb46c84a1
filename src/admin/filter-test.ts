import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { database } from "../db/client";
import { loadBody } from "../db/request-body";
import { requests } from "../db/schema";
import { badRequest } from "../http/problem";
import { matchFilter, parseBodyForFilter, validateFilter } from "../rules/filter";
import { filterRule } from "../rules/schema";
import { adminRouter } from "./app";
import { assertFound, errorResponses, jsonBody, jsonResponse } from "./common";

// POST /v1/filters/test: try a filter rule against a stored request before saving it on a
// connection (spec §9). The same validation and the same engine as routing, so the answer is the
// one routing would give.

const input = z
  .object({
    filter: filterRule.omit({ type: true }).openapi({ description: "A filter rule's parts: `body`, `headers`, `query`, `path` (spec §4)." }),
    request_id: z.string().startsWith("req_", "expected an id starting with req_"),
  })
  .openapi("FilterTest");

const output = z.object({ matched: z.boolean() }).openapi("FilterTestResult");

const route = createRoute({
  method: "post", path: "/v1/filters/test", tags: ["Connections"], "x-role": "read", request: jsonBody(input),
  description: "Whether a filter matches a stored request. Problems in the filter are a 400 naming each (`filter.body.amount.$gte`).",
  responses: { 200: jsonResponse(output, "Whether the request passes the filter."), ...errorResponses },
});

export function filterTestRoutes() {
  const app = adminRouter();
  app.openapi(route, async (c) => {
    const { filter, request_id } = c.req.valid("json");
    const rule = { type: "filter" as const, ...filter };
    const problems = validateFilter(rule);
    if (problems.length) throw badRequest(problems.map((p) => ({ path: `filter.${p.path}`, message: p.message })));
    const db = database(c.env.DB);
    const request = assertFound(await db.select().from(requests).where(eq(requests.id, request_id)).get(), "Request");
    const body = await loadBody(db, request);
    const input = { body: parseBodyForFilter(body, request.headers["content-type"]), headers: request.headers, query: request.query, path: request.path };
    return c.json({ matched: matchFilter(rule, input) }, 200);
  });
  return app;
}
