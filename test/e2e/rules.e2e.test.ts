import { describe, expect, it } from "vitest";
import { waitFor } from "../support/wait-for";
import { gatewayAndReceiver } from "./fixture";

// Rules in the real runtime: production Workers refuse eval and new Function, so this is where the
// QuickJS sandbox proves itself (the vitest integration would hide a fallback to either).

const e2e = gatewayAndReceiver();

async function connectTo(sourceId: string, name: string, rules: unknown[]) {
  const destination = await e2e.gateway.admin("POST", "/v1/destinations", { name, url: `${e2e.receiver.url}/ok/${name}` });
  const connection = await e2e.gateway.admin("POST", "/v1/connections", { name, source_id: sourceId, destination_id: destination.json.id, rules });
  expect(connection.status).toBe(201);
}

const send = async (sourceId: string, body: unknown) => {
  const res = await fetch(`${e2e.gateway.url}/e/${sourceId}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return ((await res.json()) as any).request_id as string;
};

const bodies = (key: string) => (e2e.receiver.records.get(key) ?? []).map((r) => JSON.parse(Buffer.from(r.body_base64!, "base64").toString()));

describe("rules under wrangler dev", () => {
  it("runs a transformation, and stops an endless loop and a memory bomb without harming other events", async () => {
    const code = `addHandler("transform", (request, context) => {
      if (request.body.kind === "loop") { while (true) {} }
      if (request.body.kind === "bomb") { const hoard = []; while (true) hoard.push(new Array(1e6).fill(1)); }
      request.body = { order: request.body.id, total_usd: request.body.amount / 100, region: context.env.REGION };
      return request;
    });`;
    const transformation = await e2e.gateway.admin("POST", "/v1/transformations", { name: "orders", code, env: { REGION: "eu" } });
    expect(transformation.status).toBe(201);
    const source = (await e2e.gateway.admin("POST", "/v1/sources", { name: "shop" })).json;
    await connectTo(source.id, "orders", [{ type: "transform", transformation_id: transformation.json.id }]);

    const loop = await send(source.id, { kind: "loop" });
    const bomb = await send(source.id, { kind: "bomb" });
    const ok = await Promise.all([1, 2, 3].map((n) => send(source.id, { kind: "order", id: `o_${n}`, amount: n * 1000 })));
    await waitFor("three transformed deliveries", async () => bodies("orders").length === 3, 60_000);
    expect(bodies("orders").sort((a, b) => a.order.localeCompare(b.order))).toEqual([
      { order: "o_1", total_usd: 10, region: "eu" }, { order: "o_2", total_usd: 20, region: "eu" }, { order: "o_3", total_usd: 30, region: "eu" },
    ]);
    const ignoredFor = async (id: string) => (await e2e.gateway.admin("GET", `/v1/requests/${id}`)).json.ignored[0];
    expect(await ignoredFor(loop)).toMatchObject({ cause: "transform_failed", detail: expect.stringMatching(/instruction budget/) });
    expect(await ignoredFor(bomb)).toMatchObject({ cause: "transform_failed", detail: expect.stringMatching(/out of memory/) });
    expect(ok).toHaveLength(3);
  }, 90_000);

  it("three destinations behind different filters each receive exactly their share", async () => {
    const source = (await e2e.gateway.admin("POST", "/v1/sources", { name: "stripe-fanout" })).json;
    await connectTo(source.id, "invoices", [{ type: "filter", body: { type: { $startsWith: "invoice." } } }]);
    await connectTo(source.id, "big-charges", [{ type: "filter", body: { type: "charge.succeeded", data: { amount: { $gte: 10_000 } } } }]);
    await connectTo(source.id, "eu-only", [{ type: "filter", headers: { "X-Region": "eu" } }]);
    const sent: { type: string; amount: number; region: string }[] = [];
    for (let i = 0; i < 30; i++) {
      const event = { type: ["invoice.paid", "charge.succeeded", "customer.created"][i % 3]!, amount: (i % 5) * 5_000, region: i % 2 ? "eu" : "us" };
      sent.push(event);
      const res = await fetch(`${e2e.gateway.url}/e/${source.id}`, {
        method: "POST", headers: { "content-type": "application/json", "x-region": event.region },
        body: JSON.stringify({ type: event.type, data: { amount: event.amount }, n: i }),
      });
      expect(res.status).toBe(200);
    }
    const expected = {
      invoices: sent.filter((e) => e.type.startsWith("invoice.")).length,
      "big-charges": sent.filter((e) => e.type === "charge.succeeded" && e.amount >= 10_000).length,
      "eu-only": sent.filter((e) => e.region === "eu").length,
    };
    await waitFor("every share delivered", async () =>
      Object.entries(expected).every(([name, n]) => (e2e.receiver.records.get(name)?.length ?? 0) >= n), 60_000);
    await new Promise((r) => setTimeout(r, 1500));
    for (const [name, n] of Object.entries(expected)) expect(e2e.receiver.records.get(name)?.length).toBe(n);
    expect(bodies("invoices").every((b) => b.type.startsWith("invoice."))).toBe(true);
    expect(bodies("big-charges").every((b) => b.type === "charge.succeeded" && b.data.amount >= 10_000)).toBe(true);
  }, 90_000);
});
