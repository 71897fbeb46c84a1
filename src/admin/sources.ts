import { z } from "@hono/zod-openapi";
import { and, desc, eq, lt } from "drizzle-orm";
import { database } from "../db/client";
import { connections, sources } from "../db/schema";
import { headerValue } from "../http/header-fields";
import { conflict } from "../http/problem";
import { NO_BODY_STATUSES } from "../ingest/ingest-route";
import { newId } from "../ids";
import { forgetSource } from "../ingest/source-cache";
import { SOURCE_SECRETS } from "../secrets/secret-columns";
import { openRow, openRows, sealRow } from "../secrets/sealed-row";
import { redactVerification, verificationSchema } from "../verify";
import { adminRouter } from "./app";
import { assertFound, iso, isoTime, listQuery, resourceRoutes, toPage, uniqueOr409 } from "./common";

// /v1/sources (spec §2 Source): where webhooks arrive.

const methods = z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]);
const name = z.string().min(1).max(100).regex(/^[A-Za-z0-9._-]+$/, "letters, digits, '.', '_' and '-' only");
// What ingest answers an accepted request with. Checked here because ingest builds the answer only
// after the request is stored: an answer it cannot build would fail the sender, who then retries an
// already stored webhook (docs/providers.md, "The answer").
const ackResponse = z.object({
  status: z.number().int().min(200).max(299),
  content_type: headerValue.min(1).max(200).default("application/json"),
  body: z.string().max(10_000),
}).refine((r) => !NO_BODY_STATUSES.has(r.status) || r.body === "", { message: "a 204 or 205 answer has no body: leave body empty", path: ["body"] });

const sourceInput = z
  .object({
    name,
    allowed_methods: z.array(methods).min(1).default(["POST"]),
    verification: verificationSchema.nullable().default(null),
    response: ackResponse.nullable().default(null),
    disabled: z.boolean().default(false),
  })
  .openapi("SourceInput");

const sourcePatch = z
  .object({
    name: name.optional(),
    allowed_methods: z.array(methods).min(1).optional(),
    verification: verificationSchema.nullable().optional(),
    response: ackResponse.nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .openapi("SourcePatch");

const source = z
  .object({
    id: z.string(),
    name: z.string(),
    url: z.string().openapi({ description: "The ingest URL to give the provider." }),
    allowed_methods: z.array(z.string()),
    verification: z.record(z.string(), z.unknown()).nullable().openapi({ description: "Secrets are masked." }),
    response: ackResponse.nullable(),
    disabled_at: isoTime.nullable(),
    created_at: isoTime,
    updated_at: isoTime,
  })
  .openapi("Source");

const routes = resourceRoutes({
  tag: "Sources",
  path: "/v1/sources",
  idPrefix: "src",
  input: sourceInput,
  patch: sourcePatch,
  output: source,
  filters: listQuery.extend({ name: z.string().optional() }),
});

type Row = typeof sources.$inferSelect;

function present(row: Row, origin: string): z.infer<typeof source> {
  return {
    id: row.id,
    name: row.name,
    url: `${origin}/e/${row.id}`,
    allowed_methods: row.allowedMethods,
    verification: row.verification ? redactVerification(row.verification as never) : null,
    response: row.response,
    disabled_at: iso(row.disabledAt),
    created_at: iso(row.createdAt)!,
    updated_at: iso(row.updatedAt)!,
  };
}

export function sourceRoutes() {
  const app = adminRouter();
  const origin = (url: string) => new URL(url).origin;

  app.openapi(routes.list, async (c) => {
    const q = c.req.valid("query");
    const db = database(c.env.DB);
    const rows = await db.select().from(sources)
      .where(and(q.cursor ? lt(sources.id, q.cursor) : undefined, q.name ? eq(sources.name, q.name) : undefined))
      .orderBy(desc(sources.id)).limit(q.limit + 1).all();
    const { data, next_cursor } = toPage(rows, q.limit);
    return c.json({ data: (await openRows(SOURCE_SECRETS, data)).map((r) => present(r, origin(c.req.url))), next_cursor }, 200);
  });

  app.openapi(routes.create, async (c) => {
    const body = c.req.valid("json");
    const now = Date.now();
    const row: Row = {
      id: newId("source", now), name: body.name, allowedMethods: body.allowed_methods, verification: body.verification,
      response: body.response, disabledAt: body.disabled ? now : null, createdAt: now, updatedAt: now,
    };
    const sealed = await sealRow(SOURCE_SECRETS, row);
    await uniqueOr409("name", () => database(c.env.DB).insert(sources).values(sealed));
    return c.json(present(row, origin(c.req.url)), 201);
  });

  app.openapi(routes.get, async (c) => {
    const { id } = c.req.valid("param");
    const row = await openRow(SOURCE_SECRETS, assertFound(await database(c.env.DB).select().from(sources).where(eq(sources.id, id)).get(), "Source"));
    return c.json(present(row, origin(c.req.url)), 200);
  });

  app.openapi(routes.update, async (c) => {
    const { id } = c.req.valid("param");
    const patch = c.req.valid("json");
    const db = database(c.env.DB);
    const current = await openRow(SOURCE_SECRETS, assertFound(await db.select().from(sources).where(eq(sources.id, id)).get(), "Source"));
    const now = Date.now();
    const row: Row = {
      ...current,
      name: patch.name ?? current.name,
      allowedMethods: patch.allowed_methods ?? current.allowedMethods,
      verification: patch.verification === undefined ? current.verification : patch.verification,
      response: patch.response === undefined ? current.response : patch.response,
      disabledAt: patch.disabled === undefined ? current.disabledAt : patch.disabled ? (current.disabledAt ?? now) : null,
      updatedAt: now,
    };
    const sealed = await sealRow(SOURCE_SECRETS, row);
    await uniqueOr409("name", () => db.update(sources).set(sealed).where(eq(sources.id, id)));
    forgetSource(id);
    return c.json(present(row, origin(c.req.url)), 200);
  });

  app.openapi(routes.remove, async (c) => {
    const { id } = c.req.valid("param");
    const db = database(c.env.DB);
    assertFound(await db.select({ id: sources.id }).from(sources).where(eq(sources.id, id)).get(), "Source");
    const used = await db.select({ id: connections.id }).from(connections).where(eq(connections.sourceId, id)).limit(1).get();
    if (used) throw conflict("Delete the connections that use this source first.", [{ path: "id", message: `used by ${used.id}` }]);
    await db.delete(sources).where(eq(sources.id, id));
    forgetSource(id);
    return c.body(null, 204);
  });

  return app;
}
