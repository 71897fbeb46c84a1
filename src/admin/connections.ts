import { z } from "@hono/zod-openapi";
import { and, desc, eq, isNull, lt } from "drizzle-orm";
import { database, type Db } from "../db/client";
import { connections, destinations, events, sources, transformations } from "../db/schema";
import { badRequest, type ProblemField } from "../http/problem";
import { newId } from "../ids";
import { handTurnsOn } from "../delivery/fifo";
import { cancelOrphans } from "../events/control";
import { releaseMsg } from "../queue/messages";
import { rulesSchema, type Rule } from "../rules/schema";
import { validateFilter } from "../rules/filter";
import { validateRules } from "../rules/validate";
import { adminRouter } from "./app";
import { assertFound, iso, isoTime, listQuery, pauseRouteDefs, resourceRoutes, toPage, uniqueOr409 } from "./common";

// /v1/connections (spec §2 Connection): a route from one source to one destination, with rules.

const name = z.string().min(1).max(100).regex(/^[A-Za-z0-9._-]+$/, "letters, digits, '.', '_' and '-' only");
const rules = rulesSchema.openapi({ description: "Rules: filter, deduplicate, transform (run in that order), delay and retry." });

const connectionInput = z
  .object({
    name,
    source_id: z.string().startsWith("src_"),
    destination_id: z.string().startsWith("des_"),
    rules: rules.default([]),
    disabled: z.boolean().default(false),
  })
  .openapi("ConnectionInput");

const connectionPatch = z
  .object({
    name: name.optional(),
    destination_id: z.string().startsWith("des_").optional(),
    rules: rules.optional(),
    disabled: z.boolean().optional(),
  })
  .openapi("ConnectionPatch");

const connection = z
  .object({
    id: z.string(),
    name: z.string(),
    source_id: z.string(),
    destination_id: z.string(),
    rules: z.array(z.record(z.string(), z.unknown())),
    paused_at: isoTime.nullable(),
    disabled_at: isoTime.nullable(),
    created_at: isoTime,
    updated_at: isoTime,
  })
  .openapi("Connection");

const routes = resourceRoutes({
  tag: "Connections",
  path: "/v1/connections",
  idPrefix: "con",
  input: connectionInput,
  patch: connectionPatch,
  output: connection,
  filters: listQuery.extend({ source_id: z.string().optional(), destination_id: z.string().optional() }),
});

const pauseRoutes = pauseRouteDefs({ tag: "Connections", path: "/v1/connections", idPrefix: "con", output: connection });

type Row = typeof connections.$inferSelect;

function present(row: Row): z.infer<typeof connection> {
  return {
    id: row.id,
    name: row.name,
    source_id: row.sourceId,
    destination_id: row.destinationId,
    rules: row.rules as Record<string, unknown>[],
    paused_at: iso(row.pausedAt),
    disabled_at: iso(row.disabledAt),
    created_at: iso(row.createdAt)!,
    updated_at: iso(row.updatedAt)!,
  };
}

/** The references and rule contents a connection needs before it can be saved. */
async function checkConnection(db: Db, refs: { source_id?: string; destination_id?: string }, ruleList: Rule[] | undefined) {
  const problems: ProblemField[] = [];
  if (refs.source_id && !(await db.select({ id: sources.id }).from(sources).where(eq(sources.id, refs.source_id)).get())) {
    problems.push({ path: "source_id", message: "no source has this id" });
  }
  if (refs.destination_id && !(await db.select({ id: destinations.id }).from(destinations).where(eq(destinations.id, refs.destination_id)).get())) {
    problems.push({ path: "destination_id", message: "no destination has this id" });
  }
  if (ruleList) {
    problems.push(...(await validateRules(ruleList, {
      transformationExists: async (id) => Boolean(await db.select({ id: transformations.id }).from(transformations).where(eq(transformations.id, id)).get()),
      filterProblems: validateFilter,
    })));
  }
  if (problems.length) throw badRequest(problems);
}

export function connectionRoutes() {
  const app = adminRouter();

  app.openapi(routes.list, async (c) => {
    const q = c.req.valid("query");
    const rows = await database(c.env.DB).select().from(connections)
      .where(and(
        q.cursor ? lt(connections.id, q.cursor) : undefined,
        q.source_id ? eq(connections.sourceId, q.source_id) : undefined,
        q.destination_id ? eq(connections.destinationId, q.destination_id) : undefined,
      ))
      .orderBy(desc(connections.id)).limit(q.limit + 1).all();
    const { data, next_cursor } = toPage(rows, q.limit);
    return c.json({ data: data.map(present), next_cursor }, 200);
  });

  app.openapi(routes.create, async (c) => {
    const body = c.req.valid("json");
    const db = database(c.env.DB);
    await checkConnection(db, body, body.rules);
    const now = Date.now();
    const row: Row = {
      id: newId("connection", now), name: body.name, sourceId: body.source_id, destinationId: body.destination_id,
      rules: body.rules, pausedAt: null, disabledAt: body.disabled ? now : null, createdAt: now, updatedAt: now,
    };
    await uniqueOr409("name", () => db.insert(connections).values(row));
    return c.json(present(row), 201);
  });

  app.openapi(routes.get, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(present(assertFound(await database(c.env.DB).select().from(connections).where(eq(connections.id, id)).get(), "Connection")), 200);
  });

  app.openapi(routes.update, async (c) => {
    const { id } = c.req.valid("param");
    const patch = c.req.valid("json");
    const db = database(c.env.DB);
    const current = assertFound(await db.select().from(connections).where(eq(connections.id, id)).get(), "Connection");
    await checkConnection(db, { destination_id: patch.destination_id }, patch.rules);
    const now = Date.now();
    const row: Row = {
      ...current,
      name: patch.name ?? current.name,
      destinationId: patch.destination_id ?? current.destinationId,
      rules: patch.rules ?? current.rules,
      disabledAt: patch.disabled === undefined ? current.disabledAt : patch.disabled ? (current.disabledAt ?? now) : null,
      updatedAt: now,
    };
    await uniqueOr409("name", () => db.update(connections).set(row).where(eq(connections.id, id)));
    return c.json(present(row), 200);
  });

  app.openapi(routes.remove, async (c) => {
    const { id } = c.req.valid("param");
    const db = database(c.env.DB);
    assertFound(await db.select({ id: connections.id }).from(connections).where(eq(connections.id, id)).get(), "Connection");
    // Events still waiting for this connection can never be delivered once it is gone: they end
    // as cancelled, in the same batch, rather than linger as scheduled (an event a routing run
    // inserts after this, or one in flight, is cancelled by delivery when it finds the connection gone).
    const now = Date.now();
    const [cancelled] = await db.batch([
      cancelOrphans(db, eq(events.connectionId, id), now),
      db.delete(connections).where(eq(connections.id, id)),
    ]);
    await handTurnsOn(db, cancelled.map((e) => e.destinationId), (message) => c.env.DELIVERY_QUEUE.send(message));
    return c.body(null, 204);
  });

  app.openapi(pauseRoutes.pause, async (c) => {
    const { id } = c.req.valid("param");
    const db = database(c.env.DB);
    const now = Date.now();
    await db.update(connections).set({ pausedAt: now, updatedAt: now }).where(and(eq(connections.id, id), isNull(connections.pausedAt)));
    return c.json(present(assertFound(await db.select().from(connections).where(eq(connections.id, id)).get(), "Connection")), 200);
  });

  app.openapi(pauseRoutes.unpause, async (c) => {
    const { id } = c.req.valid("param");
    const db = database(c.env.DB);
    const row = assertFound(await db.update(connections).set({ pausedAt: null, updatedAt: Date.now() }).where(eq(connections.id, id)).returning().get(), "Connection");
    await c.env.DELIVERY_QUEUE.send(releaseMsg({ type: "connection", id }));
    return c.json(present(row), 200);
  });

  return app;
}
