import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { KEY_CACHE_TTL_MS } from "../../src/auth/key-cache";
import { principalForKey, principalForKeyId } from "../../src/auth/principal-for-key";
import { admin, created, uniqueKey, waitFor } from "./gateway";

describe("API keys", () => {
  it("shows the key once, stores only its hash, and lets it in with its role", async () => {
    const key = await created("/v1/api-keys", { name: uniqueKey("ops"), role: "read" });
    expect(key.key).toMatch(/^egk_[A-Za-z0-9_-]{43}$/);
    expect(key).toMatchObject({ role: "read", revoked_at: null, expires_at: null, last_used_at: null });

    const shown = await admin("GET", `/v1/api-keys/${key.id}`);
    expect(shown.json).not.toHaveProperty("key");
    const { results } = await env.DB.prepare("SELECT * FROM api_keys WHERE id = ?").bind(key.id).all();
    expect(JSON.stringify(results)).not.toContain(key.key.slice(4));

    expect((await admin("GET", "/v1/sources", undefined, key.key)).status).toBe(200);
    expect((await admin("POST", "/v1/sources", { name: uniqueKey("s") }, key.key)).status).toBe(403);
  });

  it("records last use without a write per request", async () => {
    const key = await created("/v1/api-keys", { name: uniqueKey("used"), role: "read" });
    for (let i = 0; i < 3; i++) expect((await admin("GET", "/v1/issues", undefined, key.key)).status).toBe(200);
    const used = await waitFor("last_used_at", async () => (await admin("GET", `/v1/api-keys/${key.id}`)).json.last_used_at);
    // Within the minute the first write stands, however often the key is used.
    await admin("GET", "/v1/issues", undefined, key.key);
    expect((await admin("GET", `/v1/api-keys/${key.id}`)).json.last_used_at).toBe(used);
  });

  it("refuses a revoked key at once in the isolate that revoked it", async () => {
    const key = await created("/v1/api-keys", { name: uniqueKey("gone"), role: "admin" });
    expect((await admin("GET", "/v1/sources", undefined, key.key)).status).toBe(200);
    const revoked = await admin("POST", `/v1/api-keys/${key.id}/revoke`);
    expect(revoked.json.revoked_at).not.toBeNull();
    const again = await admin("GET", "/v1/sources", undefined, key.key);
    expect(again.status).toBe(401);
    expect(again.headers.get("content-type")).toBe("application/problem+json");
    // Revoking twice keeps the first time.
    expect((await admin("POST", `/v1/api-keys/${key.id}/revoke`)).json.revoked_at).toBe(revoked.json.revoked_at);
  });

  it("a revocation made elsewhere reaches an isolate that cached the key within 5 seconds", async () => {
    const key = await created("/v1/api-keys", { name: uniqueKey("cached"), role: "publish" });
    const t0 = Date.now();
    expect(await principalForKey(env, key.key, t0)).toEqual({ keyId: key.id, role: "publish" });
    expect(await principalForKeyId(env, key.id, t0)).toEqual({ keyId: key.id, role: "publish" });
    // Another isolate revokes it: this one's cache is not told.
    await env.DB.prepare("UPDATE api_keys SET revoked_at = ? WHERE id = ?").bind(t0 + 1, key.id).run();
    expect(KEY_CACHE_TTL_MS).toBeLessThanOrEqual(5_000);
    expect(await principalForKey(env, key.key, t0 + KEY_CACHE_TTL_MS - 1)).not.toBeNull();
    expect(await principalForKey(env, key.key, t0 + KEY_CACHE_TTL_MS)).toBeNull();
    expect(await principalForKeyId(env, key.id, t0 + KEY_CACHE_TTL_MS)).toBeNull();
  });

  it("stops a key at its expiry, exactly, cached or not", async () => {
    const expiresAt = Date.now() + 60_000;
    const key = await created("/v1/api-keys", { name: uniqueKey("brief"), role: "read", expires_at: new Date(expiresAt).toISOString() });
    expect(await principalForKey(env, key.key, expiresAt - 1)).not.toBeNull();
    expect(await principalForKey(env, key.key, expiresAt)).toBeNull();
    expect(await principalForKeyId(env, key.id, expiresAt)).toBeNull();
  });

  it("knows the bootstrap token by its key id, and nothing by an unknown one", async () => {
    expect(await principalForKeyId(env, "admin_token")).toEqual({ keyId: "admin_token", role: "admin" });
    expect(await principalForKeyId(env, "key_unknown")).toBeNull();
    expect(await principalForKey(env, "egk_not-a-key")).toBeNull();
  });

  it("answers 400 naming the field for a bad role or an expiry in the past", async () => {
    const res = await admin("POST", "/v1/api-keys", { name: "x", role: "owner" });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: any) => e.path)).toEqual(["role"]);
    const past = await admin("POST", "/v1/api-keys", { name: "x", role: "read", expires_at: "2020-01-01T00:00:00Z" });
    expect(past.status).toBe(400);
    expect(past.json.errors).toEqual([{ path: "expires_at", message: "must be in the future" }]);
  });

  it("lists keys newest first, by role", async () => {
    const a = await created("/v1/api-keys", { name: uniqueKey("p1"), role: "publish" });
    const b = await created("/v1/api-keys", { name: uniqueKey("p2"), role: "publish" });
    const page = await admin("GET", "/v1/api-keys?role=publish&limit=1");
    expect(page.json.data.map((k: any) => k.id)).toEqual([b.id]);
    const next = await admin("GET", `/v1/api-keys?role=publish&limit=1&cursor=${page.json.next_cursor}`);
    expect(next.json.data.map((k: any) => k.id)).toEqual([a.id]);
  });
});
