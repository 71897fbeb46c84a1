import type { Env } from "../env";
import { timingSafeEqual } from "../http/constant-time";
import { ADMIN_TOKEN_KEY_ID, type Principal } from "./principal";

/** Resolves a presented secret (a bearer token) to its principal, or null when it opens nothing. */
export async function principalForKey(env: Env, presented: string): Promise<Principal | null> {
  const expected = env.ADMIN_TOKEN;
  if (expected && (await timingSafeEqual(presented, expected))) return { keyId: ADMIN_TOKEN_KEY_ID, role: "admin" };
  return null;
}
