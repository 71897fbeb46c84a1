import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { admin, created, ingest, receiverRecords, receiverUrl, uniqueKey, waitFor } from "./gateway";

// Settings that could only fail after a request is stored, or on every delivery, are refused when
// they are saved: a 400 problem naming the field, on create and on PATCH.

const paths = (res: { json: any }) => res.json.errors.map((e: any) => e.path);

async function refusedOnSave(collection: string, valid: Record<string, unknown>, bad: Record<string, unknown>, field: string) {
  const create = await admin("POST", collection, { ...valid, name: uniqueKey("bad"), ...bad });
  expect(create.status).toBe(400);
  expect(create.headers.get("content-type")).toBe("application/problem+json");
  expect(paths(create)).toContain(field);
  const ok = await created(collection, { ...valid, name: uniqueKey("good") });
  const patch = await admin("PATCH", `${collection}/${ok.id}`, bad);
  expect(patch.status).toBe(400);
  expect(paths(patch)).toContain(field);
}

describe("source answer settings", () => {
  it.each([
    [{ response: { status: 204, content_type: "text/plain", body: "thanks" } }, "response.body"],
    [{ response: { status: 205, body: "x" } }, "response.body"],
    [{ response: { status: 200, content_type: "text/plain\r\nset-cookie: a=b", body: "ok" } }, "response.content_type"],
    [{ response: { status: 200, content_type: "text/plain\n", body: "ok" } }, "response.content_type"],
  ])("refuses %j naming %s", async (bad, field) => {
    await refusedOnSave("/v1/sources", {}, bad, field);
  });

  it("a 204 answer without a body is accepted and answered as configured", async () => {
    const source = await created("/v1/sources", { name: uniqueKey("ack204"), response: { status: 204, content_type: "text/plain", body: "" } });
    const res = await ingest(source.id, { body: "{}" });
    expect(res.status).toBe(204);
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
  });

  it("an answer saved before these checks (straight into D1) still acknowledges the stored request", async () => {
    const source = await created("/v1/sources", { name: uniqueKey("ack-legacy") });
    const stored = (status: number, content_type: string) => env.DB.prepare("UPDATE sources SET response = ? WHERE id = ?")
      .bind(JSON.stringify({ status, content_type, body: "thanks" }), source.id).run();
    await stored(204, "text/plain");
    const noBody = await ingest(source.id, { body: "{}" });
    expect(noBody.status).toBe(204);
    await stored(200, "text/plain\r\nx-injected: 1");
    const fallback = await ingest(source.id, { body: "{}" });
    expect(fallback.status).toBe(200);
    expect(fallback.headers.get("x-injected")).toBeNull();
    const { request_id } = (await fallback.json()) as { request_id: string };
    const { results } = await env.DB.prepare("SELECT id FROM requests WHERE source_id = ?").bind(source.id).all();
    expect(results.map((r) => r.id)).toContain(request_id);
    expect(results).toHaveLength(2);
  });
});

describe("destination header settings", () => {
  const valid = { url: "https://hooks.example.com/in" };
  it.each([
    [{ headers: { "x-env": "prod\r\nx-injected: 1" } }, "headers.x-env"],
    [{ headers: { "x-env": "a\u0000b" } }, "headers.x-env"],
    [{ headers: { "x-env": "snow ☃" } }, "headers.x-env"],
    [{ headers: { "bad name": "v" } }, "headers.bad name"],
    [{ auth: { type: "bearer", token: "tok\nen" } }, "auth.token"],
    [{ auth: { type: "api_key", key: "k\r\n", header: "x-api-key" } }, "auth.key"],
    [{ auth: { type: "api_key", key: "k", header: "x api key" } }, "auth.header"],
    [{ auth: { type: "custom_header", name: "x:shared", value: "v" } }, "auth.name"],
    [{ auth: { type: "custom_header", name: "x-shared", value: "v\u0000" } }, "auth.value"],
    [{ auth: { type: "basic", username: "a:b", password: "p" } }, "auth.username"],
    [{ signing: { type: "standard_webhooks", secrets: ["whsec_c2hvcnQ="] } }, "signing.secrets.0"],
    [{ signing: { type: "standard_webhooks", secrets: ["whsec_AAAAAAAAAAAAAAAAA"] } }, "signing.secrets.0"],
  ])("refuses %j naming %s", async (bad, field) => {
    await refusedOnSave("/v1/destinations", valid, bad, field);
  });

  it("an api_key in the query may hold any character: it is URL-encoded", async () => {
    expect((await admin("POST", "/v1/destinations", { ...valid, name: uniqueKey("q"), auth: { type: "api_key", key: "a b\nc", query: "k" } })).status).toBe(201);
  });

  it("basic credentials beyond Latin-1 are sent as base64 of UTF-8", async () => {
    const key = uniqueKey("basic-utf8");
    const name = uniqueKey("basic-utf8");
    const source = await created("/v1/sources", { name });
    const destination = await created("/v1/destinations", { name, url: `${receiverUrl()}/ok/${key}`, auth: { type: "basic", username: "zoë", password: "☃-pass" } });
    await created("/v1/connections", { name, source_id: source.id, destination_id: destination.id });
    await ingest(source.id, { body: "{}" });
    const [arrived] = await waitFor("delivery", async () => {
      const r = await receiverRecords(key);
      return r.length ? r : undefined;
    });
    const encoded = arrived.headers.authorization.replace(/^Basic /, "");
    expect(new TextDecoder().decode(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0)))).toBe("zoë:☃-pass");
  });
});
