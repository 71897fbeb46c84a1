import { createRoute, z } from "@hono/zod-openapi";
import { conflict, notFound } from "../http/problem";

// Pieces every admin route shares: ISO timestamps, cursor pagination, id parameters, error
// responses in the OpenAPI document, and turning D1 constraint errors into 409s.

export const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

export const isoTime = z.string().openapi({ format: "date-time", example: "2026-11-23T10:00:00.000Z" });

export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(250).default(50).openapi({ description: "Page size, 1 to 250." }),
  cursor: z.string().min(1).optional().openapi({ description: "`next_cursor` from the previous page." }),
});

export const timeWindowQuery = z.object({
  created_after: z.iso.datetime({ offset: true }).optional(),
  created_before: z.iso.datetime({ offset: true }).optional(),
});

export const page = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), next_cursor: z.string().nullable() });

/** Keyset pagination over ids, newest first: ids sort by creation time (src/ids.ts). */
export function toPage<T extends { id: string }>(rows: T[], limit: number) {
  const more = rows.length > limit;
  const data = more ? rows.slice(0, limit) : rows;
  return { data, next_cursor: more ? data[data.length - 1]!.id : null };
}

export const idParam = (prefix: string) =>
  z.object({ id: z.string().startsWith(`${prefix}_`, `expected an id starting with ${prefix}_`).openapi({ param: { name: "id", in: "path" } }) });

const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem");

const problemContent = { "application/problem+json": { schema: problemSchema } };

export const errorResponses = {
  400: { description: "Invalid input: one entry in `errors` per problem.", content: problemContent },
  401: { description: "Missing, unknown, revoked or expired API key.", content: problemContent },
  403: { description: "The key's role may not use this route (`x-role` names who may).", content: problemContent },
  404: { description: "No object with this id.", content: problemContent },
  409: { description: "Conflicts with an existing object.", content: problemContent },
} as const;

export const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { "application/json": { schema } } } });
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

/** Runs a write, turning a UNIQUE violation on `field` into a 409 naming it. */
export async function uniqueOr409<T>(field: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (/UNIQUE constraint failed/i.test(String(error)) || /UNIQUE constraint failed/i.test(String((error as { cause?: unknown }).cause))) {
      throw conflict(`An object with this ${field} already exists.`, [{ path: field, message: "already taken" }]);
    }
    throw error;
  }
}


export function assertFound<T>(row: T | undefined, what: string): T {
  if (!row) throw notFound(what);
  return row;
}

/**
 * The five route definitions of a resource: list, create, get, update (PATCH) and delete.
 * `filters` is the list route's whole query schema (`listQuery` extended).
 */
export function resourceRoutes<I extends z.ZodType, P extends z.ZodType, O extends z.ZodType, Q extends z.ZodObject>(spec: {
  tag: string;
  path: string;
  idPrefix: string;
  input: I;
  patch: P;
  output: O;
  filters: Q;
}) {
  const { tag, path, input, patch, output } = spec;
  const params = idParam(spec.idPrefix);
  const item = `${path}/{id}`;
  return {
    list: createRoute({ method: "get", path, tags: [tag], "x-role": "read", request: { query: spec.filters },
      responses: { 200: jsonResponse(page(output), `A page of ${tag.toLowerCase()}, newest first.`), ...errorResponses } }),
    create: createRoute({ method: "post", path, tags: [tag], "x-role": "admin", request: jsonBody(input),
      responses: { 201: jsonResponse(output, "Created."), ...errorResponses } }),
    get: createRoute({ method: "get", path: item, tags: [tag], "x-role": "read", request: { params },
      responses: { 200: jsonResponse(output, "The object."), ...errorResponses } }),
    update: createRoute({ method: "patch", path: item, tags: [tag], "x-role": "admin", request: { params, ...jsonBody(patch) },
      responses: { 200: jsonResponse(output, "Updated."), ...errorResponses } }),
    remove: createRoute({ method: "delete", path: item, tags: [tag], "x-role": "admin", request: { params },
      responses: { 204: { description: "Deleted." }, ...errorResponses } }),
  };
}

/** `POST {path}/{id}/pause` and `.../unpause`, answering the updated object. */
export function pauseRouteDefs<O extends z.ZodType>(spec: { tag: string; path: string; idPrefix: string; output: O }) {
  const make = (action: "pause" | "unpause", description: string) =>
    createRoute({
      method: "post",
      path: `${spec.path}/{id}/${action}`,
      tags: [spec.tag],
      "x-role": "admin",
      description,
      request: { params: idParam(spec.idPrefix) },
      responses: { 200: jsonResponse(spec.output, "The updated object."), ...errorResponses },
    });
  return {
    pause: make("pause", "Hold new and waiting events as `paused`; ingest goes on."),
    unpause: make("unpause", "Release held events in order of arrival, at the destination's pace."),
  };
}
