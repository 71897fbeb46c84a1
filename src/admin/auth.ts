import type { MiddlewareHandler } from "hono";
import type { Env } from "../env";
import { timingSafeEqual } from "../http/constant-time";
import { Problem } from "../http/problem";

/** Every /v1 route needs `Authorization: Bearer <ADMIN_TOKEN>` (spec §3). */
export const requireAdminToken: MiddlewareHandler<{ Bindings: Env }> = async (c, next) => {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(header);
  const expected = c.env.ADMIN_TOKEN;
  if (!expected || !match || !(await timingSafeEqual(match[1]!.trim(), expected))) {
    throw new Problem(401, "Unauthorized", "A valid admin token is required.", undefined, { "www-authenticate": 'Bearer realm="admin"' });
  }
  await next();
};
