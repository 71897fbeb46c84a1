import { z } from "@hono/zod-openapi";
import { and, desc, eq, isNull, lt } from "drizzle-orm";
import { config } from "../config";
import { database } from "../db/client";
import { connections, destinations, events } from "../db/schema";
import { headerName, headerValue } from "../http/header-fields";
import { conflict } from "../http/problem";
import { newId } from "../ids";
import { DESTINATION_SECRETS } from "../secrets/secret-columns";
import { openRow, openRows, sealRow } from "../secrets/sealed-row";
import { destinationAuth, redactAuth } from "../delivery/destination-auth";
import { redactSigning, signingConfig } from "../delivery/signing";
import { cancelOrphans } from "../events/control";
import { releaseMsg } from "../queue/messages";
import { adminRouter } from "./app";
import { assertFound, iso, isoTime, listQuery, pauseRouteDefs, resourceRoutes, toPage, uniqueOr409 } from "./common";
import { assertOutboundUrl } from "../outbound/address-guard";

// /v1/destinations (spec §2 Destination): where events go.

const name = z.string().min(1).max(100).regex(/^[A-Za-z0-9._-]+$/, "letters, digits, '.', '_' and '-' only");
const headers = z.record(headerName, headerValue.max(8_000)).refine((h) => Object.keys(h).length <= 50, "at most 50 headers");
const method = z.enum(["POST", "PUT", "PATCH", "GET", "DELETE"]);
const timeout = z.number().int().min(1_000).max(120_000);

const rateLimit = z.object({ limit: z.number().int().min(1).max(100_000), period: z.enum(["second", "minute", "hour"]) });
const maxConcurrency = z.number().int().min(1).max(1_000);
const deliveryOrder = z.enum(["any", "fifo"]);

const destinationInput = z
  .object({
    name,
    url: z.string().max(2_000),
    http_method: method.default("POST"),
    headers: headers.default({}),
    auth: destinationAuth.nullable().default(null),
    signing: signingConfig.nullable().default(null),
    rate_limit: rateLimit.nullable().default(null),
    max_concurrency: maxConcurrency.nullable().default(null),
    delivery_order: deliveryOrder.default("any"),
    timeout_ms: timeout.default(30_000),
  })
  .openapi("DestinationInput");

const destinationPatch = z
  .object({
    name: name.optional(),
    url: z.string().max(2_000).optional(),
    http_method: method.optional(),
    headers: headers.optional(),
    auth: destinationAuth.nullable().optional(),
    signing: signingConfig.nullable().optional(),
    rate_limit: rateLimit.nullable().optional(),
    max_concurrency: maxConcurrency.nullable().optional(),
    delivery_order: deliveryOrder.optional(),
    timeout_ms: timeout.optional(),
  })
  .openapi("DestinationPatch");

const destination = z
  .object({
    id: z.string(),
    name: z.string(),
    url: z.string(),
    http_method: z.string(),
    headers: z.record(z.string(), z.string()),
    auth: z.record(z.string(), z.unknown()).nullable().openapi({ description: "Secrets are masked." }),
    signing: z.object({ type: z.literal("standard_webhooks"), secrets: z.array(z.string()) }).nullable().openapi({ description: "Secrets are masked." }),
    rate_limit: rateLimit.nullable(),
    max_concurrency: z.number().int().nullable(),
    delivery_order: deliveryOrder,
    timeout_ms: z.number().int(),
    paused_at: isoTime.nullable(),
    created_at: isoTime,
    updated_at: isoTime,
  })
  .openapi("Destination");

const routes = resourceRoutes({
  tag: "Destinations",
  path: "/v1/destinations",
  idPrefix: "des",
  input: destinationInput,
  patch: destinationPatch,
  output: destination,
  filters: listQuery.extend({ name: z.string().optional() }),
});

const pauseRoutes = pauseRouteDefs({ tag: "Destinations", path: "/v1/destinations", idPrefix: "des", output: destination });

type Row = typeof destinations.$inferSelect;

function present(row: Row): z.infer<typeof destination> {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    http_method: row.httpMethod,
    headers: row.headers,
    auth: row.auth ? redactAuth(row.auth as never) : null,
    signing: row.signing ? redactSigning(row.signing) : null,
    rate_limit: row.rateLimit,
    max_concurrency: row.maxConcurrency,
    delivery_order: row.deliveryOrder as "any" | "fifo",
    timeout_ms: row.timeoutMs,
    paused_at: iso(row.pausedAt),
    created_at: iso(row.createdAt)!,
    updated_at: iso(row.updatedAt)!,
  };
}

export function destinationRoutes() {
  const app = adminRouter();

  app.openapi(routes.list, async (c) => {
    const q = c.req.valid("query");
    const rows = await database(c.env.DB).select().from(destinations)
      .where(and(q.cursor ? lt(destinations.id, q.cursor) : undefined, q.name ? eq(destinations.name, q.name) : undefined))
      .orderBy(desc(destinations.id)).limit(q.limit + 1).all();
    const { data, next_cursor } = toPage(rows, q.limit);
    return c.json({ data: (await openRows(DESTINATION_SECRETS, data)).map(present), next_cursor }, 200);
  });

  app.openapi(routes.create, async (c) => {
    const body = c.req.valid("json");
    assertOutboundUrl(body.url, config(c.env).allowPrivateDestinations);
    const now = Date.now();
    const row: Row = {
      id: newId("destination", now), name: body.name, url: body.url, httpMethod: body.http_method, headers: body.headers,
      auth: body.auth, signing: body.signing, rateLimit: body.rate_limit, maxConcurrency: body.max_concurrency,
      deliveryOrder: body.delivery_order, timeoutMs: body.timeout_ms,
      pausedAt: null, createdAt: now, updatedAt: now,
    };
    const sealed = await sealRow(DESTINATION_SECRETS, row);
    await uniqueOr409("name", () => database(c.env.DB).insert(destinations).values(sealed));
    return c.json(present(row), 201);
  });

  app.openapi(routes.get, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(present(await openRow(DESTINATION_SECRETS, assertFound(await database(c.env.DB).select().from(destinations).where(eq(destinations.id, id)).get(), "Destination"))), 200);
  });

  app.openapi(routes.update, async (c) => {
    const { id } = c.req.valid("param");
    const patch = c.req.valid("json");
    if (patch.url !== undefined) assertOutboundUrl(patch.url, config(c.env).allowPrivateDestinations);
    const db = database(c.env.DB);
    const current = await openRow(DESTINATION_SECRETS, assertFound(await db.select().from(destinations).where(eq(destinations.id, id)).get(), "Destination"));
    const row: Row = {
      ...current,
      name: patch.name ?? current.name,
      url: patch.url ?? current.url,
      httpMethod: patch.http_method ?? current.httpMethod,
      headers: patch.headers ?? current.headers,
      auth: patch.auth === undefined ? current.auth : patch.auth,
      signing: patch.signing === undefined ? current.signing : patch.signing,
      rateLimit: patch.rate_limit === undefined ? current.rateLimit : patch.rate_limit,
      maxConcurrency: patch.max_concurrency === undefined ? current.maxConcurrency : patch.max_concurrency,
      deliveryOrder: patch.delivery_order ?? current.deliveryOrder,
      timeoutMs: patch.timeout_ms ?? current.timeoutMs,
      updatedAt: Date.now(),
    };
    const sealed = await sealRow(DESTINATION_SECRETS, row);
    await uniqueOr409("name", () => db.update(destinations).set(sealed).where(eq(destinations.id, id)));
    return c.json(present(row), 200);
  });

  app.openapi(routes.remove, async (c) => {
    const { id } = c.req.valid("param");
    const db = database(c.env.DB);
    assertFound(await db.select({ id: destinations.id }).from(destinations).where(eq(destinations.id, id)).get(), "Destination");
    const used = await db.select({ id: connections.id }).from(connections).where(eq(connections.destinationId, id)).limit(1).get();
    if (used) throw conflict("Delete the connections that use this destination first.", [{ path: "id", message: `used by ${used.id}` }]);
    // Events a connection left here before it was re-pointed can never be delivered once the
    // destination is gone: they end as cancelled with it, rather than wait for ever.
    await db.batch([
      cancelOrphans(db, eq(events.destinationId, id), Date.now()),
      db.delete(destinations).where(eq(destinations.id, id)),
    ]);
    return c.body(null, 204);
  });

  app.openapi(pauseRoutes.pause, async (c) => {
    const { id } = c.req.valid("param");
    const db = database(c.env.DB);
    const now = Date.now();
    await db.update(destinations).set({ pausedAt: now, updatedAt: now }).where(and(eq(destinations.id, id), isNull(destinations.pausedAt)));
    return c.json(present(await openRow(DESTINATION_SECRETS, assertFound(await db.select().from(destinations).where(eq(destinations.id, id)).get(), "Destination"))), 200);
  });

  app.openapi(pauseRoutes.unpause, async (c) => {
    const { id } = c.req.valid("param");
    const db = database(c.env.DB);
    const row = assertFound(await db.update(destinations).set({ pausedAt: null, updatedAt: Date.now() }).where(eq(destinations.id, id)).returning().get(), "Destination");
    await c.env.DELIVERY_QUEUE.send(releaseMsg({ type: "destination", id }));
    return c.json(present(await openRow(DESTINATION_SECRETS, row)), 200);
  });

  return app;
}
