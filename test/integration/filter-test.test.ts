import { describe, expect, it } from "vitest";
import { admin, created, ingest, uniqueKey } from "./gateway";

// POST /v1/filters/test: a filter tried against a stored request before it is saved (spec §9).

describe("POST /v1/filters/test", () => {
  it("answers whether a stored request passes the filter, as routing would", async () => {
    const source = await created("/v1/sources", { name: uniqueKey("ft") });
    const res = await ingest(source.id, { headers: { "content-type": "application/json", "x-kind": "paid" }, body: JSON.stringify({ type: "order.paid", amount: 120 }) });
    const { request_id } = (await res.json()) as { request_id: string };

    const yes = await admin("POST", "/v1/filters/test", { request_id, filter: { body: { type: "order.paid", amount: { $gte: 100 } }, headers: { "x-kind": "paid" } } });
    expect(yes.status).toBe(200);
    expect(yes.json).toEqual({ matched: true });
    const no = await admin("POST", "/v1/filters/test", { request_id, filter: { body: { amount: { $lt: 100 } } } });
    expect(no.json).toEqual({ matched: false });
  });

  it("names each problem in the filter, and an unknown request is a 404", async () => {
    const bad = await admin("POST", "/v1/filters/test", { request_id: "req_00000000000000000000000000", filter: { body: { amount: { $gte: "x", $bogus: 1 } } } });
    expect(bad.status).toBe(400);
    const paths = bad.json.errors.map((e: { path: string }) => e.path);
    expect(paths.every((p: string) => p.startsWith("filter.body.amount"))).toBe(true);
    expect(paths.length).toBeGreaterThan(0);

    const missing = await admin("POST", "/v1/filters/test", { request_id: "req_00000000000000000000000000", filter: { body: { a: 1 } } });
    expect(missing.status).toBe(404);
    const badId = await admin("POST", "/v1/filters/test", { request_id: "evt_1", filter: {} });
    expect(badId.status).toBe(400);
    expect(badId.json.errors[0].path).toBe("request_id");
  });
});
