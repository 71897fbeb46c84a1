import { describe, expect, it } from "vitest";
import { waitFor } from "../support/wait-for";
import { gatewayAndReceiver } from "./fixture";

// Pacing, concurrency and isolation in the real runtime, with real sinks on 127.0.0.1.

const e2e = gatewayAndReceiver();

async function connect(name: string, path: string, destination: Record<string, unknown> = {}, rules: unknown[] = []) {
  const source = (await e2e.gateway.admin("POST", "/v1/sources", { name })).json;
  const dest = await e2e.gateway.admin("POST", "/v1/destinations", { name, url: `${e2e.receiver.url}${path}`, ...destination });
  expect(dest.status).toBe(201);
  await e2e.gateway.admin("POST", "/v1/connections", { name, source_id: source.id, destination_id: dest.json.id, rules });
  return source.id as string;
}

const burst = (sourceId: string, n: number) =>
  Promise.all(Array.from({ length: n }, (_, i) => fetch(`${e2e.gateway.url}/e/${sourceId}`, { method: "POST", body: JSON.stringify({ n: i }) })));

const numbersOf = (key: string) => (e2e.receiver.records.get(key) ?? []).map((r) => JSON.parse(Buffer.from(r.body_base64!, "base64").toString()).n);

describe("delivery control under wrangler dev", () => {
  it("a 5/s destination never sees more than 5 starts in a second, and loses nothing", async () => {
    const source = await connect("rate", "/ok/rate", { rate_limit: { limit: 5, period: "second" } });
    await burst(source, 30);
    await waitFor("30 deliveries", async () => numbersOf("rate").length >= 30, 60_000);
    const times = e2e.receiver.records.get("rate")!.map((r) => r.at).sort((a, b) => a - b);
    for (const start of times) expect(times.filter((t) => t >= start && t < start + 950).length).toBeLessThanOrEqual(5);
    expect(new Set(numbersOf("rate")).size).toBe(30);
  }, 90_000);

  it("max_concurrency 3 holds across the consumer's batches", async () => {
    const source = await connect("conc", "/slow/200/conc", { max_concurrency: 3 });
    await burst(source, 24);
    await waitFor("24 deliveries", async () => numbersOf("conc").length >= 24, 60_000);
    expect(e2e.receiver.inFlight.max).toBeLessThanOrEqual(3);
    expect(new Set(numbersOf("conc")).size).toBe(24);
  }, 90_000);

  it("a destination that hangs does not delay a healthy one delivered alongside it", async () => {
    // wrangler dev runs one consumer invocation at a time, so the two share batches here; deployed,
    // Queues also runs invocations side by side (docs/delivery.md, "Isolation").
    const hanging = await connect("stuck", "/hang/stuck", { timeout_ms: 8_000 }, [{ type: "retry", strategy: "linear", count: 0, interval_ms: 1000 }]);
    const healthy = await connect("fine", "/ok/fine");
    const started = Date.now();
    await Promise.all([burst(hanging, 5), burst(healthy, 5)]);
    await waitFor("healthy deliveries", async () => numbersOf("fine").length >= 5, 20_000);
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(e2e.receiver.records.get("stuck")?.length ?? 0).toBeGreaterThan(0);
  }, 60_000);

  it("a redirect to a metadata address is refused; one to another origin leaves the credentials behind", async () => {
    const noRetry = [{ type: "retry", strategy: "linear", count: 0, interval_ms: 1000 }];
    const auth = { type: "bearer", token: "e2e-destination-token-1234" };
    const signing = { type: "standard_webhooks", secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"] };
    const to = (target: string, key: string) => `/redirect-to/${encodeURIComponent(target)}/${key}`;
    const blocked = await connect("redir-blocked", to("http://169.254.169.254/latest/", "redir-blocked"), { auth, timeout_ms: 2_000 }, noRetry);
    const elsewhere = `${e2e.receiver.url.replace("127.0.0.1", "localhost")}/ok/redir-landed`;
    const cross = await connect("redir-cross", to(elsewhere, "redir-cross"), { auth, signing }, noRetry);
    await Promise.all([burst(blocked, 1), burst(cross, 1)]);

    const [landed] = await waitFor("the cross-origin hop", async () => e2e.receiver.records.get("redir-landed"), 20_000);
    const [first] = e2e.receiver.records.get("redir-cross")!;
    expect(first!.headers.authorization).toBe("Bearer e2e-destination-token-1234");
    expect(first!.headers["webhook-signature"]).toMatch(/^v1,/);
    expect(landed!.headers.authorization).toBeUndefined();
    expect(landed!.headers["webhook-signature"]).toBeUndefined();
    expect(landed!.headers["webhook-id"]).toBe(first!.headers["webhook-id"]);

    const [event] = await waitFor("the blocked event failed", async () => {
      const res = await e2e.gateway.admin("GET", `/v1/events?source_id=${blocked}&status=failed`);
      return res.json.data.length ? res.json.data : undefined;
    }, 20_000);
    const [attempt] = (await e2e.gateway.admin("GET", `/v1/events/${event.id}/attempts`)).json.data;
    expect(attempt).toMatchObject({ error: "blocked_address", status_code: null, response_body: null });
    expect(e2e.receiver.records.get("redir-blocked")).toHaveLength(1);
  }, 60_000);
});
