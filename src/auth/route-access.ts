import type { MiddlewareHandler } from "hono";
import type { Role } from "./principal";

// Each /v1 route declares who may call it, in its OpenAPI operation as `x-role` (so /openapi.json
// documents it and the role matrix test reads it there):
//   read    every GET, and POSTs that change nothing (admin and read keys);
//   publish the publish routes (admin and publish keys);
//   admin   everything that changes state (admin keys only);
//   any     every valid key (the dashboard's session routes).
// A route without a declaration is treated as admin.

export type Access = Role | "any";
export const ROLE_EXTENSION = "x-role";

export interface RouteMatch {
  /** The route's pattern as the OpenAPI document writes it, e.g. /v1/sources/{id}. */
  path: string;
  access: Access;
  /** The first path parameter (the object's id), if the pattern has one. */
  objectId: string | null;
}

export type RouteVariables = { route: RouteMatch | null };

interface Entry {
  method: string;
  path: string;
  access: Access;
  pattern: RegExp;
  params: number;
}

interface RouteDefinition {
  type: string;
  route?: { method: string; path: string; [ROLE_EXTENSION]?: Access };
}

function compile(definitions: readonly RouteDefinition[]): Entry[] {
  const entries = definitions.flatMap((d) => (d.type === "route" && d.route ? [d.route] : [])).map((route) => {
    const source = route.path.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&")).join("([^/]+)");
    return { method: route.method.toUpperCase(), path: route.path, access: route[ROLE_EXTENSION] ?? "admin", pattern: new RegExp(`^${source}$`), params: (route.path.match(/\{/g) ?? []).length };
  });
  // A static segment wins over a parameter (/v1/transformations/run before /v1/transformations/{id}).
  return entries.sort((a, b) => a.params - b.params);
}

/** A path parameter as the route sees it; one with a broken %-escape is kept as written, not a 500. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function matchRoute(entries: Entry[], method: string, path: string): RouteMatch | null {
  const wanted = method === "HEAD" ? "GET" : method;
  for (const entry of entries) {
    if (entry.method !== wanted) continue;
    const found = entry.pattern.exec(path);
    if (found) return { path: entry.path, access: entry.access, objectId: found[1] ? decoded(found[1]) : null };
  }
  return null;
}

/**
 * Sets `c.var.route` to the route this request will reach, read from the app's OpenAPI registry
 * (complete once every route is mounted, so it is compiled on first use).
 */
export function describeRoute(definitions: () => readonly RouteDefinition[]): MiddlewareHandler<{ Variables: RouteVariables }> {
  let entries: Entry[] | undefined;
  return async (c, next) => {
    entries ??= compile(definitions());
    c.set("route", matchRoute(entries, c.req.method, c.req.path));
    await next();
  };
}
