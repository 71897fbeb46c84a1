import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../src/ids";
import { SCAN_BUDGET } from "../../src/observability/search/paged-search";
import { hex, mac } from "../unit/verify/support";
import { admin, ingest, pipeline, uniqueKey, waitFor } from "./gateway";

// Search on GET /v1/events and GET /v1/requests (docs/observability.md): every filter, alone and
// combined, paging across a filtered result, what the text filters do with binary and chunked
// bodies, and the 400 for each bad parameter. Requests arrive through the real ingest route (so
// provider ids, headers and the full-text index are what ingest writes); old rows for the time
// window and the paging tests are written straight into D1.

const STRIPE_SECRET = "whsec_search_test_5e1f";
const OLD = Date.parse("2025-03-01T12:00:00Z");

type Pipeline = Awaited<ReturnType<typeof pipeline>>;
let a: Pipeline;
let b: Pipeline;
const req: Record<string, string> = {};
const evt: Record<string, string> = {};

// Events routed in the same millisecond have ids in random order: expected lists are sorted as the API sorts.
const newestFirst = (...list: (string | undefined)[]) => [...list].sort().reverse();
const ids = (res: { json: { data: { id: string }[] } }) => res.json.data.map((row) => row.id);
const events = (query: string) => admin("GET", `/v1/events?${query}`);
const requests = (query: string) => admin("GET", `/v1/requests?${query}`);

async function stripeHeader(body: string) {
  const t = Math.floor(Date.now() / 1000);
  return `t=${t},v1=${hex(await mac("SHA-256", STRIPE_SECRET, `${t}.${body}`))}`;
}

async function send(label: string, sourceId: string, body: BodyInit, headers: Record<string, string> = {}) {
  const res = await ingest(sourceId, { body, headers });
  const answer = (await res.json()) as { request_id?: string };
  if (!answer.request_id) throw new Error(`${label}: ${res.status} ${JSON.stringify(answer)}`);
  req[label] = answer.request_id;
}

/** Requests with one event each, written as routing and delivery would have left them. */
async function seed(p: Pipeline, rows: { at: number; body: string; status?: string }[]) {
  const values = rows.map((r) => ({ request: newId("request", r.at), event: newId("event", r.at), at: r.at, body: r.body, status: r.status ?? "successful" }));
  for (let i = 0; i < values.length; i += 500) {
    const slice = JSON.stringify(values.slice(i, i + 500));
    await env.DB.batch([
      env.DB.prepare(`INSERT INTO requests (id, source_id, received_at, method, path, query, headers, body, body_size, verified, routed_at, enqueued_at, events_count)
        SELECT value->>'request', ?, value->>'at', 'POST', '', '', '{"content-type":"application/json"}', CAST(value->>'body' AS BLOB), length(value->>'body'), 1, value->>'at', value->>'at', 1
        FROM json_each(?)`).bind(p.source.id, slice),
      env.DB.prepare(`INSERT INTO events (id, request_id, connection_id, source_id, destination_id, status, attempts_count, created_at, updated_at)
        SELECT value->>'event', value->>'request', ?, ?, ?, value->>'status', 1, value->>'at', value->>'at'
        FROM json_each(?)`).bind(p.connection.id, p.source.id, p.destination.id, slice),
    ]);
  }
  return values;
}

const eventOf = async (requestId: string) =>
  (await env.DB.prepare("SELECT id, status FROM events WHERE request_id = ?").bind(requestId).first<{ id: string; status: string }>())!;

beforeAll(async () => {
  a = await pipeline("search-a", `/ok/${uniqueKey("search-a")}`);
  b = await pipeline("search-b", `/ok/${uniqueKey("search-b")}`);
  await admin("PATCH", `/v1/sources/${b.source.id}`, { verification: { type: "stripe", secret: STRIPE_SECRET } });

  await send("pi111", a.source.id, JSON.stringify({
    id: "evt_A1", type: "payment_intent.succeeded",
    data: { object: { id: "pi_111", amount: 2000, price: 12.5, currency: "eur", items: [{ sku: "sku-1" }, { sku: "sku-9" }], live: true, coupon: null, note: "Grüße aus Köln" } },
  }), { "content-type": "application/json", "X-Tenant": "alpha" });
  await send("pi222", a.source.id, JSON.stringify({
    id: "evt_A2", type: "charge.refunded",
    data: { object: { id: "pi_222", amount: "2000", price: "12.50", currency: "usd", items: [{ sku: "sku-2" }], live: false, coupon: "null" } },
  }), { "content-type": "application/json", "x-tenant": "beta", "x-github-delivery": "72d3162e-cc78-11e3-81ab-4c9367dc0958" });
  await send("text", a.source.id, "plain text that mentions pi_111 and amount 2000", { "content-type": "text/plain", "x-tenant": "gamma" });
  const binary = new Uint8Array([0x00, 0xff, 0xfe, 0xc3, ...new TextEncoder().encode("BINMARK-é€"), 0x80, 0x00, 0x9f]);
  await send("binary", a.source.id, binary, { "content-type": "application/octet-stream", "x-tenant": "delta" });
  await send("big", a.source.id, `{"pad":"${"x".repeat(1_100_000)}","marker":"BIGMARK"}`, { "content-type": "application/json", "x-tenant": "epsilon" });

  const stripeBody = JSON.stringify({ id: "evt_1StripeSearch", object: "event", type: "invoice.paid", data: { object: { id: "in_777" } } });
  await send("stripe", b.source.id, stripeBody, { "content-type": "application/json", "stripe-signature": await stripeHeader(stripeBody) });
  const forged = await ingest(b.source.id, { body: stripeBody.replace("in_777", "in_666"), headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=00" } });
  expect(forged.status).toBe(401);

  for (const label of ["pi111", "pi222", "text", "binary", "big", "stripe"]) {
    const e = await waitFor(`event of ${label}`, async () => {
      const row = await eventOf(req[label]!);
      return row && row.status === "successful" ? row : null;
    });
    evt[label] = e.id;
  }
  // Delivery is over: set the statuses the status filter is tested on.
  await env.DB.prepare("UPDATE events SET status = 'failed' WHERE id = ?").bind(evt.pi222).run();
  await env.DB.prepare("UPDATE events SET status = 'cancelled' WHERE id = ?").bind(evt.text).run();
  // The rejected request is stored after ingest answered.
  const rejected = await waitFor("the forged request", async () =>
    env.DB.prepare("SELECT id FROM requests WHERE source_id = ? AND rejection IS NOT NULL").bind(b.source.id).first<{ id: string }>());
  req.forged = rejected.id;
});

describe("structural filters", () => {
  it("filters events by status, source, connection and destination", async () => {
    expect(ids(await events(`status=failed&source_id=${a.source.id}`))).toEqual([evt.pi222]);
    expect(ids(await events(`status=cancelled`))).toEqual([evt.text]);
    expect(ids(await events(`source_id=${b.source.id}`))).toEqual([evt.stripe]);
    expect(ids(await events(`connection_id=${b.connection.id}`))).toEqual([evt.stripe]);
    expect(ids(await events(`destination_id=${b.destination.id}&status=successful`))).toEqual([evt.stripe]);
    expect(ids(await events(`destination_id=${a.destination.id}&status=successful`))).toEqual(newestFirst(evt.big, evt.binary, evt.pi111));
    // Two owners that never meet (a's connection, b's destination): nothing, and nothing more to page.
    expect((await events(`connection_id=${a.connection.id}&destination_id=${b.destination.id}`)).json).toEqual({ data: [], next_cursor: null });
  });

  it("filters requests by source, verified and rejection", async () => {
    expect(ids(await requests(`source_id=${b.source.id}`))).toEqual(newestFirst(req.forged, req.stripe));
    expect(ids(await requests(`source_id=${b.source.id}&verified=true`))).toEqual([req.stripe]);
    expect(ids(await requests(`verified=false&source_id=${b.source.id}`))).toEqual([req.forged]);
    expect(ids(await requests(`rejection=verification_failed`))).toEqual([req.forged]);
    expect(ids(await requests(`rejection=any`))).toEqual([req.forged]);
    expect(ids(await requests(`source_id=${b.source.id}&rejection=none`))).toEqual([req.stripe]);
    expect(ids(await requests(`rejection=payload_too_large`))).toEqual([]);
    const forged = (await requests(`rejection=any`)).json.data[0];
    expect(forged).toMatchObject({ verified: false, rejection: "verification_failed", events_count: 0 });
    expect(forged).not.toHaveProperty("body");
  });

  it("filters by creation time on both routes, after inclusive and before exclusive", async () => {
    const old = await seed(a, [{ at: OLD - 60_000, body: "{}" }, { at: OLD, body: "{}" }, { at: OLD + 60_000, body: "{}" }]);
    const iso = (ms: number) => new Date(ms).toISOString();
    const window = `created_after=${iso(OLD)}&created_before=${iso(OLD + 60_000)}`;
    expect(ids(await events(window))).toEqual([old[1]!.event]);
    expect(ids(await requests(window))).toEqual([old[1]!.request]);
    // An offset names the same instant.
    expect(ids(await events(`created_after=${encodeURIComponent("2025-03-01T13:00:00+01:00")}&created_before=${iso(OLD + 1)}`))).toEqual([old[1]!.event]);
    expect(ids(await events(`created_before=${iso(OLD)}&source_id=${a.source.id}`))).toEqual([old[0]!.event]);
  });
});

describe("body_contains", () => {
  it("finds a substring on both routes, case-sensitively, and only where it occurs", async () => {
    expect(ids(await events("body_contains=pi_111"))).toEqual(newestFirst(evt.text, evt.pi111));
    expect(ids(await requests("body_contains=pi_111"))).toEqual(newestFirst(req.text, req.pi111));
    expect(ids(await events("body_contains=pi_222"))).toEqual([evt.pi222]);
    expect(ids(await events("body_contains=PI_111"))).toEqual([]);
    expect(ids(await events("body_contains=pi_1111"))).toEqual([]);
  });

  it("matches across JSON punctuation and in non-ASCII text", async () => {
    expect(ids(await events(`body_contains=${encodeURIComponent('"amount":2000,"price"')}`))).toEqual([evt.pi111]);
    expect(ids(await events(`body_contains=${encodeURIComponent('[{"sku":"sku-2"}]')}`))).toEqual([evt.pi222]);
    expect(ids(await requests(`body_contains=${encodeURIComponent("Grüße aus Köln")}`))).toEqual([req.pi111]);
    expect(ids(await requests(`body_contains=${encodeURIComponent("ße")}`))).toEqual([req.pi111]);
  });

  it("matches the bytes of a binary body, and never a body over 1 MB", async () => {
    expect(ids(await requests(`body_contains=${encodeURIComponent("BINMARK-é")}`))).toEqual([req.binary]);
    expect(ids(await events("body_contains=BINMARK"))).toEqual([evt.binary]);
    expect(ids(await requests("body_contains=BIGMARK"))).toEqual([]);
    // The big request is there, and its headers are searched.
    expect(ids(await requests("headers.x-tenant=epsilon"))).toEqual([req.big]);
    // A body filter on a binary or big body is no match, not an error.
    expect(ids(await events(`source_id=${a.source.id}&body.marker=BIGMARK`))).toEqual([]);
  });

  it("finds a request's body once it is routed, not while it waits in the queue", async () => {
    // Indexing waits for routing, off the sender's path (migrations/0003_request_text_index.sql).
    const id = newId("request", Date.now());
    await env.DB.prepare("INSERT INTO requests (id, source_id, received_at, method, path, query, headers, body, body_size, verified, enqueued_at) VALUES (?, ?, ?, 'POST', '', '', '{}', CAST(? AS BLOB), 20, 0, ?)")
      .bind(id, a.source.id, Date.now(), '{"note":"UNROUTEDMARK"}', Date.now()).run();
    expect(ids(await requests("body_contains=UNROUTEDMARK"))).toEqual([]);
    await env.DB.prepare("UPDATE requests SET routed_at = ? WHERE id = ?").bind(Date.now(), id).run();
    expect(ids(await requests("body_contains=UNROUTEDMARK"))).toEqual([id]);
    // Routed again (POST /v1/requests/:id/retry keeps routed_at), it is indexed once: still one row.
    await env.DB.prepare("UPDATE requests SET routed_at = coalesce(routed_at, ?) WHERE id = ?").bind(Date.now(), id).run();
    expect(ids(await requests("body_contains=UNROUTEDMARK"))).toEqual([id]);
  });
});

describe("body.<path>", () => {
  it("matches a nested field and an array element, on both routes", async () => {
    expect(ids(await events("body.data.object.id=pi_111"))).toEqual([evt.pi111]);
    expect(ids(await requests("body.data.object.id=pi_111"))).toEqual([req.pi111]);
    expect(ids(await events("body.data.object.items[0].sku=sku-2"))).toEqual([evt.pi222]);
    expect(ids(await events("body.data.object.items[1].sku=sku-9"))).toEqual([evt.pi111]);
    expect(ids(await events("body.data.object.items[1].sku=sku-1"))).toEqual([]);
    expect(ids(await events("body.data.object.missing=pi_111"))).toEqual([]);
  });

  it("compares loosely: a number matches its string and numeric spellings", async () => {
    // 2000 (number) and "2000" (string) both match ?…=2000; 12.5 and "12.50" each match only their own text.
    expect(ids(await events("body.data.object.amount=2000"))).toEqual(newestFirst(evt.pi222, evt.pi111));
    expect(ids(await events("body.data.object.amount=2000.0"))).toEqual([evt.pi111]);
    expect(ids(await events("body.data.object.price=12.50"))).toEqual(newestFirst(evt.pi222, evt.pi111));
    expect(ids(await events("body.data.object.price=12.5"))).toEqual([evt.pi111]);
  });

  it("matches true, false and null as literals", async () => {
    expect(ids(await events("body.data.object.live=true"))).toEqual([evt.pi111]);
    expect(ids(await events("body.data.object.live=false"))).toEqual([evt.pi222]);
    // JSON null and the string "null" both read as null.
    expect(ids(await events("body.data.object.coupon=null"))).toEqual(newestFirst(evt.pi222, evt.pi111));
  });

  it("sees no fields in a body that is not JSON", async () => {
    expect(ids(await events("body.pi_111=x"))).toEqual([]);
    expect(ids(await requests(`source_id=${a.source.id}&body.marker=BINMARK`))).toEqual([]);
  });
});

describe("headers.<name> and provider_event_id", () => {
  it("matches a header whatever the case of its name, its value exactly", async () => {
    expect(ids(await events("headers.x-tenant=alpha"))).toEqual([evt.pi111]);
    expect(ids(await requests("headers.X-Tenant=beta"))).toEqual([req.pi222]);
    expect(ids(await requests("headers.x-tenant=Beta"))).toEqual([]);
    expect(ids(await requests("headers.x-tenant=bet"))).toEqual([]);
    expect(ids(await events(`headers.content-type=${encodeURIComponent("application/octet-stream")}`))).toEqual([evt.binary]);
  });

  it("finds a request and its events by the provider's id", async () => {
    // Stripe's event id, read from the verified body.
    expect(ids(await requests("provider_event_id=evt_1StripeSearch"))).toEqual(newestFirst(req.forged, req.stripe));
    expect(ids(await events("provider_event_id=evt_1StripeSearch"))).toEqual([evt.stripe]);
    // GitHub's delivery header, whatever the source's verification.
    expect(ids(await events("provider_event_id=72d3162e-cc78-11e3-81ab-4c9367dc0958"))).toEqual([evt.pi222]);
    // Without Stripe verification, a body's `id` is not taken for the provider's id.
    expect(ids(await requests("provider_event_id=evt_A1"))).toEqual([]);
  });
});

describe("combined filters and paging", () => {
  it("applies every filter given", async () => {
    expect(ids(await events(`source_id=${a.source.id}&status=successful&body_contains=2000`))).toEqual([evt.pi111]);
    expect(ids(await events(`status=failed&body.data.object.currency=usd&headers.x-tenant=beta&body_contains=refunded`))).toEqual([evt.pi222]);
    expect(ids(await events(`status=successful&body.data.object.currency=usd`))).toEqual([]);
    expect(ids(await requests(`source_id=${b.source.id}&verified=true&provider_event_id=evt_1StripeSearch&body.data.object.id=in_777`))).toEqual([req.stripe]);
    expect(ids(await requests(`source_id=${b.source.id}&verified=true&body.data.object.id=in_666`))).toEqual([]);
  });

  it("pages through a filtered result with the cursor, newest first, each row once", async () => {
    const p = await pipeline("search-page", "/ok/unused");
    const rows = await seed(p, Array.from({ length: 30 }, (_, n) => ({
      at: OLD + 86_400_000 + n * 1000,
      body: JSON.stringify({ n, tag: n % 3 === 0 ? "PAGEMARK" : "other" }),
      status: n % 2 === 0 ? "failed" : "successful",
    })));
    const expected = rows.filter((_, n) => n % 3 === 0 && n % 2 === 0).map((r) => r.event).reverse();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await events(`source_id=${p.source.id}&status=failed&body_contains=PAGEMARK&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      expect(res.json.data.length).toBeLessThanOrEqual(2);
      seen.push(...ids(res));
      cursor = res.json.next_cursor;
    } while (cursor && ++pages < 10);
    expect(seen).toEqual(expected);
  });

  it("answers a short page and a cursor when the scan budget runs out, and paging finds the rest", async () => {
    const p = await pipeline("search-scan", "/ok/unused");
    // A 2-character needle cannot use the full-text index: every row is checked, SCAN_BUDGET per page.
    const at = OLD - 30 * 86_400_000;
    const rows = await seed(p, Array.from({ length: SCAN_BUDGET + 500 }, (_, n) => ({ at: at + n, body: n === 10 ? '{"k":"Q!"}' : `{"k":${n}}` })));
    const first = await events(`source_id=${p.source.id}&body_contains=Q!`);
    expect(first.json.data).toEqual([]);
    expect(first.json.next_cursor).toBe(rows[500]!.event);
    const second = await events(`source_id=${p.source.id}&body_contains=Q!&cursor=${first.json.next_cursor}`);
    expect(ids(second)).toEqual([rows[10]!.event]);
    expect(second.json.next_cursor).toBeNull();
    // A needle the full-text index can name is answered exactly, however many rows the source has.
    expect((await events(`source_id=${p.source.id}&body_contains=pi_111`)).json).toEqual({ data: [], next_cursor: null });
    const common = await events(`source_id=${p.source.id}&body_contains=${encodeURIComponent('{"k":')}&limit=3`);
    expect(ids(common)).toEqual(rows.slice(-3).map((r) => r.event).reverse());
    expect(common.json.next_cursor).toBe(rows.at(-3)!.event);
  });
});

describe("bad input", () => {
  const paths = (res: { json: { errors: { path: string }[] } }) => res.json.errors.map((e) => e.path);

  it.each([
    ["events", "cursor=not-an-id", "query.cursor"],
    ["events", `cursor=${newId("request")}`, "query.cursor"],
    ["requests", `cursor=${newId("event")}`, "query.cursor"],
    ["events", "created_after=yesterday", "query.created_after"],
    ["requests", "created_before=2026-13-01T00:00:00Z", "query.created_before"],
    ["events", "status=lost", "query.status"],
    ["requests", "rejection=maybe", "query.rejection"],
    ["requests", "verified=yes", "query.verified"],
    ["events", "body.=x", "query.body."],
    ["events", "body.data..id=x", "query.body.data..id"],
    ["requests", "body.items[*].sku=x", "query.body.items[*].sku"],
    ["events", `body.data.id=${"x".repeat(1001)}`, "query.body.data.id"],
    ["requests", "headers.=x", "query.headers."],
    ["events", `body_contains=${"x".repeat(1001)}`, "query.body_contains"],
    ["events", "body_contains=", "query.body_contains"],
    ["requests", `provider_event_id=${"x".repeat(201)}`, "query.provider_event_id"],
  ])("GET /v1/%s?%s → 400 naming %s", async (route, query, path) => {
    const res = await admin("GET", `/v1/${route}?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(paths(res)).toContain(path);
  });

  it("refuses the same text filter twice and more than ten at once", async () => {
    expect(paths(await events("headers.x-a=1&headers.x-a=2"))).toEqual(["query.headers.x-a"]);
    const many = Array.from({ length: 11 }, (_, n) => `headers.x-${n}=1`).join("&");
    expect(paths(await events(many))).toEqual(["query"]);
  });
});
