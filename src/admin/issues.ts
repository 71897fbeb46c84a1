import { createRoute, z } from "@hono/zod-openapi";
import { and, desc, eq, lt } from "drizzle-orm";
import { database } from "../db/client";
import { issues } from "../db/schema";
import { conflict, notFound } from "../http/problem";
import { errorField, log } from "../log";
import { changeIssueStatus } from "../observability/issues/change-status";
import { issueView } from "../observability/issues/issue-view";
import { sendBodies } from "../queue/enqueue";
import { adminRouter } from "./app";
import { assertFound, errorResponses, idParam, isoTime, jsonBody, jsonResponse, listQuery, page, toPage } from "./common";

// /v1/issues (spec §2 Issue): delivery problems per connection, opened and resolved by deliveries
// (src/observability/issues/record-outcome.ts), acknowledged or resolved by people.

const issueStatus = z.enum(["open", "acknowledged", "resolved"]);

const issue = z
  .object({
    id: z.string(),
    connection_id: z.string(),
    destination_id: z.string(),
    status: issueStatus,
    first_seen_at: isoTime,
    last_seen_at: isoTime,
    failures: z.number().int().openapi({ description: "Failed attempts counted on this issue, including those that opened it." }),
    last_attempt_id: z.string().nullable(),
    acknowledged_at: isoTime.nullable(),
    resolved_at: isoTime.nullable(),
    created_at: isoTime,
    updated_at: isoTime,
  })
  .openapi("Issue");

const issuePatch = z
  .object({ status: issueStatus.openapi({ description: "`acknowledged`, `resolved`, or `open` to take an acknowledgement back. A resolved issue stays resolved." }) })
  .openapi("IssuePatch");

const filters = listQuery.extend({
  connection_id: z.string().optional(),
  destination_id: z.string().optional(),
  status: issueStatus.optional(),
});

const list = createRoute({ method: "get", path: "/v1/issues", tags: ["Issues"], "x-role": "read", request: { query: filters },
  responses: { 200: jsonResponse(page(issue), "A page of issues, newest first."), ...errorResponses } });
const get = createRoute({ method: "get", path: "/v1/issues/{id}", tags: ["Issues"], "x-role": "read", request: { params: idParam("iss") },
  responses: { 200: jsonResponse(issue, "The issue."), ...errorResponses } });
const update = createRoute({ method: "patch", path: "/v1/issues/{id}", tags: ["Issues"], "x-role": "admin", request: { params: idParam("iss"), ...jsonBody(issuePatch) },
  description: "Acknowledge or resolve an issue. Resolving notifies every channel, as an automatic resolution does.",
  responses: { 200: jsonResponse(issue, "The updated issue."), ...errorResponses } });

export function issueRoutes() {
  const app = adminRouter();

  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const rows = await database(c.env.DB).select().from(issues)
      .where(and(
        q.cursor ? lt(issues.id, q.cursor) : undefined,
        q.connection_id ? eq(issues.connectionId, q.connection_id) : undefined,
        q.destination_id ? eq(issues.destinationId, q.destination_id) : undefined,
        q.status ? eq(issues.status, q.status) : undefined,
      ))
      .orderBy(desc(issues.id)).limit(q.limit + 1).all();
    const { data, next_cursor } = toPage(rows, q.limit);
    return c.json({ data: data.map(issueView), next_cursor }, 200);
  });

  app.openapi(get, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(issueView(assertFound(await database(c.env.DB).select().from(issues).where(eq(issues.id, id)).get(), "Issue")), 200);
  });

  app.openapi(update, async (c) => {
    const { id } = c.req.valid("param");
    const { status } = c.req.valid("json");
    const change = await changeIssueStatus(database(c.env.DB), id, status, Date.now());
    switch (change.kind) {
      case "not_found":
        throw notFound("Issue");
      case "final":
        throw conflict("This issue is resolved; failures from now on open a new issue.", [{ path: "status", message: "a resolved issue stays resolved" }]);
      case "unchanged":
        return c.json(issueView(change.issue), 200);
      case "changed":
        // The change is stored; a notification that cannot be queued is logged, not an error.
        await sendBodies(c.env.DELIVERY_QUEUE, change.messages).catch((error) =>
          log("error", "notification.enqueue_failed", { issue_id: id, transition: "resolved", error: errorField(error) }));
        return c.json(issueView(change.issue), 200);
    }
  });

  return app;
}
