import type { MiddlewareHandler } from "hono";
import type { Env } from "../env";
import { Problem } from "../http/problem";
import { noteKeyUsed } from "./last-used";
import { ADMIN_TOKEN_KEY_ID, type PrincipalVariables } from "./principal";
import { principalForKey } from "./principal-for-key";

/** Every /v1 route needs a credential that resolves to a principal (spec §3, §8); it is set on the context. */
export const requirePrincipal: MiddlewareHandler<{ Bindings: Env; Variables: PrincipalVariables }> = async (c, next) => {
  const match = /^Bearer\s+(.+)$/i.exec(c.req.header("authorization") ?? "");
  const now = Date.now();
  const principal = match ? await principalForKey(c.env, match[1]!.trim(), now) : null;
  if (!principal) {
    throw new Problem(401, "Unauthorized", "A valid API key is required.", undefined, { "www-authenticate": 'Bearer realm="admin"' });
  }
  if (principal.keyId !== ADMIN_TOKEN_KEY_ID) noteKeyUsed(c.env, c.executionCtx, principal.keyId, now);
  c.set("principal", principal);
  await next();
};
