import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { admin, created, uniqueKey } from "./gateway";

describe("audit log", () => {
  it("records who changed what, with the object's id and the answer, and no secret", async () => {
    const before = new Date().toISOString();
    const secret = "whsec_" + btoa("audit-secret-0123456789");
    const source = await created("/v1/sources", { name: uniqueKey("aud"), verification: { type: "standard_webhooks", secret } });
    const reader = await created("/v1/api-keys", { name: uniqueKey("reader"), role: "read" });
    expect((await admin("PATCH", `/v1/sources/${source.id}`, { disabled: true }, reader.key)).status).toBe(403);
    expect((await admin("PATCH", `/v1/sources/${source.id}`, { disabled: true })).status).toBe(200);
    // Reads are not changes, nor are read-only POSTs.
    await admin("GET", `/v1/sources/${source.id}`);

    const { json } = await admin("GET", `/v1/audit-log?object_id=${source.id}`);
    expect(json.data.map((e: any) => [e.key_id, e.method, e.route, e.status])).toEqual([
      ["admin_token", "PATCH", "/v1/sources/{id}", 200],
      [reader.id, "PATCH", "/v1/sources/{id}", 403],
      ["admin_token", "POST", "/v1/sources", 201],
    ]);
    expect(json.data[0].created_at >= before).toBe(true);

    const { results } = await env.DB.prepare("SELECT * FROM audit_log").all();
    expect(JSON.stringify(results)).not.toContain("audit-secret");
    expect(JSON.stringify(results)).not.toContain(btoa("audit-secret-0123456789"));
  });

  it("records the creation of a key without the key", async () => {
    const key = await created("/v1/api-keys", { name: uniqueKey("k"), role: "publish" });
    const { json } = await admin("GET", `/v1/audit-log?object_id=${key.id}`);
    expect(json.data).toHaveLength(1);
    expect(json.data[0]).toMatchObject({ method: "POST", route: "/v1/api-keys", status: 201 });
    const { results } = await env.DB.prepare("SELECT * FROM audit_log").all();
    expect(JSON.stringify(results)).not.toContain(key.key);
  });

  it("filters by key and by time, and pages newest first", async () => {
    const writer = await created("/v1/api-keys", { name: uniqueKey("w"), role: "admin" });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await admin("POST", "/v1/sources", { name: uniqueKey("paged") }, writer.key);
      ids.unshift(res.json.id);
    }
    const first = await admin("GET", `/v1/audit-log?key_id=${writer.id}&limit=2`);
    expect(first.json.data.map((e: any) => e.object_id)).toEqual(ids.slice(0, 2));
    const second = await admin("GET", `/v1/audit-log?key_id=${writer.id}&limit=2&cursor=${first.json.next_cursor}`);
    expect(second.json.data.map((e: any) => e.object_id)).toEqual(ids.slice(2));
    expect(second.json.next_cursor).toBeNull();

    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await admin("GET", `/v1/audit-log?key_id=${writer.id}&created_after=${future}`)).json.data).toEqual([]);
    expect((await admin("GET", `/v1/audit-log?key_id=${writer.id}&created_before=${future}`)).json.data).toHaveLength(3);
    expect((await admin("GET", "/v1/audit-log?created_after=yesterday")).status).toBe(400);
  });

  it("does not record a read-only POST", async () => {
    const res = await admin("POST", "/v1/transformations/run", {
      code: "addHandler('transform', (request) => request)",
      request: { headers: {}, body: { a: 1 } },
    });
    expect(res.status).toBe(200);
    const { results } = await env.DB.prepare("SELECT * FROM audit_log WHERE route = '/v1/transformations/run'").all();
    expect(results).toEqual([]);
  });
});
