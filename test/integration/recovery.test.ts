import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { deliverMsg } from "../../src/queue/messages";
import { admin, eventsOf, ingest, pipeline, receiverRecords, receiverUrl, uniqueKey, waitFor } from "./gateway";
import { runQueueBatch } from "./queue-batch";

// Recovery of single objects: POST /v1/events/:id/retry, POST /v1/events/:id/cancel and
// POST /v1/requests/:id/retry.

const send = async (sourceId: string, body: unknown) =>
  ((await (await ingest(sourceId, { body: JSON.stringify(body), headers: { "content-type": "application/json" } })).json()) as any).request_id as string;

const attemptsOf = async (eventId: string) => (await admin("GET", `/v1/events/${eventId}/attempts`)).json.data as any[];

const eventOf = async (requestId: string, status: string) =>
  waitFor(`event ${status}`, async () => {
    const [event] = await eventsOf(requestId);
    return event?.status === status ? event : undefined;
  });

const deliverNow = (eventId: string, destinationId: string) => runQueueBatch([deliverMsg(eventId, destinationId, "initial")]);

describe("POST /v1/events/:id/retry", () => {
  it("makes a manual attempt on a failed event, which then succeeds", async () => {
    const key = uniqueKey("retry-failed");
    const { source } = await pipeline("retry-failed", `/seq/500,200/${key}`, [{ type: "retry", strategy: "linear", count: 0, interval_ms: 1000 }]);
    const event = await eventOf(await send(source.id, { n: 1 }), "failed");

    const res = await admin("POST", `/v1/events/${event.id}/retry`);
    expect(res.status).toBe(202);
    expect(res.json).toMatchObject({ id: event.id, status: "failed" });
    await waitFor("successful", async () => (await admin("GET", `/v1/events/${event.id}`)).json.status === "successful");
    expect((await attemptsOf(event.id)).map((a) => [a.trigger, a.status_code])).toEqual([["initial", 500], ["manual", 200]]);
    expect(await receiverRecords(key)).toHaveLength(2);
  });

  it("a manual success cancels the automatic retry still scheduled", async () => {
    const key = uniqueKey("retry-scheduled");
    const { source } = await pipeline("retry-scheduled", `/seq/500,200/${key}`, [{ type: "retry", strategy: "linear", count: 3, interval_ms: 3000 }]);
    const requestId = await send(source.id, { n: 1 });
    const event = await waitFor("first attempt failed", async () => {
      const [e] = await eventsOf(requestId);
      return e?.attempts_count === 1 && e.status === "scheduled" ? e : undefined;
    });
    expect((await admin("POST", `/v1/events/${event.id}/retry`)).status).toBe(202);
    await waitFor("successful", async () => (await eventsOf(requestId))[0]?.status === "successful");
    // The automatic retry was due ~3 s after the first attempt: let its message arrive and find
    // the event final.
    await new Promise((r) => setTimeout(r, 4_500));
    expect((await attemptsOf(event.id)).map((a) => a.trigger)).toEqual(["initial", "manual"]);
    expect(await receiverRecords(key)).toHaveLength(2);
  });

  it("answers 404 for an unknown event and 400 naming a malformed id", async () => {
    const unknown = await admin("POST", "/v1/events/evt_doesnotexist/retry");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toContain("application/problem+json");
    const bad = await admin("POST", "/v1/events/nope/retry");
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual([expect.objectContaining({ path: "param.id" })]);
  });
});

describe("POST /v1/events/:id/cancel", () => {
  it("cancels a scheduled event for good: its message later finds it final", async () => {
    const key = uniqueKey("cancel");
    const { source, destination } = await pipeline("cancel", `/ok/${key}`, [{ type: "delay", delay_ms: 600_000 }]);
    const event = await eventOf(await send(source.id, {}), "scheduled");

    const res = await admin("POST", `/v1/events/${event.id}/cancel`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: event.id, status: "cancelled", next_attempt_at: null });
    await env.DB.prepare("UPDATE events SET next_attempt_at = 0 WHERE id = ?").bind(event.id).run();
    await deliverNow(event.id, destination.id);
    expect(await receiverRecords(key)).toHaveLength(0);
    // Cancelling again answers the event unchanged.
    expect((await admin("POST", `/v1/events/${event.id}/cancel`)).json.status).toBe("cancelled");
  });

  it("cancels a paused event", async () => {
    const key = uniqueKey("cancel-paused");
    const { source, destination } = await pipeline("cancel-paused", `/ok/${key}`);
    await admin("POST", `/v1/destinations/${destination.id}/pause`);
    const event = await eventOf(await send(source.id, {}), "paused");
    expect((await admin("POST", `/v1/events/${event.id}/cancel`)).json.status).toBe("cancelled");
    await admin("POST", `/v1/destinations/${destination.id}/unpause`);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await receiverRecords(key)).toHaveLength(0);
  });

  it("refuses final events and events with an attempt in flight (409)", async () => {
    const key = uniqueKey("cancel-final");
    const { source } = await pipeline("cancel-final", `/ok/${key}`, [{ type: "delay", delay_ms: 600_000 }]);
    const waiting = await eventOf(await send(source.id, { n: 1 }), "scheduled");
    await env.DB.prepare("UPDATE events SET lease_until = ? WHERE id = ?").bind(Date.now() + 60_000, waiting.id).run();
    const inFlight = await admin("POST", `/v1/events/${waiting.id}/cancel`);
    expect(inFlight.status).toBe(409);
    expect((await admin("GET", `/v1/events/${waiting.id}`)).json.status).toBe("scheduled");

    await env.DB.prepare("UPDATE events SET status = 'successful', lease_until = NULL WHERE id = ?").bind(waiting.id).run();
    const final = await admin("POST", `/v1/events/${waiting.id}/cancel`);
    expect(final.status).toBe(409);
    expect(final.json.detail).toContain("successful");
    expect((await admin("POST", "/v1/events/evt_unknown/cancel")).status).toBe(404);
  });

  it("cancelling the head of a fifo line hands the turn to the next event", async () => {
    const key = uniqueKey("cancel-fifo");
    const { source } = await pipeline("cancel-fifo", `/seq/500,200/${key}`, [{ type: "retry", strategy: "linear", count: 5, interval_ms: 600_000 }], { delivery_order: "fifo" });
    const head = await send(source.id, { n: 0 });
    const headEvent = await waitFor("head failed once", async () => {
      const [e] = await eventsOf(head);
      return e?.attempts_count === 1 ? e : undefined;
    });
    const second = await send(source.id, { n: 1 });
    await eventOf(second, "scheduled");
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await receiverRecords(key)).toHaveLength(1);

    expect((await admin("POST", `/v1/events/${headEvent.id}/cancel`)).status).toBe(200);
    await eventOf(second, "successful");
    const received = await receiverRecords(key);
    expect(received.map((r: any) => JSON.parse(atob(r.body_base64)).n)).toEqual([0, 1]);
  });
});

describe("POST /v1/requests/:id/retry", () => {
  it("routes a filtered request again once the filter is fixed, for the connections that had no event", async () => {
    const keyA = uniqueKey("reroute-a");
    const keyB = uniqueKey("reroute-b");
    const a = await pipeline("reroute-a", `/ok/${keyA}`);
    const b = await admin("POST", "/v1/destinations", { name: keyB, url: `${receiverUrl()}/ok/${keyB}` });
    const filtered = await admin("POST", "/v1/connections", {
      name: keyB, source_id: a.source.id, destination_id: b.json.id, rules: [{ type: "filter", body: { type: "invoice.paid" } }],
    });
    const requestId = await send(a.source.id, { type: "invoice.created" });
    await eventOf(requestId, "successful");
    const before = (await admin("GET", `/v1/requests/${requestId}`)).json;
    expect(before.events_count).toBe(1);
    expect(before.ignored).toEqual([{ connection_id: filtered.json.id, cause: "filtered" }]);

    await admin("PATCH", `/v1/connections/${filtered.json.id}`, { rules: [{ type: "filter", body: { type: { $startsWith: "invoice." } } }] });
    const res = await admin("POST", `/v1/requests/${requestId}/retry`);
    expect(res.status).toBe(200);
    expect(res.json.events).toEqual([expect.objectContaining({ connection_id: filtered.json.id, destination_id: b.json.id })]);
    expect(res.json.ignored).toEqual([]);
    await waitFor("rerouted delivery", async () => (await receiverRecords(keyB)).length === 1);
    const after = (await admin("GET", `/v1/requests/${requestId}`)).json;
    expect(after.events_count).toBe(2);
    expect(after.ignored).toEqual([]);
    // The connection that had its event keeps it: no second delivery there.
    expect(await receiverRecords(keyA)).toHaveLength(1);

    const again = await admin("POST", `/v1/requests/${requestId}/retry`);
    expect(again.json.events).toEqual([]);
    expect(await eventsOf(requestId)).toHaveLength(2);
  });

  it("records today's cause when the rules still turn the request away", async () => {
    const key = uniqueKey("reroute-still");
    const { source, connection } = await pipeline("reroute-still", `/ok/${key}`, [{ type: "filter", body: { keep: true } }]);
    const requestId = await send(source.id, { keep: false });
    await waitFor("routed", async () => (await admin("GET", `/v1/requests/${requestId}`)).json.routed_at !== null);
    const res = await admin("POST", `/v1/requests/${requestId}/retry`);
    expect(res.json).toEqual({ request_id: requestId, events: [], ignored: [{ connection_id: connection.id, cause: "filtered" }] });
    expect((await admin("GET", `/v1/requests/${requestId}`)).json.ignored).toEqual([{ connection_id: connection.id, cause: "filtered" }]);
  });

  it("refuses a rejected request (409) and an unknown one (404)", async () => {
    const key = uniqueKey("reroute-rejected");
    const source = (await admin("POST", "/v1/sources", { name: key, allowed_methods: ["POST"] })).json;
    const rejected = await ingest(source.id, { method: "PUT", body: "{}" });
    expect(rejected.status).toBe(405);
    const requestId = await waitFor("recorded rejection", async () =>
      (await admin("GET", `/v1/requests?source_id=${source.id}`)).json.data[0]?.id as string | undefined);
    expect((await admin("POST", `/v1/requests/${requestId}/retry`)).status).toBe(409);
    expect((await admin("POST", "/v1/requests/req_unknown/retry")).status).toBe(404);
  });
});
