import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startReceiver, type Receiver } from "../support/receiver";
import { startGateway, waitUntil, type Gateway } from "./wrangler-dev";

// Rules in the real runtime: production Workers refuse eval and new Function, so this is where the
// QuickJS sandbox proves itself (the vitest integration would hide a fallback to either).

let gateway: Gateway;
let receiver: Receiver;

beforeAll(async () => {
  [gateway, receiver] = await Promise.all([startGateway(), startReceiver()]);
});
afterAll(async () => {
  await Promise.all([gateway?.stop(), receiver?.close()]);
});

async function connectTo(sourceId: string, name: string, rules: unknown[]) {
  const destination = await gateway.admin("POST", "/v1/destinations", { name, url: `${receiver.url}/ok/${name}` });
  const connection = await gateway.admin("POST", "/v1/connections", { name, source_id: sourceId, destination_id: destination.json.id, rules });
  expect(connection.status).toBe(201);
}

const send = async (sourceId: string, body: unknown) => {
  const res = await fetch(`${gateway.url}/e/${sourceId}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return ((await res.json()) as any).request_id as string;
};

const bodies = (key: string) => (receiver.records.get(key) ?? []).map((r) => JSON.parse(Buffer.from(r.body_base64!, "base64").toString()));

describe("rules under wrangler dev", () => {
  it("runs a transformation, and stops an endless loop and a memory bomb without harming other events", async () => {
    const code = `addHandler("transform", (request, context) => {
      if (request.body.kind === "loop") { while (true) {} }
      if (request.body.kind === "bomb") { const hoard = []; while (true) hoard.push(new Array(1e6).fill(1)); }
      request.body = { order: request.body.id, total_usd: request.body.amount / 100, region: context.env.REGION };
      return request;
    });`;
    const transformation = await gateway.admin("POST", "/v1/transformations", { name: "orders", code, env: { REGION: "eu" } });
    expect(transformation.status).toBe(201);
    const source = (await gateway.admin("POST", "/v1/sources", { name: "shop" })).json;
    await connectTo(source.id, "orders", [{ type: "transform", transformation_id: transformation.json.id }]);

    const loop = await send(source.id, { kind: "loop" });
    const bomb = await send(source.id, { kind: "bomb" });
    const ok = await Promise.all([1, 2, 3].map((n) => send(source.id, { kind: "order", id: `o_${n}`, amount: n * 1000 })));
    await waitUntil("three transformed deliveries", async () => bodies("orders").length === 3, 60_000);
    expect(bodies("orders").sort((a, b) => a.order.localeCompare(b.order))).toEqual([
      { order: "o_1", total_usd: 10, region: "eu" }, { order: "o_2", total_usd: 20, region: "eu" }, { order: "o_3", total_usd: 30, region: "eu" },
    ]);
    const ignoredFor = async (id: string) => (await gateway.admin("GET", `/v1/requests/${id}`)).json.ignored[0];
    expect(await ignoredFor(loop)).toMatchObject({ cause: "transform_failed", detail: expect.stringMatching(/instruction budget/) });
    expect(await ignoredFor(bomb)).toMatchObject({ cause: "transform_failed", detail: expect.stringMatching(/out of memory/) });
    expect(ok).toHaveLength(3);
  }, 90_000);
});
