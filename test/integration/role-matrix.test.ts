import { env, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { admin, created, ORIGIN, uniqueKey } from "./gateway";

// The role matrix (spec §8), generated from /openapi.json: every route × every credential. A route
// must declare who may use it (`x-role`); the expectation below is written out independently of
// the gate's code, from docs/security.md.

const ROLES = ["admin", "read", "publish", "any"] as const;
type Credential = "admin" | "read" | "publish" | "none" | "revoked" | "expired";

const expectAllowed = (declared: string, credential: Credential) =>
  credential === "admin" || (credential === "read" && (declared === "read" || declared === "any")) ||
  (credential === "publish" && (declared === "publish" || declared === "any"));

interface Operation { method: string; path: string; role: unknown }

async function operations(): Promise<Operation[]> {
  const doc = (await (await SELF.fetch(`${ORIGIN}/openapi.json`)).json()) as { paths: Record<string, Record<string, Record<string, unknown>>> };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ method: method.toUpperCase(), path, role: op["x-role"] })));
}

async function call(op: Operation, token: string | null) {
  const url = ORIGIN + op.path.replace(/\{[^}]+\}/g, "x_matrix");
  const hasBody = op.method !== "GET" && op.method !== "DELETE";
  const res = await SELF.fetch(url, {
    method: op.method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(hasBody ? { "content-type": "application/json" } : {}) },
    body: hasBody ? "{}" : undefined,
  });
  const text = await res.text();
  return { status: res.status, type: res.headers.get("content-type"), body: text };
}

describe("role matrix", () => {
  const tokens = {} as Record<Credential, string | null>;

  beforeAll(async () => {
    tokens.admin = env.ADMIN_TOKEN;
    tokens.none = null;
    tokens.read = (await created("/v1/api-keys", { name: uniqueKey("read"), role: "read" })).key;
    tokens.publish = (await created("/v1/api-keys", { name: uniqueKey("publish"), role: "publish" })).key;
    const revoked = await created("/v1/api-keys", { name: uniqueKey("revoked"), role: "admin" });
    expect((await admin("POST", `/v1/api-keys/${revoked.id}/revoke`)).status).toBe(200);
    tokens.revoked = revoked.key;
    // Expired before its first use, so no isolate holds it in a cache.
    const expired = await created("/v1/api-keys", { name: uniqueKey("expired"), role: "admin", expires_at: new Date(Date.now() + 60_000).toISOString() });
    await env.DB.prepare("UPDATE api_keys SET expires_at = ? WHERE id = ?").bind(Date.now() - 1000, expired.id).run();
    tokens.expired = expired.key;
  });

  it("every route declares who may use it, and every GET is open to read keys", async () => {
    const ops = await operations();
    expect(ops.length).toBeGreaterThan(25);
    const undeclared = ops.filter((op) => !ROLES.includes(op.role as never)).map((op) => `${op.method} ${op.path}`);
    expect(undeclared).toEqual([]);
    const closedGets = ops.filter((op) => op.method === "GET" && op.role !== "read" && op.role !== "any").map((op) => op.path);
    expect(closedGets).toEqual([]);
  });

  it("allows or denies every route for every credential as its declaration says", async () => {
    const mismatches: string[] = [];
    for (const op of await operations()) {
      for (const credential of Object.keys(tokens) as Credential[]) {
        const res = await call(op, tokens[credential]);
        const label = `${credential} ${op.method} ${op.path} → ${res.status}`;
        if (credential === "none" || credential === "revoked" || credential === "expired") {
          if (res.status !== 401 || res.type !== "application/problem+json") mismatches.push(`${label}, want 401`);
        } else if (expectAllowed(String(op.role), credential)) {
          // The route's own answer: a 2xx, or a 4xx about the fake id or empty body; never the gate's.
          if (res.status === 401 || res.status >= 500 || (res.status === 403 && res.body.includes("may not use this route"))) mismatches.push(`${label}, want the route's own answer`);
        } else if (res.status !== 403 || res.type !== "application/problem+json") {
          mismatches.push(`${label}, want 403`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("treats a route nobody declared as admin-only", async () => {
    const res = await call({ method: "POST", path: "/v1/not-a-route", role: undefined }, tokens.read);
    expect(res.status).toBe(403);
    expect((await call({ method: "POST", path: "/v1/not-a-route", role: undefined }, tokens.admin)).status).toBe(404);
  });
});
