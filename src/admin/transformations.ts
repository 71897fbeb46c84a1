import { createRoute, z } from "@hono/zod-openapi";
import { and, desc, eq, lt, sql } from "drizzle-orm";
import { database } from "../db/client";
import { connections, transformations } from "../db/schema";
import { badRequest, conflict, Problem } from "../http/problem";
import { newId } from "../ids";
import { TRANSFORMATION_SECRETS } from "../secrets/secret-columns";
import { openRow, openRows, sealRow } from "../secrets/sealed-row";
import { checkTransformation, runTransformation } from "../rules/transform";
import { maskSecret } from "../secret-mask";
import { adminRouter } from "./app";
import { assertFound, errorResponses, iso, isoTime, jsonBody, jsonResponse, listQuery, resourceRoutes, toPage, uniqueOr409 } from "./common";

// /v1/transformations (spec §5): named JavaScript transformations, compiled when saved, and a route
// to try one on a sample request.

const name = z.string().min(1).max(100).regex(/^[A-Za-z0-9._-]+$/, "letters, digits, '.', '_' and '-' only");
const code = z.string().min(1).max(100_000);
const env = z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "a variable name"), z.string().max(10_000))
  .refine((e) => Object.keys(e).length <= 50, "at most 50 variables");

const transformationInput = z.object({ name, code, env: env.default({}) }).openapi("TransformationInput");
const transformationPatch = z.object({ name: name.optional(), code: code.optional(), env: env.optional() }).openapi("TransformationPatch");
const transformation = z
  .object({
    id: z.string(),
    name: z.string(),
    code: z.string(),
    env: z.record(z.string(), z.string()).openapi({ description: "Values are masked." }),
    created_at: isoTime,
    updated_at: isoTime,
  })
  .openapi("Transformation");

const sampleRequest = z.object({
  body: z.unknown().optional(),
  headers: z.record(z.string(), z.string()).default({}),
  query: z.string().default(""),
  path: z.string().default("/"),
  method: z.string().default("POST"),
});
const runInput = z.object({ code, request: sampleRequest, env: env.default({}) }).openapi("TransformationRun");
const consoleLine = z.object({ level: z.string(), message: z.string() });
const runOutput = z.object({ request: sampleRequest.required(), console: z.array(consoleLine) }).openapi("TransformationRunResult");

const routes = resourceRoutes({
  tag: "Transformations",
  path: "/v1/transformations",
  idPrefix: "trs",
  input: transformationInput,
  patch: transformationPatch,
  output: transformation,
  filters: listQuery.extend({ name: z.string().optional() }),
});
const run = createRoute({
  method: "post", path: "/v1/transformations/run", tags: ["Transformations"], "x-role": "read", request: jsonBody(runInput),
  responses: { 200: jsonResponse(runOutput, "The transformed request and the console output."), ...errorResponses },
});

type Row = typeof transformations.$inferSelect;

const present = (row: Row): z.infer<typeof transformation> => ({
  id: row.id,
  name: row.name,
  code: row.code,
  env: Object.fromEntries(Object.entries(row.env).map(([k, v]) => [k, maskSecret(v)])),
  created_at: iso(row.createdAt)!,
  updated_at: iso(row.updatedAt)!,
});

/** A transformation is compiled when saved: a syntax error, or no handler, is a 400 naming the line. */
async function compile(source: string) {
  const checked = await checkTransformation(source);
  if (!checked.ok) {
    const where = checked.line ? ` (line ${checked.line}${checked.column ? `, column ${checked.column}` : ""})` : "";
    throw badRequest([{ path: "code", message: `${checked.error}${where}` }], "The transformation does not compile.");
  }
}

export function transformationRoutes() {
  const app = adminRouter();

  // Declared before the routes with an {id}, although POST /run never clashes with them.
  app.openapi(run, async (c) => {
    const body = c.req.valid("json");
    const result = await runTransformation({ code: body.code, request: { ...body.request, body: body.request.body ?? null }, env: body.env });
    if (!result.ok) {
      throw new Problem(400, "Transformation Failed", result.error, [{ path: "code", message: result.error }], undefined, { console: result.console });
    }
    return c.json({ request: result.request, console: result.console }, 200);
  });

  app.openapi(routes.list, async (c) => {
    const q = c.req.valid("query");
    const rows = await database(c.env.DB).select().from(transformations)
      .where(and(q.cursor ? lt(transformations.id, q.cursor) : undefined, q.name ? eq(transformations.name, q.name) : undefined))
      .orderBy(desc(transformations.id)).limit(q.limit + 1).all();
    const { data, next_cursor } = toPage(rows, q.limit);
    return c.json({ data: (await openRows(TRANSFORMATION_SECRETS, data)).map(present), next_cursor }, 200);
  });

  app.openapi(routes.create, async (c) => {
    const body = c.req.valid("json");
    await compile(body.code);
    const now = Date.now();
    const row: Row = { id: newId("transformation", now), name: body.name, code: body.code, env: body.env, createdAt: now, updatedAt: now };
    const sealed = await sealRow(TRANSFORMATION_SECRETS, row);
    await uniqueOr409("name", () => database(c.env.DB).insert(transformations).values(sealed));
    return c.json(present(row), 201);
  });

  app.openapi(routes.get, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(present(await openRow(TRANSFORMATION_SECRETS, assertFound(await database(c.env.DB).select().from(transformations).where(eq(transformations.id, id)).get(), "Transformation"))), 200);
  });

  app.openapi(routes.update, async (c) => {
    const { id } = c.req.valid("param");
    const patch = c.req.valid("json");
    if (patch.code !== undefined) await compile(patch.code);
    const db = database(c.env.DB);
    const current = await openRow(TRANSFORMATION_SECRETS, assertFound(await db.select().from(transformations).where(eq(transformations.id, id)).get(), "Transformation"));
    const row: Row = { ...current, name: patch.name ?? current.name, code: patch.code ?? current.code, env: patch.env ?? current.env, updatedAt: Date.now() };
    const sealed = await sealRow(TRANSFORMATION_SECRETS, row);
    await uniqueOr409("name", () => db.update(transformations).set(sealed).where(eq(transformations.id, id)));
    return c.json(present(row), 200);
  });

  app.openapi(routes.remove, async (c) => {
    const { id } = c.req.valid("param");
    const db = database(c.env.DB);
    assertFound(await db.select({ id: transformations.id }).from(transformations).where(eq(transformations.id, id)).get(), "Transformation");
    // Rules are stored as compact JSON, so the reference appears verbatim.
    const used = await db.select({ id: connections.id }).from(connections).where(sql`instr(${connections.rules}, ${`"transformation_id":"${id}"`}) > 0`).limit(1).get();
    if (used) throw conflict("Remove this transformation from the connections that use it first.", [{ path: "id", message: `used by ${used.id}` }]);
    await db.delete(transformations).where(eq(transformations.id, id));
    return c.body(null, 204);
  });

  return app;
}
