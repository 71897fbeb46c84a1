import type { MiddlewareHandler } from "hono";
import type { PrincipalVariables } from "../auth/principal";
import type { RouteVariables } from "../auth/route-access";
import { database } from "../db/client";
import { auditLog } from "../db/schema";
import type { Env } from "../env";
import { newId } from "../ids";
import { errorField, log } from "../log";

type AuditEntry = typeof auditLog.$inferInsert;

const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Writes one audit entry per change attempted through /v1 (spec §8): every request other than a
 * GET to a route that is not declared read-only, whatever its answer, so denied and failed
 * attempts show too. Who, what and when only: the body, which may hold secrets, is never read,
 * except the `id` in the answer of a POST that created an object (its answer, not its input).
 *
 * The entry is written before the answer goes out, not in waitUntil: an admin change is rare and
 * one more D1 write costs milliseconds, while work left to waitUntil can be cut off with its
 * isolate. If the write fails the answer still stands (the change itself is done) and the entry
 * goes to the error log in full, so it is not lost silently.
 */
export const auditTrail: MiddlewareHandler<{ Bindings: Env; Variables: PrincipalVariables & RouteVariables }> = async (c, next) => {
  await next();
  const route = c.var.route;
  if (READS.has(c.req.method) || route?.access === "read") return;
  const now = Date.now();
  const entry: AuditEntry = {
    id: newId("audit", now),
    keyId: c.var.principal.keyId,
    method: c.req.method,
    // An unknown route is written as its path: it reached no handler, so nothing in it changed.
    route: route?.path ?? c.req.path,
    objectId: route?.objectId ?? (await createdId(c.res)),
    status: c.res.status,
    createdAt: now,
  };
  try {
    await database(c.env.DB).insert(auditLog).values(entry);
  } catch (error) {
    log("error", "audit.write_failed", { entry, error: errorField(error) });
  }
};

async function createdId(res: Response): Promise<string | null> {
  if (res.status < 200 || res.status > 299 || !res.headers.get("content-type")?.includes("json")) return null;
  const body = (await res.clone().json().catch(() => null)) as { id?: unknown } | null;
  return typeof body?.id === "string" ? body.id : null;
}
