import { createRoute, z } from "@hono/zod-openapi";
import { deleteCookie, setCookie } from "hono/cookie";
import type { Context } from "hono";
import { adminRouter } from "../admin/app";
import { errorResponses, jsonResponse } from "../admin/common";
import { database } from "../db/client";
import { Problem } from "../http/problem";
import { closeSession, openSession, SESSION_COOKIE, SESSION_TTL_MS, sessionIdOf } from "./session";

// /v1/session (spec §9): the dashboard signs in by presenting an API key once, as a bearer token,
// and holds only an HttpOnly session cookie afterwards. GET tells the UI who it is (and so which
// buttons to hide); DELETE signs out.

const session = z
  .object({
    key_id: z.string().openapi({ description: "The API key the session was opened with (`admin_token` for the bootstrap token)." }),
    role: z.enum(["admin", "read", "publish"]),
  })
  .openapi("Session");

const tag = ["Session"];
const open = createRoute({ method: "post", path: "/v1/session", tags: tag, "x-role": "any",
  description: "Exchange the bearer API key for a session cookie (HttpOnly, SameSite=Strict) for the dashboard.",
  responses: { 201: jsonResponse(session, "Signed in; the cookie is set."), ...errorResponses } });
const current = createRoute({ method: "get", path: "/v1/session", tags: tag, "x-role": "any",
  description: "Who the presented credential is: its key id and role.",
  responses: { 200: jsonResponse(session, "The caller's principal."), ...errorResponses } });
const close = createRoute({ method: "delete", path: "/v1/session", tags: tag, "x-role": "any",
  description: "Sign out: the session ends on the server and the cookie is cleared.",
  responses: { 204: { description: "Signed out." }, ...errorResponses } });

const cookieOptions = (c: Context) => ({
  httpOnly: true,
  sameSite: "Strict" as const,
  path: "/",
  secure: new URL(c.req.url).protocol === "https:",
});

export function sessionRoutes() {
  const app = adminRouter();

  app.openapi(open, async (c) => {
    // Only a key opens a session: a session cannot extend itself past its expiry.
    if (!c.req.header("authorization")) throw new Problem(401, "Unauthorized", "Sign in with an API key as a bearer token.");
    const principal = c.get("principal");
    const id = await openSession(database(c.env.DB), principal, Date.now());
    setCookie(c, SESSION_COOKIE, id, { ...cookieOptions(c), maxAge: SESSION_TTL_MS / 1000 });
    return c.json({ key_id: principal.keyId, role: principal.role }, 201);
  });

  app.openapi(current, (c) => {
    const principal = c.get("principal");
    return c.json({ key_id: principal.keyId, role: principal.role }, 200);
  });

  app.openapi(close, async (c) => {
    const id = sessionIdOf(c);
    if (id) await closeSession(database(c.env.DB), id);
    deleteCookie(c, SESSION_COOKIE, cookieOptions(c));
    return c.body(null, 204);
  });

  return app;
}
