import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { admin, eventsOf, ingest, pipeline, receiverRecords, uniqueKey, waitFor } from "./gateway";

describe("ingest → queue → delivery, through the real queue consumer", () => {
  it("delivers a webhook byte-for-byte with webhook-id and webhook-timestamp", async () => {
    const key = uniqueKey("basic");
    const { source } = await pipeline("basic", `/ok/${key}`);
    const payload = JSON.stringify({ type: "charge.succeeded", amount: 4200 });
    const res = await ingest(source.id, { body: payload, headers: { "content-type": "application/json", "x-custom": "kept" } });
    expect(res.status).toBe(200);
    const { request_id } = (await res.json()) as { request_id: string };
    expect(request_id).toMatch(/^req_/);

    const [delivery] = await waitFor("delivery", async () => {
      const r = await receiverRecords(key);
      return r.length ? r : undefined;
    });
    expect(atob(delivery.body_base64)).toBe(payload);
    expect(delivery.headers["content-type"]).toBe("application/json");
    expect(delivery.headers["x-custom"]).toBe("kept");
    expect(delivery.headers["webhook-id"]).toMatch(/^evt_/);
    expect(Number(delivery.headers["webhook-timestamp"])).toBeGreaterThan(1_700_000_000);

    const [event] = await waitFor("successful event", async () => {
      const e = await eventsOf(request_id);
      return e[0]?.status === "successful" ? e : undefined;
    });
    expect(event.id).toBe(delivery.headers["webhook-id"]);
    const attempts = await admin("GET", `/v1/events/${event.id}/attempts`);
    expect(attempts.json.data).toHaveLength(1);
    expect(attempts.json.data[0]).toMatchObject({ number: 1, trigger: "initial", status_code: 200, error: null });
  });

  it("retries a failing destination per the connection's retry rule until it succeeds", async () => {
    const key = uniqueKey("retry");
    const { source } = await pipeline("retry", `/seq/500,503,200/${key}`, [{ type: "retry", strategy: "linear", count: 3, interval_ms: 1000 }]);
    const { request_id } = (await (await ingest(source.id, { body: "{}" })).json()) as { request_id: string };
    const [event] = await waitFor("successful after retries", async () => {
      const e = await eventsOf(request_id);
      return e[0]?.status === "successful" ? e : undefined;
    }, 20_000);
    expect(event.attempts_count).toBe(3);
    const attempts = await admin("GET", `/v1/events/${event.id}/attempts`);
    expect(attempts.json.data.map((a: any) => [a.status_code, a.trigger])).toEqual([[500, "initial"], [503, "automatic"], [200, "automatic"]]);
    expect(await receiverRecords(key)).toHaveLength(3);
  });

  it("marks an event failed when retries run out, and does not retry 410 Gone", async () => {
    const key = uniqueKey("gone");
    const { source } = await pipeline("gone", `/seq/410/${key}`, [{ type: "retry", strategy: "linear", count: 5, interval_ms: 1000 }]);
    const { request_id } = (await (await ingest(source.id, { body: "{}" })).json()) as { request_id: string };
    const [event] = await waitFor("failed", async () => {
      const e = await eventsOf(request_id);
      return e[0]?.status === "failed" ? e : undefined;
    });
    expect(event.attempts_count).toBe(1);
    expect(event.last_response_status).toBe(410);
  });

  it("fans one request out to every active connection of its source", async () => {
    const keyA = uniqueKey("fanA");
    const keyB = uniqueKey("fanB");
    const a = await pipeline("fan", `/ok/${keyA}`);
    const destB = await admin("POST", "/v1/destinations", { name: uniqueKey("fanB"), url: `${(await import("./gateway")).receiverUrl()}/ok/${keyB}` });
    await admin("POST", "/v1/connections", { name: "second", source_id: a.source.id, destination_id: destB.json.id });
    const { request_id } = (await (await ingest(a.source.id, { body: "{}" })).json()) as { request_id: string };
    const events = await waitFor("two successful events", async () => {
      const e = await eventsOf(request_id);
      return e.length === 2 && e.every((x: any) => x.status === "successful") ? e : undefined;
    });
    expect(new Set(events.map((e: any) => e.destination_id)).size).toBe(2);
    const request = await admin("GET", `/v1/requests/${request_id}`);
    expect(request.json.events_count).toBe(2);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM attempts WHERE event_id IN (?, ?)").bind(events[0].id, events[1].id).first("n")).toBe(2);
  });
});

describe("redirects", () => {
  it("follows up to 5 redirects and records too_many_redirects beyond", async () => {
    const okKey = uniqueKey("redir-ok");
    const ok = await pipeline("redir-ok", `/redirect/5/${okKey}`, [{ type: "retry", strategy: "linear", count: 0, interval_ms: 1000 }]);
    const tooFarKey = uniqueKey("redir-far");
    const far = await pipeline("redir-far", `/redirect/6/${tooFarKey}`, [{ type: "retry", strategy: "linear", count: 0, interval_ms: 1000 }]);
    const sent = async (sourceId: string) => ((await (await ingest(sourceId, { body: "{}" })).json()) as { request_id: string }).request_id;
    const [okRequest, farRequest] = [await sent(ok.source.id), await sent(far.source.id)];
    const [okEvent] = await waitFor("followed", async () => {
      const e = await eventsOf(okRequest);
      return e[0]?.status === "successful" ? e : undefined;
    });
    expect(await receiverRecords(okKey)).toHaveLength(6);
    const [farEvent] = await waitFor("gave up", async () => {
      const e = await eventsOf(farRequest);
      return e[0]?.status === "failed" ? e : undefined;
    });
    const attempts = await admin("GET", `/v1/events/${farEvent.id}/attempts`);
    expect(attempts.json.data[0]).toMatchObject({ status_code: null, error: "too_many_redirects" });
    expect(okEvent.attempts_count).toBe(1);
  });
});
