import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { admin, created, ingest, uniqueKey, waitFor } from "./gateway";

// What anyone who knows a source's URL can make the gateway do: rejected requests keep a bounded
// prefix of their body, and a disabled source answers no handshake.

const rejectedRows = (sourceId: string) => waitFor("the rejection stored", async () => {
  const { results } = await env.DB.prepare("SELECT id, body_size, length(body) AS stored, body_chunks FROM requests WHERE source_id = ?").bind(sourceId).all<any>();
  return results.length ? results : undefined;
});

describe("rejected requests", () => {
  it("keep only the first 64 KiB of their body, with the size received", async () => {
    const source = await created("/v1/sources", { name: uniqueKey("reject-big"), verification: { type: "bearer", token: "the-right-token-1234" } });
    const body = new Uint8Array(3 * 1024 * 1024).map((_, i) => i % 251);
    const res = await ingest(source.id, { body, headers: { authorization: "Bearer wrong-token-000000" } });
    expect(res.status).toBe(401);
    const [row] = await rejectedRows(source.id);
    expect(row).toMatchObject({ body_size: 3 * 1024 * 1024, stored: 64 * 1024, body_chunks: 0 });
    const { results: chunks } = await env.DB.prepare("SELECT seq FROM request_body_chunks WHERE request_id = ?").bind(row.id).all();
    expect(chunks).toHaveLength(0);
    const shown = (await admin("GET", `/v1/requests/${row.id}`)).json;
    expect(shown).toMatchObject({ body_size: 3 * 1024 * 1024, body_encoding: "base64", body_truncated: true });
    const prefix = Uint8Array.from(atob(shown.body), (c) => c.charCodeAt(0));
    expect(prefix).toEqual(body.subarray(0, 64 * 1024));
  });

  it("keep a small body whole, and say so", async () => {
    const source = await created("/v1/sources", { name: uniqueKey("reject-small"), allowed_methods: ["PUT"] });
    expect((await ingest(source.id, { body: "{\"small\":true}" })).status).toBe(405);
    const [row] = await rejectedRows(source.id);
    const shown = (await admin("GET", `/v1/requests/${row.id}`)).json;
    expect(shown).toMatchObject({ body: "{\"small\":true}", body_size: 14, body_truncated: false });
  });
});

describe("disabled sources", () => {
  it("answer no handshake: the challenge gets the 403 every other request gets", async () => {
    const verification = { type: "meta", secret: "meta-app-secret-123456", verify_token: "verify-me-please" };
    const source = await created("/v1/sources", { name: uniqueKey("handshake-off"), allowed_methods: ["GET", "POST"], verification });
    const challenge = { method: "GET", path: "?hub.mode=subscribe&hub.verify_token=verify-me-please&hub.challenge=8675309" };
    const enabled = await ingest(source.id, challenge);
    expect(enabled.status).toBe(200);
    expect(await enabled.text()).toBe("8675309");

    expect((await admin("PATCH", `/v1/sources/${source.id}`, { disabled: true })).status).toBe(200);
    const disabled = await ingest(source.id, challenge);
    expect(disabled.status).toBe(403);
    expect(await disabled.text()).not.toContain("8675309");
    await waitFor("the rejection stored", async () =>
      (await admin("GET", `/v1/requests?source_id=${source.id}&rejection=source_disabled`)).json.data.length === 1);
  });
});
