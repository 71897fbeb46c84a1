import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { hex, mac } from "../unit/verify/support";
import { admin, created, ingest, pipeline, receiverUrl, uniqueKey, waitFor } from "./gateway";

// Lifecycle traces (GET /v1/events/:id/trace, GET /v1/requests/:id/trace; docs/observability.md
// § Trace) of webhooks that went through the real ingest route, queue consumer and HTTP delivery.

const STRIPE_SECRET = "whsec_trace_test_secret_9c2b";
const DEST_KEY = "dest-api-key-trace-4f7a91";
const DOWNSTREAM_TOKEN = "downstream-token-trace-e35d";

async function stripeSigned(body: string) {
  const t = Math.floor(Date.now() / 1000);
  return { "content-type": "application/json", "stripe-signature": `t=${t},v1=${hex(await mac("SHA-256", STRIPE_SECRET, `${t}.${body}`))}` };
}

async function send(sourceId: string, body: string, headers: Record<string, string>) {
  const res = await ingest(sourceId, { body, headers });
  return { status: res.status, request_id: ((await res.json()) as { request_id?: string }).request_id! };
}

const eventsOf = async (requestId: string) =>
  (await env.DB.prepare("SELECT id, connection_id, status FROM events WHERE request_id = ? ORDER BY id").bind(requestId).all<{ id: string; connection_id: string; status: string }>()).results;

async function routed(requestId: string) {
  await waitFor("request routed", async () => (await env.DB.prepare("SELECT routed_at FROM requests WHERE id = ?").bind(requestId).first("routed_at")) !== null);
}

const trace = async (path: string) => {
  const res = await admin("GET", path);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json.data as any[];
};

function expectTimeOrder(entries: { at: string }[]) {
  const times = entries.map((e) => Date.parse(e.at));
  expect(times).toEqual([...times].sort((a, b) => a - b));
}

describe("event trace", () => {
  it("shows arrival, Stripe verification, each rule, a failed then a successful attempt and the final status, in time order", async () => {
    const transformation = await created("/v1/transformations", {
      name: uniqueKey("to-usd"),
      code: `addHandler("transform", (request, context) => {
        request.body = { id: request.body.id, type: request.body.type, amount_usd: request.body.data.amount / 100 };
        request.headers["x-downstream-token"] = context.env.DOWNSTREAM_TOKEN;
        console.log("converted", request.body.amount_usd);
        return request;
      });`,
      env: { DOWNSTREAM_TOKEN },
    });
    const key = uniqueKey("trace");
    const { source, connection, destination } = await pipeline("trace", `/seq/500,200/${key}`, [
      { type: "filter", body: { type: "invoice.paid" } },
      { type: "transform", transformation_id: transformation.id },
      { type: "retry", strategy: "linear", count: 3, interval_ms: 1000 },
    ], { auth: { type: "api_key", query: "api_key", key: DEST_KEY } });
    expect((await admin("PATCH", `/v1/sources/${source.id}`, { verification: { type: "stripe", secret: STRIPE_SECRET } })).status).toBe(200);

    // Over the 4 KB preview, so the trace shows the start of the body only.
    const body = JSON.stringify({ id: "evt_1TraceStripe", type: "invoice.paid", data: { amount: 4200, notes: "n".repeat(10_000) } });
    const { status, request_id } = await send(source.id, body, await stripeSigned(body));
    expect(status).toBe(200);
    const [event] = await waitFor("successful after one retry", async () => {
      const found = await eventsOf(request_id);
      return found[0]?.status === "successful" ? found : undefined;
    }, 20_000);

    const entries = await trace(`/v1/events/${event!.id}/trace`);
    expect(entries.map((e) => (e.type === "rule" ? `rule:${e.rule}:${e.result}` : e.type))).toEqual([
      "received", "verified", "rule:filter:passed", "rule:transform:transformed", "event_created", "attempt", "attempt", "status",
    ]);
    expectTimeOrder(entries);
    const [received, verified, filter, transform, eventCreated, first, second, final] = entries;

    expect(received).toMatchObject({ request_id, source_id: source.id, method: "POST", body_size: body.length, provider_event_id: "evt_1TraceStripe" });
    expect(received.headers["content-type"]).toBe("application/json");
    expect(received.headers["stripe-signature"]).toMatch(/^••••/);
    expect(verified).toMatchObject({ request_id, verification: "stripe", verified: true });
    expect(filter).toMatchObject({ connection_id: connection.id });

    expect(transform).toMatchObject({ connection_id: connection.id, transformation_id: transformation.id, console: [{ level: "log", message: "converted 42" }] });
    expect(transform.before).toMatchObject({ method: "POST", body_encoding: "utf8", body_size: body.length, body_truncated: true });
    expect(transform.before.body).toBe(body.slice(0, 4096));
    expect(JSON.parse(transform.after.body)).toEqual({ id: "evt_1TraceStripe", type: "invoice.paid", amount_usd: 42 });
    expect(transform.after.body_truncated).toBe(false);
    expect(transform.after.headers["x-downstream-token"]).toBe(`••••${DOWNSTREAM_TOKEN.slice(-4)}`);

    expect(eventCreated).toMatchObject({ event_id: event!.id, connection_id: connection.id, destination_id: destination.id });
    expect(first).toMatchObject({ number: 1, trigger: "initial", status_code: 500, error: null, response_body: "answer 1: 500" });
    expect(second).toMatchObject({ number: 2, trigger: "automatic", status_code: 200, error: null });
    for (const attempt of [first, second]) {
      expect(attempt.duration_ms).toBeGreaterThanOrEqual(0);
      // The attempt records the URL before the destination's api_key joins it: secrets are write-only.
      expect(attempt.url).toBe(`${receiverUrl()}/seq/500,200/${key}`);
    }
    const stored = (await admin("GET", `/v1/events/${event!.id}/attempts`)).json.data;
    expect(JSON.stringify(stored)).not.toContain(DEST_KEY);
    expect(stored.map((a: any) => a.url)).toEqual([`${receiverUrl()}/seq/500,200/${key}`, `${receiverUrl()}/seq/500,200/${key}`]);
    // The retry waited its interval: the second attempt starts a second or more after the first.
    expect(Date.parse(second.at) - Date.parse(first.at)).toBeGreaterThanOrEqual(1000);
    expect(final).toMatchObject({ event_id: event!.id, status: "successful", next_attempt_at: null });

    const text = JSON.stringify(entries);
    for (const secret of [STRIPE_SECRET, DEST_KEY, DOWNSTREAM_TOKEN]) expect(text).not.toContain(secret);
  });

  it("answers 404 for an unknown event or request and 400 for an id of the wrong kind", async () => {
    expect((await admin("GET", "/v1/events/evt_00000000000000000000000000/trace")).status).toBe(404);
    expect((await admin("GET", "/v1/requests/req_00000000000000000000000000/trace")).status).toBe(404);
    const bad = await admin("GET", "/v1/events/req_123/trace");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    expect(bad.json.errors.map((e: { path: string }) => e.path)).toEqual(["param.id"]);
    expect((await admin("GET", "/v1/requests/nope/trace")).json.errors[0].path).toBe("param.id");
  });

  it("are described in the OpenAPI document", async () => {
    const doc = (await admin("GET", "/openapi.json")).json;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/v1/events/{id}/trace", "/v1/requests/{id}/trace"]));
    expect(doc.components.schemas.TraceEntry).toBeDefined();
  });
});

describe("request trace", () => {
  it("shows a connection that filtered the request out next to the one that delivered it", async () => {
    const key = uniqueKey("fan");
    const delivered = await pipeline("trace-fan", `/ok/${key}`);
    const other = await created("/v1/destinations", { name: uniqueKey("trace-fan-b"), url: `${receiverUrl()}/ok/${uniqueKey("never")}` });
    const filtering = await created("/v1/connections", {
      name: "only-refunds", source_id: delivered.source.id, destination_id: other.id, rules: [{ type: "filter", body: { type: "refund" } }],
    });
    const token = "bearer-token-trace-6d21aa";
    await admin("PATCH", `/v1/sources/${delivered.source.id}`, { verification: { type: "bearer", token } });

    const { request_id } = await send(delivered.source.id, JSON.stringify({ type: "order" }), { "content-type": "application/json", authorization: `Bearer ${token}` });
    const [event] = await waitFor("delivered", async () => {
      const found = await eventsOf(request_id);
      return found.length === 1 && found[0]!.status === "successful" ? found : undefined;
    });

    const entries = await trace(`/v1/requests/${request_id}/trace`);
    expectTimeOrder(entries);
    expect(entries[0]).toMatchObject({ type: "received", request_id });
    // The source's own credential is not stored at all (src/verify/source-credential.ts).
    expect(entries[0].headers.authorization).toBeUndefined();
    expect(entries[1]).toMatchObject({ type: "verified", verification: "bearer", verified: true });
    expect(entries).toContainEqual(expect.objectContaining({ type: "rule", connection_id: filtering.id, rule: "filter", result: "filtered" }));
    expect(entries.filter((e) => e.type === "event_created")).toEqual([expect.objectContaining({ event_id: event!.id, connection_id: delivered.connection.id })]);
    expect(entries.filter((e) => e.type === "attempt")).toEqual([expect.objectContaining({ event_id: event!.id, status_code: 200 })]);
    expect(entries.at(-1)).toMatchObject({ type: "status", event_id: event!.id, status: "successful" });
    expect(JSON.stringify(entries)).not.toContain(token);

    // The event's own trace leaves the other connection out.
    const ofEvent = await trace(`/v1/events/${event!.id}/trace`);
    expect(JSON.stringify(ofEvent)).not.toContain(filtering.id);
  });

  it("shows a duplicate as deduplicated, with no event", async () => {
    const { source, connection } = await pipeline("trace-dedupe", `/ok/${uniqueKey("dedupe")}`, [{ type: "deduplicate", window_ms: 60_000, include_fields: ["body.id"] }]);
    const first = await send(source.id, JSON.stringify({ id: "dup-1" }), { "content-type": "application/json" });
    await routed(first.request_id);
    const again = await send(source.id, JSON.stringify({ id: "dup-1", retry: true }), { "content-type": "application/json" });
    await routed(again.request_id);

    const entries = await trace(`/v1/requests/${again.request_id}/trace`);
    expect(entries.map((e) => e.type)).toEqual(["received", "verified", "rule"]);
    expect(entries[1]).toMatchObject({ verification: null, verified: false });
    expect(entries[2]).toMatchObject({ connection_id: connection.id, rule: "deduplicate", result: "deduplicated" });
    expect((await trace(`/v1/requests/${first.request_id}/trace`)).map((e) => e.type)).toContain("event_created");
  });

  it("shows a failed transformation with its error and console output", async () => {
    const failing = await created("/v1/transformations", {
      name: uniqueKey("thrower"),
      code: `addHandler("transform", (r) => { console.warn("kind", r.body.kind); throw new Error("unsupported kind"); });`,
    });
    const { source, connection } = await pipeline("trace-tfail", `/ok/${uniqueKey("tfail")}`, [{ type: "transform", transformation_id: failing.id }]);
    const { request_id } = await send(source.id, JSON.stringify({ kind: "mystery" }), { "content-type": "application/json" });
    await routed(request_id);

    const entries = await trace(`/v1/requests/${request_id}/trace`);
    expect(entries.map((e) => e.type)).toEqual(["received", "verified", "rule"]);
    expect(entries[2]).toMatchObject({ connection_id: connection.id, rule: "transform", result: "transform_failed" });
    expect(entries[2].detail).toContain("unsupported kind");
    expect(entries[2].detail).toContain("[warn] kind mystery");
  });

  it("shows a request rejected for a bad signature, with the reason, and nothing after", async () => {
    const { source } = await pipeline("trace-forged", `/ok/${uniqueKey("forged")}`);
    await admin("PATCH", `/v1/sources/${source.id}`, { verification: { type: "stripe", secret: STRIPE_SECRET } });
    const body = JSON.stringify({ id: "evt_forged", type: "invoice.paid" });
    const res = await ingest(source.id, { body, headers: { "content-type": "application/json", "stripe-signature": `t=${Math.floor(Date.now() / 1000)},v1=${"0".repeat(64)}` } });
    expect(res.status).toBe(401);
    // The rejection is stored after the answer (waitUntil).
    const id = await waitFor("rejection stored", async () =>
      env.DB.prepare("SELECT id FROM requests WHERE source_id = ? AND rejection IS NOT NULL").bind(source.id).first<string>("id"));

    const entries = await trace(`/v1/requests/${id}/trace`);
    expect(entries.map((e) => e.type)).toEqual(["received", "rejected"]);
    expect(entries[1]).toMatchObject({ request_id: id, rejection: "verification_failed" });
    expect(entries[1].detail).toEqual(expect.any(String));
    expect(entries[1].detail.length).toBeGreaterThan(0);
  });
});
