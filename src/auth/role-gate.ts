import type { MiddlewareHandler } from "hono";
import { Problem } from "../http/problem";
import type { PrincipalVariables, Role } from "./principal";
import type { Access, RouteVariables } from "./route-access";

/** Whether a role may use a route that declares `access` (docs/security.md, Roles). */
export function allows(access: Access, role: Role): boolean {
  return role === "admin" || access === "any" || access === role;
}

/** 403 unless the caller's role may use the route; a route nobody declared is admin-only. */
export const roleGate: MiddlewareHandler<{ Variables: PrincipalVariables & RouteVariables }> = async (c, next) => {
  const { role } = c.var.principal;
  const access = c.var.route?.access ?? "admin";
  if (!allows(access, role)) {
    throw new Problem(403, "Forbidden", `A ${role} key may not use this route; it needs ${access === "read" ? "a read or admin" : access === "publish" ? "a publish or admin" : "an admin"} key.`);
  }
  await next();
};
