import type { MiddlewareHandler } from "hono";
import { database } from "../db/client";
import type { Env } from "../env";
import { Problem } from "../http/problem";
import type { PrincipalVariables } from "./principal";
import { principalForKey } from "./principal-for-key";
import { sessionIdOf, sessionPrincipal } from "./session";

const unauthorized = () =>
  new Problem(401, "Unauthorized", "A valid API key is required.", undefined, { "www-authenticate": 'Bearer realm="admin"' });

/**
 * Every /v1 route needs a credential that resolves to a principal (spec §3, §8); it is set on the
 * context. A bearer API key comes first; without one, the dashboard's session cookie (spec §9).
 */
export const requirePrincipal: MiddlewareHandler<{ Bindings: Env; Variables: PrincipalVariables }> = async (c, next) => {
  const match = /^Bearer\s+(.+)$/i.exec(c.req.header("authorization") ?? "");
  if (match) {
    const principal = await principalForKey(c.env, match[1]!.trim());
    if (!principal) throw unauthorized();
    c.set("principal", principal);
    return next();
  }

  // The session cookie branch.
  const sessionId = sessionIdOf(c);
  const principal = sessionId ? await sessionPrincipal(database(c.env.DB), sessionId, Date.now()) : null;
  if (!principal) throw unauthorized();
  // The cookie is SameSite=Strict already; as defence in depth, a change made with it must also
  // come from a page of this gateway (browsers send Origin on every non-GET fetch).
  if (!SAFE_METHODS.has(c.req.method) && c.req.header("origin") !== new URL(c.req.url).origin) {
    throw new Problem(403, "Forbidden", "A change made with a session cookie must come from the gateway's own pages (Origin).");
  }
  c.set("principal", principal);
  await next();
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
