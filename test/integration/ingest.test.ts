import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import { admin, created, eventsOf, ingest, ORIGIN, pipeline, receiverRecords, uniqueKey, waitFor } from "./gateway";

const requestRow = (id: string) => env.DB.prepare("SELECT * FROM requests WHERE id = ?").bind(id).first<any>();
const countRequests = async (sourceId: string) =>
  (await env.DB.prepare("SELECT count(*) AS n FROM requests WHERE source_id = ?").bind(sourceId).first<number>("n")) ?? 0;

async function sha256Hex(bytes: Uint8Array) {
  return [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

describe("ingest", () => {
  it("answers 404 for an unknown source and stores nothing", async () => {
    const res = await ingest("src_doesnotexist", { body: "{}" });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await countRequests("src_doesnotexist")).toBe(0);
  });

  it("rejects a method the source does not allow with 405 and records the rejection", async () => {
    const source = await created("/v1/sources", { name: uniqueKey("methods"), allowed_methods: ["POST", "PUT"] });
    const res = await ingest(source.id, { method: "DELETE" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST, PUT");
    const rows = await waitFor("recorded rejection", async () => {
      const list = await admin("GET", `/v1/requests?source_id=${source.id}&rejection=method_not_allowed`);
      return list.json.data.length ? list.json.data : undefined;
    });
    expect(rows[0]).toMatchObject({ method: "DELETE", verified: false, rejection: "method_not_allowed", events_count: 0 });
  });

  it("rejects a body over the limit with 413, whether declared or streamed, and records it", async () => {
    const source = await created("/v1/sources", { name: uniqueKey("big") });
    const tooBig = new Uint8Array(10 * 1024 * 1024 + 1);
    expect((await ingest(source.id, { body: tooBig })).status).toBe(413);

    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 11; i++) controller.enqueue(new Uint8Array(1024 * 1024));
        controller.close();
      },
    });
    expect((await ingest(source.id, { body: stream })).status).toBe(413);
    const rows = await waitFor("two recorded rejections", async () => {
      const list = await admin("GET", `/v1/requests?source_id=${source.id}`);
      return list.json.data.length === 2 ? list.json.data : undefined;
    });
    expect(rows.every((r: any) => r.rejection === "payload_too_large")).toBe(true);
  });

  it("rejects requests to a disabled source with 403 and records them", async () => {
    const source = await created("/v1/sources", { name: uniqueKey("off"), disabled: true });
    expect((await ingest(source.id, { body: "{}" })).status).toBe(403);
    await waitFor("recorded", async () => (await admin("GET", `/v1/requests?source_id=${source.id}&rejection=source_disabled`)).json.data.length === 1);
  });

  it("stores no source credential, and shows other credential-like headers masked", async () => {
    const token = `tok_${crypto.randomUUID()}`;
    const key = `key_${crypto.randomUUID()}`;
    const other = `other_${crypto.randomUUID()}`;
    const bearer = await created("/v1/sources", { name: uniqueKey("masked"), verification: { type: "bearer", token } });
    const apiKey = await created("/v1/sources", { name: uniqueKey("masked-q"), verification: { type: "api_key", query: "k", key } });
    const headers = { authorization: `Bearer ${token}`, "x-trace": "visible", "x-upstream-token": other };
    expect((await ingest(bearer.id, { body: "{}", headers })).status).toBe(200);
    expect((await ingest(apiKey.id, { path: `?k=${key}&page=2`, body: "{}" })).status).toBe(200);

    const [listed] = (await admin("GET", `/v1/requests?source_id=${bearer.id}`)).json.data;
    const detail = (await admin("GET", `/v1/requests/${listed.id}`)).json;
    for (const shown of [listed, detail]) {
      expect(shown.verified).toBe(true);
      expect(shown.headers.authorization).toBeUndefined();
      expect(shown.headers["x-upstream-token"]).toBe(`••••${other.slice(-4)}`);
      expect(shown.headers["x-trace"]).toBe("visible");
      expect(JSON.stringify(shown)).not.toContain(token);
    }
    const [byQuery] = (await admin("GET", `/v1/requests?source_id=${apiKey.id}`)).json.data;
    expect(byQuery.query).toBe("page=2");
    // The source's credential is not stored at all (src/verify/source-credential.ts).
    expect((await requestRow(listed.id)).headers).not.toContain(token);
    expect((await requestRow(byQuery.id)).query).toBe("page=2");
  });

  it("answers with the source's configured response", async () => {
    const source = await created("/v1/sources", { name: uniqueKey("ack"), response: { status: 202, content_type: "text/plain", body: "thanks" } });
    const res = await ingest(source.id, { body: "{}" });
    expect(res.status).toBe(202);
    expect(await res.text()).toBe("thanks");
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
  });

  it("stores and delivers a binary body byte-for-byte, with the sub-path and query forwarded", async () => {
    const key = uniqueKey("binary");
    const { source } = await pipeline("binary", `/ok/${key}`);
    const bytes = crypto.getRandomValues(new Uint8Array(4096));
    const res = await ingest(source.id, { body: bytes, path: "/hooks/a%20b?x=1&y=%E2%9C%93", headers: { "content-type": "application/octet-stream" } });
    expect(res.status).toBe(200);
    const [received] = await waitFor("delivery", async () => {
      const r = await receiverRecords(key);
      return r.length ? r : undefined;
    });
    expect(received.body_sha256).toBe(await sha256Hex(bytes));
    expect(received.path).toBe(`/ok/${key}/hooks/a%20b`);
    expect(new URLSearchParams(received.query).get("y")).toBe("✓");

    const { request_id } = (await res.json()) as any;
    const stored = await admin("GET", `/v1/requests/${request_id}`);
    expect(stored.json.body_encoding).toBe("base64");
    expect(Uint8Array.from(atob(stored.json.body), (c) => c.charCodeAt(0))).toEqual(bytes);
  });

  it("round-trips a 10 MiB body: stored in chunks, delivered identical", async () => {
    const key = uniqueKey("huge");
    const { source } = await pipeline("huge", `/ok/${key}`);
    const body = new Uint8Array(10 * 1024 * 1024);
    for (let i = 0; i < body.length; i += 65536) crypto.getRandomValues(body.subarray(i, i + 65536));
    const res = await ingest(source.id, { body });
    expect(res.status).toBe(200);
    const { request_id } = (await res.json()) as any;
    const row = await requestRow(request_id);
    expect(row.body_size).toBe(body.length);
    expect(row.body_chunks).toBe(11);
    const [received] = await waitFor("delivery", async () => {
      const r = await receiverRecords(key);
      return r.length ? r : undefined;
    }, 25_000);
    expect(received.body_size).toBe(body.length);
    expect(received.headers["content-length"]).toBe(String(body.length));
    expect(received.body_sha256).toBe(await sha256Hex(body));
  });

  it("answers 503 and stores nothing when D1 cannot take the write", async () => {
    const source = await created("/v1/sources", { name: uniqueKey("d1down") });
    await env.DB.exec("ALTER TABLE requests RENAME TO requests_offline");
    try {
      const small = await ingest(source.id, { body: "{}" });
      const large = await ingest(source.id, { body: new Uint8Array(3_000_000) });
      expect(small.status).toBe(503);
      expect(small.headers.get("retry-after")).toBe("5");
      expect(large.status).toBe(503);
    } finally {
      await env.DB.exec("ALTER TABLE requests_offline RENAME TO requests");
    }
    expect(await countRequests(source.id)).toBe(0);
  });

  it("still answers 200 when the enqueue fails after the write; the sweeper then routes and delivers it", async () => {
    const key = uniqueKey("lostmsg");
    const { source } = await pipeline("lostmsg", `/ok/${key}`);
    // Fault injection: the real bindings, except that sending to the queue throws.
    const brokenEnv = { ...env, DELIVERY_QUEUE: { send: () => Promise.reject(new Error("queue unavailable")), sendBatch: env.DELIVERY_QUEUE.sendBatch.bind(env.DELIVERY_QUEUE) } };
    const ctx = createExecutionContext();
    const res = await worker.fetch(new Request(`${ORIGIN}/e/${source.id}`, { method: "POST", body: '{"n":1}' }), brokenEnv as any, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(200);
    const { request_id } = (await res.json()) as any;
    expect((await requestRow(request_id)).routed_at).toBeNull();

    // Nothing reaches the destination until the sweeper runs past the grace period.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await receiverRecords(key)).toHaveLength(0);
    const sweepCtx = createExecutionContext();
    await (worker as ExportedHandler<Cloudflare.Env>).scheduled!({ cron: "* * * * *", scheduledTime: Date.now(), noRetry() {} } as any, { ...env, SWEEP_GRACE_MS: "1000" } as any, sweepCtx);
    await waitOnExecutionContext(sweepCtx);
    await waitFor("delivery after the sweep", async () => (await receiverRecords(key)).length === 1);
    await waitFor("successful event", async () => (await eventsOf(request_id))[0]?.status === "successful");
  });
});
