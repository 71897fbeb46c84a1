import { Hono } from "hono";
import { adminApi } from "./admin/app";
import type { Env } from "./env";
import { Problem, problemResponse } from "./http/problem";
import { ingest } from "./ingest/ingest-route";
import { errorField, log } from "./log";
import { SecretError } from "./secrets/secret-error";

/** The Worker's HTTP surface (spec §3): ingest under /e, the admin API under /v1, and its docs. */
export function buildApp() {
  const app = new Hono<{ Bindings: Env }>();
  app.all("/e/:source_id", ingest);
  app.all("/e/:source_id/*", ingest);
  app.route("/", adminApi());
  app.notFound(() => problemResponse(new Problem(404, "Not Found", "No such route.")));
  app.onError((error, c) => {
    if (error instanceof Problem) return problemResponse(error);
    if (error instanceof SecretError) {
      // A stored secret that cannot be decrypted (or no key to encrypt with): name the field, never guess.
      log("error", "secret.unreadable", { path: new URL(c.req.url).pathname, error: error.message });
      return problemResponse(new Problem(500, "Secret Unreadable", error.message, [{ path: error.field, message: error.reason }]));
    }
    const status = (error as { status?: unknown }).status;
    if (typeof status === "number" && status >= 400 && status < 500) {
      // Hono's own client errors: a body that is not valid JSON (400), a JSON route sent another
      // content type (415).
      return problemResponse(new Problem(status, status === 415 ? "Unsupported Media Type" : "Bad Request", error.message));
    }
    log("error", "http.unhandled", { path: new URL(c.req.url).pathname, error: errorField(error) });
    return problemResponse(new Problem(500, "Internal Server Error", "Something went wrong; it has been logged."));
  });
  return app;
}
