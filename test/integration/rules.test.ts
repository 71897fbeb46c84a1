import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { database } from "../../src/db/client";
import { claimKey } from "../../src/rules/deduplicate";
import { admin, created, eventsOf, ingest, pipeline, receiverRecords, uniqueKey, waitFor } from "./gateway";

const send = async (sourceId: string, body: unknown, headers: Record<string, string> = {}) =>
  ((await (await ingest(sourceId, { body: JSON.stringify(body), headers: { "content-type": "application/json", ...headers } })).json()) as any).request_id as string;

const routed = (requestId: string) => waitFor("routed", async () => {
  const r = await admin("GET", `/v1/requests/${requestId}`);
  return r.json.routed_at ? r.json : undefined;
});

const TO_CENTS = `addHandler("transform", (request, context) => {
  request.body = { id: request.body.id, amount_usd: request.body.amount / 100, env: context.env.REGION };
  request.headers["x-transformed"] = "yes";
  request.path = "/orders";
  console.log("converted", request.body.id);
  return request;
});`;

describe("transformations", () => {
  it("are compiled on save: a syntax error is a 400 naming the line", async () => {
    const res = await admin("POST", "/v1/transformations", { name: uniqueKey("broken"), code: "addHandler('transform', (r) => {\n  return r\n  )\n});" });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].path).toBe("code");
    expect(res.json.errors[0].message).toMatch(/line 3/);
    const noHandler = await admin("POST", "/v1/transformations", { name: uniqueKey("nohandler"), code: "const x = 1;" });
    expect(noHandler.status).toBe(400);
  });

  it("can be tried on a sample request, and a failure answers a problem with the console output", async () => {
    const ok = await admin("POST", "/v1/transformations/run", { code: TO_CENTS, request: { body: { id: "ch_1", amount: 1999 } }, env: { REGION: "eu" } });
    expect(ok.status).toBe(200);
    expect(ok.json.request.body).toEqual({ id: "ch_1", amount_usd: 19.99, env: "eu" });
    expect(ok.json.console).toEqual([{ level: "log", message: "converted ch_1" }]);

    const failing = await admin("POST", "/v1/transformations/run", { code: `addHandler("transform", (r) => { console.warn("about to fail"); throw new Error("no amount"); });`, request: { body: {} } });
    expect(failing.status).toBe(400);
    expect(failing.json.detail).toMatch(/no amount/);
    expect(failing.json.console).toEqual([{ level: "warn", message: "about to fail" }]);
  });

  it("reshape what a connection delivers, keep the original stored, and mask their variables", async () => {
    const transformation = await created("/v1/transformations", { name: uniqueKey("cents"), code: TO_CENTS, env: { REGION: "eu-west-production" } });
    expect(transformation.env.REGION).toBe("••••tion");
    const key = uniqueKey("transformed");
    const { source } = await pipeline("transformed", `/ok/${key}`, [{ type: "transform", transformation_id: transformation.id }]);
    const original = { id: "ch_9", amount: 2500, secret_field: "stays in the original" };
    const requestId = await send(source.id, original);
    const [delivery] = await waitFor("delivery", async () => {
      const r = await receiverRecords(key);
      return r.length ? r : undefined;
    });
    expect(JSON.parse(atob(delivery.body_base64))).toEqual({ id: "ch_9", amount_usd: 25, env: "eu-west-production" });
    expect(delivery.headers["x-transformed"]).toBe("yes");
    expect(delivery.path).toBe(`/ok/${key}/orders`);
    expect(JSON.parse((await admin("GET", `/v1/requests/${requestId}`)).json.body)).toEqual(original);

    expect((await admin("DELETE", `/v1/transformations/${transformation.id}`)).status).toBe(409);
  });

  it("that fail at run time drop the event for that connection and record why", async () => {
    const failing = await created("/v1/transformations", { name: uniqueKey("thrower"), code: `addHandler("transform", (r) => { console.log("saw", r.body.kind); throw new Error("unsupported kind"); });` });
    const key = uniqueKey("tfail");
    const { source, connection } = await pipeline("tfail", `/ok/${key}`, [{ type: "transform", transformation_id: failing.id }]);
    const requestId = await send(source.id, { kind: "refund" });
    const request = await routed(requestId);
    expect(request.events_count).toBe(0);
    expect(request.ignored).toHaveLength(1);
    expect(request.ignored[0]).toMatchObject({ connection_id: connection.id, cause: "transform_failed" });
    expect(request.ignored[0].detail).toMatch(/unsupported kind[\s\S]*saw refund/);
  });

  it("stop an endless loop without harming the next event", async () => {
    const loop = await created("/v1/transformations", { name: uniqueKey("loop"), code: `addHandler("transform", (r) => { if (r.body.loop) { while (true) {} } return r; });` });
    const key = uniqueKey("loopsink");
    const { source } = await pipeline("loop", `/ok/${key}`, [{ type: "transform", transformation_id: loop.id }]);
    const bad = await send(source.id, { loop: true });
    const good = await send(source.id, { loop: false, n: 2 });
    expect((await routed(bad)).ignored[0].detail).toMatch(/instruction budget/);
    await waitFor("good delivered", async () => (await eventsOf(good))[0]?.status === "successful");
  });
});

describe("deduplication", () => {
  it("drops a Stripe-style redelivery of the same event id inside the window", async () => {
    const key = uniqueKey("dedupe");
    const { source, connection } = await pipeline("dedupe", `/ok/${key}`, [{ type: "deduplicate", window_ms: 60_000, include_fields: ["body.id"] }]);
    const first = await send(source.id, { id: "evt_123", type: "invoice.paid" }, { "stripe-signature": "t=1,v1=a" });
    const again = await send(source.id, { id: "evt_123", type: "invoice.paid" }, { "stripe-signature": "t=2,v1=b" });
    const other = await send(source.id, { id: "evt_456", type: "invoice.paid" });
    expect((await routed(first)).events_count).toBe(1);
    const dropped = await routed(again);
    expect(dropped.events_count).toBe(0);
    expect(dropped.ignored).toEqual([{ connection_id: connection.id, cause: "deduplicated" }]);
    expect((await routed(other)).events_count).toBe(1);
    await waitFor("two deliveries", async () => (await receiverRecords(key)).length === 2);
  });

  it("compares the whole body and the sender's headers when no fields are named", async () => {
    const { source } = await pipeline("exact", `/ok/${uniqueKey("exact")}`, [{ type: "deduplicate", window_ms: 60_000 }]);
    const a = await send(source.id, { same: true }, { "x-attempt": "1" });
    const b = await send(source.id, { same: true }, { "x-attempt": "1" });
    const c = await send(source.id, { same: true }, { "x-attempt": "2" });
    expect([(await routed(a)).events_count, (await routed(b)).events_count, (await routed(c)).events_count]).toEqual([1, 0, 1]);
  });

  it("claims a key once across concurrent claimers, lets the holder claim again, and frees it after the window", async () => {
    const db = database(env.DB);
    const claim = (requestId: string, now: number) => claimKey(db, { connectionId: "con_claims", key: "k", requestId, now, windowMs: 1_000 });
    const wins = await Promise.all(["req_a", "req_b", "req_c"].map((r) => claim(r, 10_000)));
    expect(wins.filter(Boolean)).toHaveLength(1);
    const holder = ["req_a", "req_b", "req_c"][wins.indexOf(true)]!;
    expect(await claim(holder, 10_500)).toBe(true);
    expect(await claim("req_d", 10_900)).toBe(false);
    expect(await claim("req_d", 11_600)).toBe(true);
  });

  it("refuses field paths that name no part of the request", async () => {
    const res = await admin("POST", "/v1/connections", {
      name: "x", source_id: "src_x", destination_id: "des_x",
      rules: [{ type: "deduplicate", window_ms: 5_000, include_fields: ["body.id", "payload.id"] }, { type: "transform", transformation_id: "trs_missing" }],
    });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: any) => e.path)).toEqual(expect.arrayContaining(["rules.0.include_fields.1", "rules.1.transformation_id"]));
  });
});

describe("delay and fan-out", () => {
  it("holds the first attempt for delay_ms", async () => {
    const key = uniqueKey("delay");
    const { source } = await pipeline("delay", `/ok/${key}`, [{ type: "delay", delay_ms: 3_000 }]);
    const sentAt = Date.now();
    await send(source.id, {});
    const [delivery] = await waitFor("delivery", async () => {
      const r = await receiverRecords(key);
      return r.length ? r : undefined;
    });
    expect(delivery.at - sentAt).toBeGreaterThanOrEqual(3_000);
  });

  it("gives each connection of a source its own rules", async () => {
    const source = await created("/v1/sources", { name: uniqueKey("fan") });
    const keys = [uniqueKey("fan-a"), uniqueKey("fan-b")];
    const slow = await created("/v1/transformations", { name: uniqueKey("tag"), code: `addHandler("transform", (r) => { r.body.tagged = true; return r; });` });
    const rules = [[{ type: "transform", transformation_id: slow.id }], [{ type: "deduplicate", window_ms: 60_000, include_fields: ["body.id"] }]];
    for (const [i, k] of keys.entries()) {
      const dest = await created("/v1/destinations", { name: k, url: `${(await import("./gateway")).receiverUrl()}/ok/${k}` });
      await created("/v1/connections", { name: `c${i}`, source_id: source.id, destination_id: dest.id, rules: rules[i] });
    }
    await send(source.id, { id: 1 });
    await send(source.id, { id: 1 });
    await waitFor("deliveries", async () => (await receiverRecords(keys[0]!)).length === 2 && (await receiverRecords(keys[1]!)).length === 1);
    expect(JSON.parse(atob((await receiverRecords(keys[0]!))[0].body_base64))).toEqual({ id: 1, tagged: true });
    expect(JSON.parse(atob((await receiverRecords(keys[1]!))[0].body_base64))).toEqual({ id: 1 });
  });
});

describe("filters", () => {
  it("create an event only for requests that match, and record the others as filtered", async () => {
    const key = uniqueKey("filter");
    const { source, connection } = await pipeline("filter", `/ok/${key}`, [
      { type: "filter", body: { type: { $startsWith: "invoice." }, data: { amount: { $gte: 1000 } } }, headers: { "X-Shop": "eu" } },
    ]);
    const pass = await send(source.id, { type: "invoice.paid", data: { amount: 1500 } }, { "x-shop": "eu" });
    const small = await send(source.id, { type: "invoice.paid", data: { amount: 10 } }, { "x-shop": "eu" });
    const other = await send(source.id, { type: "customer.created", data: { amount: 5000 } }, { "x-shop": "eu" });
    expect((await routed(pass)).events_count).toBe(1);
    for (const id of [small, other]) expect((await routed(id)).ignored).toEqual([{ connection_id: connection.id, cause: "filtered" }]);
    await waitFor("one delivery", async () => (await receiverRecords(key)).length === 1);
  });

  it("run after a transformation listed before them", async () => {
    const tagger = await created("/v1/transformations", { name: uniqueKey("tagger"), code: `addHandler("transform", (r) => { r.body.big = r.body.amount > 100; return r; });` });
    const { source } = await pipeline("ordered", `/ok/${uniqueKey("ordered")}`, [
      { type: "transform", transformation_id: tagger.id },
      { type: "filter", body: { big: true } },
    ]);
    expect((await routed(await send(source.id, { amount: 500 }))).events_count).toBe(1);
    expect((await routed(await send(source.id, { amount: 5 }))).events_count).toBe(0);
  });

  it("are validated when the connection is saved, naming the bad part", async () => {
    const { source, destination, connection } = await pipeline("badfilter", "/ok/unused");
    const res = await admin("POST", "/v1/connections", {
      name: "bad", source_id: source.id, destination_id: destination.id,
      rules: [{ type: "filter", body: { amount: { $between: [1, 2] } }, path: { $startsWith: 42 } }],
    });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([
      { path: "rules.0.body.amount.$between", message: expect.stringMatching(/^unknown operator \$between; the operators are \$eq, /) },
      { path: "rules.0.path.$startsWith", message: "$startsWith takes a string or a non-empty list of strings, not a number" },
    ]);
    const patch = await admin("PATCH", `/v1/connections/${connection.id}`, { rules: [{ type: "filter", headers: { a: { $in: 3 } } }] });
    expect(patch.status).toBe(400);
    expect(patch.json.errors[0].path).toBe("rules.0.headers.a.$in");
  });
});
