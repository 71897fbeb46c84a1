import { createRoute, z } from "@hono/zod-openapi";
import { and, desc, eq, lt } from "drizzle-orm";
import { database } from "../db/client";
import { replays } from "../db/schema";
import { badRequest, conflict, type ProblemField } from "../http/problem";
import { eventReplayQuery, jobKey, normalizeSelection, requestReplayQuery, type ReplaySelection } from "../replay/query";
import { fromRecord, type ReplayView } from "../replay/replay-record";
import { boundsAt, countSelection } from "../replay/selection";
import { adminRouter } from "./app";
import { assertFound, errorResponses, idParam, iso, isoTime, jsonBody, jsonResponse, listQuery, page, toPage } from "./common";

// /v1/replays (spec §2 Replay, §3): bulk retry. A replay runs as a ReplayJob Durable Object (see
// src/replay/replay-job.ts); this file validates the query, answers dry runs, and reads the job's
// record.

const kind = z.enum(["events", "requests"]).openapi({ description: "`events`: deliver the selected events again (attempt trigger `bulk_retry`). `requests`: route the selected requests again through today's rules." });
const dryRun = z.boolean().default(false).openapi({ description: "Count what the query selects; start nothing." });

const replayInput = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("events"), query: eventReplayQuery, dry_run: dryRun }),
    z.object({ kind: z.literal("requests"), query: requestReplayQuery, dry_run: dryRun }),
  ])
  .openapi("ReplayInput");

// `kind` may be left out: a replay over events is the common case (spec §3: "a query over events").
const replayBody = z.preprocess(
  (value) => (value && typeof value === "object" && !Array.isArray(value) && !("kind" in value) ? { ...value, kind: "events" } : value),
  replayInput,
);

const replayStatus = z.enum(["running", "completed", "cancelled", "failed"]);

const replay = z
  .object({
    id: z.string(),
    kind,
    query: z.record(z.string(), z.unknown()),
    status: replayStatus,
    total: z.number().int().openapi({ description: "How many items the query selected when the job started." }),
    processed: z.number().int().openapi({ description: "Items replayed so far: delivery attempted (or handed to the destination's pacer), or request routed." }),
    failed: z.number().int().openapi({ description: "Items that could not be replayed: their queue message was dead-lettered or never taken." }),
    created_at: isoTime,
    updated_at: isoTime,
    completed_at: isoTime.nullable(),
  })
  .openapi("Replay");

const dryRunResult = z
  .object({ dry_run: z.literal(true), kind, query: z.record(z.string(), z.unknown()), total: z.number().int() })
  .openapi("ReplayDryRun");

const create = createRoute({
  method: "post", path: "/v1/replays", tags: ["Replays"], "x-role": "admin",
  description: "Start a bulk replay, or answer the one already running for the same query (200). With `dry_run`, count only.",
  request: jsonBody(replayBody),
  responses: {
    201: jsonResponse(replay, "The job started."),
    200: jsonResponse(z.union([replay, dryRunResult]), "The job already running for this query, or the dry run's count."),
    ...errorResponses,
  },
});
const list = createRoute({ method: "get", path: "/v1/replays", tags: ["Replays"], "x-role": "read",
  request: { query: listQuery.extend({ status: replayStatus.optional() }) },
  responses: { 200: jsonResponse(page(replay), "A page of replays, newest first."), ...errorResponses } });
const get = createRoute({ method: "get", path: "/v1/replays/{id}", tags: ["Replays"], "x-role": "read", request: { params: idParam("rpl") },
  responses: { 200: jsonResponse(replay, "The replay, with live progress while it runs."), ...errorResponses } });
const cancel = createRoute({ method: "post", path: "/v1/replays/{id}/cancel", tags: ["Replays"], "x-role": "admin", request: { params: idParam("rpl") },
  description: "Stop a running replay: nothing more is sent, and items already queued are dropped. Attempts already made stand.",
  responses: { 200: jsonResponse(replay, "The cancelled replay."), ...errorResponses } });

function presentReplay(view: ReplayView): z.infer<typeof replay> {
  return {
    id: view.id, kind: view.kind, query: view.query, status: view.status, total: view.total, processed: view.processed, failed: view.failed,
    created_at: iso(view.createdAt)!, updated_at: iso(view.updatedAt)!, completed_at: iso(view.completedAt),
  };
}

/** Checks a replay query cannot express alone: it selects something, and its window is not empty. */
function selectionProblems(selection: ReplaySelection): ProblemField[] {
  const problems: ProblemField[] = [];
  const { created_after, created_before } = selection.query;
  // Replaying every event ever received is almost never what was meant, and cannot be undone.
  if (Object.values(selection.query).every((v) => v === undefined)) problems.push({ path: "query", message: "name at least one filter" });
  if (created_after && created_before && Date.parse(created_after) >= Date.parse(created_before)) {
    problems.push({ path: "query.created_before", message: "must be later than created_after" });
  }
  return problems;
}

export function replayRoutes() {
  const app = adminRouter();

  app.openapi(create, async (c) => {
    const { dry_run, ...input } = c.req.valid("json");
    const selection = normalizeSelection(input as ReplaySelection);
    const problems = selectionProblems(selection);
    if (problems.length) throw badRequest(problems);
    if (dry_run) {
      const total = await countSelection(database(c.env.DB), selection, boundsAt(selection, Date.now()));
      return c.json({ dry_run: true as const, kind: selection.kind, query: selection.query, total }, 200);
    }
    const key = await jobKey(selection);
    const { replay: started, created } = await c.env.REPLAY.get(c.env.REPLAY.idFromName(key)).start(key, selection);
    return created ? c.json(presentReplay(started), 201) : c.json(presentReplay(started), 200);
  });

  app.openapi(list, async (c) => {
    const q = c.req.valid("query");
    const rows = await database(c.env.DB).select().from(replays)
      .where(and(q.cursor ? lt(replays.id, q.cursor) : undefined, q.status ? eq(replays.status, q.status) : undefined))
      .orderBy(desc(replays.id)).limit(q.limit + 1).all();
    const { data, next_cursor } = toPage(rows, q.limit);
    return c.json({ data: data.map((row) => presentReplay(fromRecord(row))), next_cursor }, 200);
  });

  app.openapi(get, async (c) => {
    const { id } = c.req.valid("param");
    const record = fromRecord(assertFound(await database(c.env.DB).select().from(replays).where(eq(replays.id, id)).get(), "Replay"));
    // While it runs, the job's object has the live counts; the record trails it by up to a page.
    const live = record.status === "running" ? await c.env.REPLAY.get(c.env.REPLAY.idFromName(record.jobKey)).inspect(id) : null;
    return c.json(presentReplay(live ?? record), 200);
  });

  app.openapi(cancel, async (c) => {
    const { id } = c.req.valid("param");
    const record = fromRecord(assertFound(await database(c.env.DB).select().from(replays).where(eq(replays.id, id)).get(), "Replay"));
    const view = (await c.env.REPLAY.get(c.env.REPLAY.idFromName(record.jobKey)).cancel(id)) ?? record;
    if (view.status === "completed" || view.status === "failed") throw conflict(`The replay is already ${view.status}.`);
    return c.json(presentReplay(view), 200);
  });

  return app;
}
