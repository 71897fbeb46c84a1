import type { Context, MiddlewareHandler } from "hono";
import { database } from "../db/client";
import type { Env } from "../env";
import { Problem } from "../http/problem";
import { noteKeyUsed } from "./last-used";
import { ADMIN_TOKEN_KEY_ID, type Principal, type PrincipalVariables } from "./principal";
import { principalForKey, principalForKeyId } from "./principal-for-key";
import { sessionIdOf, sessionPrincipal } from "./session";

const unauthorized = () =>
  new Problem(401, "Unauthorized", "A valid API key is required.", undefined, { "www-authenticate": 'Bearer realm="admin"' });

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Every /v1 route needs a credential that resolves to a principal (spec §3, §8); it is set on the
 * context. A bearer API key comes first; without one, the dashboard's session cookie (spec §9).
 */
export const requirePrincipal: MiddlewareHandler<{ Bindings: Env; Variables: PrincipalVariables }> = async (c, next) => {
  const now = Date.now();
  const match = /^Bearer\s+(.+)$/i.exec(c.req.header("authorization") ?? "");
  const principal = match ? await principalForKey(c.env, match[1]!.trim(), now) : await sessionCaller(c, now);
  if (!principal) throw unauthorized();
  if (principal.keyId !== ADMIN_TOKEN_KEY_ID) noteKeyUsed(c.env, c.executionCtx, principal.keyId, now);
  c.set("principal", principal);
  await next();
};

/** The principal of the request's session cookie, while the key that opened the session still stands. */
async function sessionCaller(c: Context<{ Bindings: Env; Variables: PrincipalVariables }>, now: number): Promise<Principal | null> {
  const sessionId = sessionIdOf(c);
  const session = sessionId ? await sessionPrincipal(database(c.env.DB), sessionId, now) : null;
  // Revoking or expiring a key ends its sessions within the key cache's bound (src/auth/key-cache.ts).
  const principal = session && (await principalForKeyId(c.env, session.keyId, now));
  if (!principal) return null;
  // The cookie is SameSite=Strict already; as defence in depth, a change made with it must also
  // come from a page of this gateway (browsers send Origin on every non-GET fetch).
  if (!SAFE_METHODS.has(c.req.method) && c.req.header("origin") !== new URL(c.req.url).origin) {
    throw new Problem(403, "Forbidden", "A change made with a session cookie must come from the gateway's own pages (Origin).");
  }
  return principal;
}
