import { and, eq, gt, lte } from "drizzle-orm";
import { getCookie } from "hono/cookie";
import type { Context } from "hono";
import type { Db } from "../db/client";
import { sessions } from "../db/schema";
import { toHex } from "../bytes";
import type { Principal } from "./principal";

// Dashboard sessions (spec §9): the browser never keeps the API key. Signing in exchanges it for a
// random session id in an HttpOnly, SameSite=Strict cookie; D1 holds only the id's SHA-256.

export const SESSION_COOKIE = "eg_session";
/** A working day: long enough not to interrupt an incident, short enough that a forgotten tab ends. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

async function hashOf(id: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(id))));
}

/** Opens a session for `principal`; answers the id to put in the cookie. */
export async function openSession(db: Db, principal: Principal, now: number): Promise<string> {
  const id = toHex(crypto.getRandomValues(new Uint8Array(32)));
  // Expired sessions are swept here, at sign-in, rather than by another cron chore.
  await db.batch([
    db.delete(sessions).where(lte(sessions.expiresAt, now)),
    db.insert(sessions).values({ idHash: await hashOf(id), keyId: principal.keyId, role: principal.role, createdAt: now, expiresAt: now + SESSION_TTL_MS }),
  ]);
  return id;
}

/** The principal of a live session, or null when the id is unknown or expired. */
export async function sessionPrincipal(db: Db, id: string, now: number): Promise<Principal | null> {
  const row = await db.select({ keyId: sessions.keyId, role: sessions.role }).from(sessions)
    .where(and(eq(sessions.idHash, await hashOf(id)), gt(sessions.expiresAt, now))).get();
  return row ?? null;
}

export async function closeSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, await hashOf(id)));
}

/** The session id the request's cookie carries, if any. */
export const sessionIdOf = (c: Context): string | undefined => getCookie(c, SESSION_COOKIE) || undefined;
