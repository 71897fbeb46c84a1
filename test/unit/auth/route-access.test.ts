import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { allows } from "../../../src/auth/role-gate";
import { describeRoute } from "../../../src/auth/route-access";

// The route table the role gate reads: static segments win over parameters, HEAD is a GET, and a
// route without a declaration is admin-only.

async function routeOf(method: string, path: string) {
  const definitions = [
    { type: "route", route: { method: "patch", path: "/v1/transformations/{id}", "x-role": "admin" as const } },
    { type: "route", route: { method: "post", path: "/v1/transformations/run", "x-role": "read" as const } },
    { type: "route", route: { method: "post", path: "/v1/transformations/{id}/copy" } },
    { type: "route", route: { method: "get", path: "/v1/transformations/{id}", "x-role": "read" as const } },
    { type: "component", route: undefined },
  ];
  const app = new Hono<{ Variables: { route: unknown } }>();
  app.use("*", describeRoute(() => definitions));
  // In a header, so that a HEAD answer carries it too.
  app.all("*", (c) => c.body(null, 200, { "x-route": JSON.stringify(c.var.route) }));
  const res = await app.request(path, { method });
  return JSON.parse(res.headers.get("x-route")!);
}

describe("route table", () => {
  it("matches a static segment before a parameter, and reads the object id from the path", async () => {
    expect(await routeOf("POST", "/v1/transformations/run")).toEqual({ path: "/v1/transformations/run", access: "read", objectId: null });
    expect(await routeOf("PATCH", "/v1/transformations/trs_1")).toEqual({ path: "/v1/transformations/{id}", access: "admin", objectId: "trs_1" });
    expect(await routeOf("HEAD", "/v1/transformations/trs_1")).toMatchObject({ access: "read" });
  });

  it("treats an undeclared route as admin, an unknown one as none, and a broken escape as written", async () => {
    expect(await routeOf("POST", "/v1/transformations/trs_1/copy")).toMatchObject({ access: "admin" });
    expect(await routeOf("DELETE", "/v1/transformations/trs_1")).toBeNull();
    expect(await routeOf("GET", "/v1/transformations/%E0%A4%A")).toMatchObject({ objectId: "%E0%A4%A" });
  });

  it("lets admin do everything, read and publish only their own routes, and any role the shared ones", () => {
    expect(["admin", "read", "publish", "any"].map((access) => allows(access as never, "admin"))).toEqual([true, true, true, true]);
    expect(["admin", "read", "publish", "any"].map((access) => allows(access as never, "read"))).toEqual([false, true, false, true]);
    expect(["admin", "read", "publish", "any"].map((access) => allows(access as never, "publish"))).toEqual([false, false, true, true]);
  });
});
