import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { admin, created, ORIGIN, receiverUrl, uniqueKey } from "./gateway";

describe("admin API", () => {
  it("answers 401 without a token or with a wrong one, on every /v1 route", async () => {
    for (const path of ["/v1/sources", "/v1/destinations", "/v1/connections", "/v1/requests", "/v1/events"]) {
      const none = await SELF.fetch(`${ORIGIN}${path}`);
      expect(none.status).toBe(401);
      expect(none.headers.get("content-type")).toBe("application/problem+json");
      expect((await admin("GET", path, undefined, "wrong-token")).status).toBe(401);
    }
  });

  it("answers 400 problem+json naming each bad field", async () => {
    const res = await admin("POST", "/v1/destinations", { name: "has space", url: "ftp://example.com", timeout_ms: 5 });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const paths = res.json.errors.map((e: any) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["name", "timeout_ms"]));

    const badUrl = await admin("POST", "/v1/destinations", { name: uniqueKey("d"), url: "ftp://example.com" });
    expect(badUrl.status).toBe(400);
    expect(badUrl.json.errors).toEqual([{ path: "url", message: "must use http or https" }]);

    const badRules = await admin("POST", "/v1/connections", {
      name: "x", source_id: "src_1", destination_id: "des_1",
      rules: [{ type: "retry", strategy: "sometimes", count: 1, interval_ms: 1000 }, { type: "delay", delay_ms: -1 }],
    });
    expect(badRules.status).toBe(400);
    expect(badRules.json.errors.map((e: any) => e.path)).toEqual(expect.arrayContaining(["rules.0.strategy", "rules.1.delay_ms"]));
  });

  it("answers 400 for malformed JSON and bad query parameters, 415 for a body that is not JSON", async () => {
    const malformed = await SELF.fetch(`${ORIGIN}/v1/sources`, {
      method: "POST", headers: { authorization: "Bearer test-admin-token", "content-type": "application/json" }, body: "{not json",
    });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get("content-type")).toBe("application/problem+json");

    const binary = await SELF.fetch(`${ORIGIN}/v1/sources`, {
      method: "POST", headers: { authorization: "Bearer test-admin-token", "content-type": "application/octet-stream" }, body: new Uint8Array([0, 255, 1]),
    });
    expect(binary.status).toBe(415);
    expect(binary.headers.get("content-type")).toBe("application/problem+json");

    const query = await admin("GET", "/v1/events?limit=1000&status=lost");
    expect(query.status).toBe(400);
    expect(query.json.errors.map((e: any) => e.path)).toEqual(expect.arrayContaining(["query.limit", "query.status"]));
  });

  it("answers 404 for an unknown id and 409 for a duplicate name", async () => {
    expect((await admin("GET", "/v1/sources/src_missing")).status).toBe(404);
    expect((await admin("GET", "/v1/events/evt_missing")).status).toBe(404);
    const name = uniqueKey("dup");
    await created("/v1/sources", { name });
    const dup = await admin("POST", "/v1/sources", { name });
    expect(dup.status).toBe(409);
    expect(dup.json.errors).toEqual([{ path: "name", message: "already taken" }]);
  });

  it("creates, reads, updates and deletes sources, destinations and connections", async () => {
    const source = await created("/v1/sources", { name: uniqueKey("crud") });
    expect(source).toMatchObject({ allowed_methods: ["POST"], verification: null, disabled_at: null, url: `${ORIGIN}/e/${source.id}` });
    const destination = await created("/v1/destinations", { name: uniqueKey("crud"), url: `${receiverUrl()}/ok/crud` });
    expect(destination).toMatchObject({ http_method: "POST", timeout_ms: 30000, headers: {} });
    const connection = await created("/v1/connections", { name: "c", source_id: source.id, destination_id: destination.id });

    const patched = await admin("PATCH", `/v1/sources/${source.id}`, { allowed_methods: ["POST", "PUT"], disabled: true });
    expect(patched.status).toBe(200);
    expect(patched.json.allowed_methods).toEqual(["POST", "PUT"]);
    expect(patched.json.disabled_at).not.toBeNull();
    expect((await admin("GET", `/v1/sources/${source.id}`)).json.allowed_methods).toEqual(["POST", "PUT"]);

    expect((await admin("DELETE", `/v1/sources/${source.id}`)).status).toBe(409);
    expect((await admin("DELETE", `/v1/connections/${connection.id}`)).status).toBe(204);
    expect((await admin("DELETE", `/v1/sources/${source.id}`)).status).toBe(204);
    expect((await admin("GET", `/v1/sources/${source.id}`)).status).toBe(404);
  });

  it("refuses a connection to a source or destination that does not exist", async () => {
    const res = await admin("POST", "/v1/connections", { name: "x", source_id: "src_nope", destination_id: "des_nope" });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: any) => e.path)).toEqual(["source_id", "destination_id"]);
  });

  it("never returns destination secrets in full", async () => {
    const dest = await created("/v1/destinations", {
      name: uniqueKey("secret"), url: `${receiverUrl()}/ok/s`, auth: { type: "bearer", token: "tok_live_1234567890abcdef" },
    });
    expect(dest.auth).toEqual({ type: "bearer", token: "••••cdef" });
    const listed = await admin("GET", `/v1/destinations?name=${dest.name}`);
    expect(JSON.stringify(listed.json)).not.toContain("1234567890");
  });

  it("pages through lists with a cursor, newest first", async () => {
    const prefix = uniqueKey("page");
    for (let i = 0; i < 5; i++) await created("/v1/sources", { name: `${prefix}-${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await admin("GET", `/v1/sources?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.json.data.length).toBeLessThanOrEqual(2);
      seen.push(...res.json.data.map((s: any) => s.name));
      cursor = res.json.next_cursor;
    } while (cursor);
    const mine = seen.filter((n) => n.startsWith(prefix));
    expect(mine).toEqual([4, 3, 2, 1, 0].map((i) => `${prefix}-${i}`));
  });

  it("publishes an OpenAPI document generated from the route schemas, and docs that render it", async () => {
    const doc = (await (await SELF.fetch(`${ORIGIN}/openapi.json`)).json()) as any;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/v1/sources", "/v1/sources/{id}", "/v1/events/{id}/attempts", "/v1/requests"]));
    expect(doc.components.schemas.DestinationInput.properties.url).toBeDefined();
    const docs = await SELF.fetch(`${ORIGIN}/docs`);
    expect(docs.status).toBe(200);
    // swagger-ui comes from this Worker's assets (/swagger/init.js points it at /openapi.json), never a CDN.
    const html = await docs.text();
    expect(html).toContain('src="/swagger/swagger-ui-bundle.js"');
    expect(html).toContain('src="/swagger/init.js"');
    expect(html).not.toMatch(/https?:\/\//);
    expect(docs.headers.get("content-security-policy")).toMatch(/script-src 'self'(;|$)/);
  });
});
