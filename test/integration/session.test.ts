import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ORIGIN } from "./gateway";

// The dashboard's sessions (spec §9): an API key exchanged once for an HttpOnly cookie.

async function signIn(key = env.ADMIN_TOKEN, origin = ORIGIN) {
  return SELF.fetch(`${origin}/v1/session`, { method: "POST", headers: { authorization: `Bearer ${key}` } });
}

const cookieOf = (res: Response) => res.headers.get("set-cookie")!.split(";")[0]!;

describe("sessions", () => {
  it("signs in with the admin token: an HttpOnly, SameSite=Strict cookie for the whole site, and the principal", async () => {
    const res = await signIn();
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ key_id: "admin_token", role: "admin" });
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^eg_session=[0-9a-f]{64};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Max-Age=43200/);
    expect(cookie).not.toMatch(/Secure/);

    const me = await SELF.fetch(`${ORIGIN}/v1/session`, { headers: { cookie: cookieOf(res) } });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ key_id: "admin_token", role: "admin" });
    const sources = await SELF.fetch(`${ORIGIN}/v1/sources`, { headers: { cookie: cookieOf(res) } });
    expect(sources.status).toBe(200);
  });

  it("marks the cookie Secure when the gateway is reached over https", async () => {
    const res = await signIn(env.ADMIN_TOKEN, "https://gateway.test");
    expect(res.headers.get("set-cookie")).toMatch(/; Secure/);
  });

  it("stores only a hash of the session id", async () => {
    const res = await signIn();
    const id = cookieOf(res).split("=")[1]!;
    const rows = await env.DB.prepare("SELECT id_hash, key_id, role FROM sessions").all<{ id_hash: string }>();
    expect(rows.results.length).toBeGreaterThan(0);
    expect(rows.results.some((r) => r.id_hash === id)).toBe(false);
    expect(rows.results.every((r) => /^[0-9a-f]{64}$/.test(r.id_hash))).toBe(true);
  });

  it("refuses a wrong key, opens no session, and sets no cookie", async () => {
    const before = await env.DB.prepare("SELECT count(*) AS n FROM sessions").first<{ n: number }>();
    const res = await signIn("not-the-key");
    expect(res.status).toBe(401);
    expect(res.headers.get("set-cookie")).toBeNull();
    const after = await env.DB.prepare("SELECT count(*) AS n FROM sessions").first<{ n: number }>();
    expect(after!.n).toBe(before!.n);
  });

  it("refuses an unknown or forged cookie", async () => {
    const res = await SELF.fetch(`${ORIGIN}/v1/sources`, { headers: { cookie: `eg_session=${"ab".repeat(32)}` } });
    expect(res.status).toBe(401);
  });

  it("a session cannot open another: POST /v1/session needs the key", async () => {
    const cookie = cookieOf(await signIn());
    const res = await SELF.fetch(`${ORIGIN}/v1/session`, { method: "POST", headers: { cookie, origin: ORIGIN } });
    expect(res.status).toBe(401);
  });

  it("sign-out ends the session on the server and clears the cookie", async () => {
    const cookie = cookieOf(await signIn());
    const out = await SELF.fetch(`${ORIGIN}/v1/session`, { method: "DELETE", headers: { cookie, origin: ORIGIN } });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/^eg_session=;.*Max-Age=0/);
    // The old cookie, replayed (say, copied before sign-out), opens nothing.
    expect((await SELF.fetch(`${ORIGIN}/v1/session`, { headers: { cookie } })).status).toBe(401);
  });

  it("refuses a change made with the cookie from another origin, or without an Origin (CSRF)", async () => {
    const cookie = cookieOf(await signIn());
    const body = JSON.stringify({ name: "csrf-source" });
    const headers = { cookie, "content-type": "application/json" };
    const foreign = await SELF.fetch(`${ORIGIN}/v1/sources`, { method: "POST", headers: { ...headers, origin: "https://evil.example" }, body });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("content-type")).toBe("application/problem+json");
    const none = await SELF.fetch(`${ORIGIN}/v1/sources`, { method: "POST", headers, body });
    expect(none.status).toBe(403);
    const list = await SELF.fetch(`${ORIGIN}/v1/sources?limit=250`, { headers: { cookie } });
    expect(((await list.json()) as { data: { name: string }[] }).data.map((s) => s.name)).not.toContain("csrf-source");

    const same = await SELF.fetch(`${ORIGIN}/v1/sources`, { method: "POST", headers: { ...headers, origin: ORIGIN }, body });
    expect(same.status).toBe(201);
  });

  it("lets a bearer key through whatever the Origin: the CSRF check is for cookies", async () => {
    const res = await SELF.fetch(`${ORIGIN}/v1/sources`, {
      method: "POST",
      headers: { authorization: `Bearer ${env.ADMIN_TOKEN}`, "content-type": "application/json", origin: "https://elsewhere.example" },
      body: JSON.stringify({ name: "bearer-source" }),
    });
    expect(res.status).toBe(201);
  });

  it("a wrong bearer key is refused even alongside a valid cookie", async () => {
    const cookie = cookieOf(await signIn());
    const res = await SELF.fetch(`${ORIGIN}/v1/sources`, { headers: { cookie, authorization: "Bearer wrong" } });
    expect(res.status).toBe(401);
  });

  it("an expired session opens nothing", async () => {
    const cookie = cookieOf(await signIn());
    await env.DB.prepare("UPDATE sessions SET expires_at = ?").bind(Date.now() - 1).run();
    expect((await SELF.fetch(`${ORIGIN}/v1/session`, { headers: { cookie } })).status).toBe(401);
  });
});
