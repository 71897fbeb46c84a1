import { OpenAPIHono } from "@hono/zod-openapi";
import type { Env } from "../env";
import type { PrincipalVariables } from "../auth/principal";
import { requirePrincipal } from "../auth/require-principal";
import { roleGate } from "../auth/role-gate";
import { describeRoute, type RouteVariables } from "../auth/route-access";
import { auditTrail } from "../audit/audit-trail";
import { sessionRoutes } from "../auth/session-routes";
import { docsPage } from "../http/docs-page";
import { badRequest, zodIssuesToFields } from "../http/problem";
import { apiKeyRoutes } from "./api-keys";
import { auditLogRoutes } from "./audit-log";
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

export type AdminEnv = { Bindings: Env; Variables: PrincipalVariables & RouteVariables };

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
  // Who is calling, which route they reach, the audit entry (written whatever the answer, so a
  // denial is one too), then whether their role may use the route.
  app.use("/v1/*", requirePrincipal);
  app.use("/v1/*", describeRoute(() => app.openAPIRegistry.definitions));
  app.use("/v1/*", auditTrail);
  app.use("/v1/*", roleGate);
  app.openAPIRegistry.registerComponent("securitySchemes", "adminToken", {
    type: "http", scheme: "bearer", description: "The ADMIN_TOKEN, or an API key (egk_…) whose role the operation's `x-role` allows (docs/security.md).",
  });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: "Event Gateway admin API", version: "0.1.0", description: "Manage sources, destinations and connections; search, trace and retry webhooks. Each operation's `x-role` says which keys may call it: `read` (read and admin keys), `publish` (publish and admin keys), `admin`, or `any`." },
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
  app.route("/", apiKeyRoutes());
  app.route("/", auditLogRoutes());
  return app;
}
