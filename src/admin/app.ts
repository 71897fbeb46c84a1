import { OpenAPIHono } from "@hono/zod-openapi";
import type { Env } from "../env";
import type { PrincipalVariables } from "../auth/principal";
import { requirePrincipal } from "../auth/require-principal";
import { sessionRoutes } from "../auth/session-routes";
import { docsPage } from "../http/docs-page";
import { badRequest, zodIssuesToFields } from "../http/problem";
import { connectionRoutes } from "./connections";
import { destinationRoutes } from "./destinations";
import { eventRoutes } from "./events";
import { filterTestRoutes } from "./filter-test";
import { issueRoutes } from "./issues";
import { metricsRoutes } from "./metrics";
import { notificationChannelRoutes } from "./notification-channels";
import { recoveryRoutes } from "./recovery-routes";
import { replayRoutes } from "./replays";
import { requestRoutes } from "./requests";
import { sourceRoutes } from "./sources";
import { traceRoutes } from "./trace";
import { transformationRoutes } from "./transformations";

export type AdminEnv = { Bindings: Env; Variables: PrincipalVariables };

/** A router whose zod validation failures become 400 problems naming each bad field. */
export function adminRouter() {
  return new OpenAPIHono<AdminEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const where = result.target === "json" ? undefined : result.target;
        throw badRequest(zodIssuesToFields(result.error.issues, where));
      }
    },
  });
}

export function adminApi() {
  const app = adminRouter();
  app.use("/v1/*", requirePrincipal);
  app.openAPIRegistry.registerComponent("securitySchemes", "adminToken", { type: "http", scheme: "bearer" });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: "Event Gateway admin API", version: "0.1.0", description: "Manage sources, destinations and connections; search, trace and retry webhooks." },
    security: [{ adminToken: [] }],
  });
  app.get("/docs", docsPage);
  app.route("/", sessionRoutes());
  app.route("/", sourceRoutes());
  app.route("/", destinationRoutes());
  app.route("/", connectionRoutes());
  app.route("/", filterTestRoutes());
  app.route("/", requestRoutes());
  app.route("/", eventRoutes());
  app.route("/", transformationRoutes());
  app.route("/", recoveryRoutes());
  app.route("/", replayRoutes());
  app.route("/", issueRoutes());
  app.route("/", notificationChannelRoutes());
  app.route("/", traceRoutes());
  app.route("/", metricsRoutes());
  return app;
}
