import { env } from "cloudflare:test";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { admin, eventsOf, ingest, pipeline, receiverRecords, uniqueKey, waitFor } from "./gateway";

const send = async (sourceId: string, body: unknown) =>
  ((await (await ingest(sourceId, { body: JSON.stringify(body), headers: { "content-type": "application/json" } })).json()) as any).request_id as string;

describe("delivery control", () => {
  it("holds events of a paused destination as paused, and releases them in order of arrival on unpause", async () => {
    const key = uniqueKey("pause");
    const { source, destination } = await pipeline("pause", `/ok/${key}`, [], { delivery_order: "fifo" });
    expect((await admin("POST", `/v1/destinations/${destination.id}/pause`)).json.paused_at).not.toBeNull();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await send(source.id, { n: i }));
    for (const id of ids) await waitFor("paused", async () => (await eventsOf(id))[0]?.status === "paused");
    expect(await receiverRecords(key)).toHaveLength(0);

    const unpaused = await admin("POST", `/v1/destinations/${destination.id}/unpause`);
    expect(unpaused.json.paused_at).toBeNull();
    const received = await waitFor("five deliveries", async () => {
      const r = await receiverRecords(key);
      return r.length === 5 ? r : undefined;
    });
    expect(received.map((r: any) => JSON.parse(atob(r.body_base64)).n)).toEqual([0, 1, 2, 3, 4]);
    const attempts = await admin("GET", `/v1/events/${(await eventsOf(ids[0]!))[0].id}/attempts`);
    expect(attempts.json.data[0].trigger).toBe("unpause");
  });

  it("pausing a connection holds only that connection's events", async () => {
    const keyA = uniqueKey("conpause");
    const { source, connection } = await pipeline("conpause", `/ok/${keyA}`);
    await admin("POST", `/v1/connections/${connection.id}/pause`);
    const id = await send(source.id, { held: true });
    await waitFor("paused", async () => (await eventsOf(id))[0]?.status === "paused");
    await admin("POST", `/v1/connections/${connection.id}/unpause`);
    await waitFor("delivered", async () => (await eventsOf(id))[0]?.status === "successful");
  });

  it("delivers a fifo destination one at a time in order, a failing head holding the rest", async () => {
    const key = uniqueKey("fifo");
    const { source } = await pipeline("fifo", `/seq/500,500,200/${key}`, [{ type: "retry", strategy: "linear", count: 5, interval_ms: 1000 }], { delivery_order: "fifo" });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await send(source.id, { n: i }));
    const received = await waitFor("all delivered", async () => {
      const r = await receiverRecords(key);
      return r.length === 6 ? r : undefined;
    }, 25_000);
    // The head was tried three times before anything behind it went out; then the rest, in order.
    expect(received.map((r: any) => JSON.parse(atob(r.body_base64)).n)).toEqual([0, 0, 0, 1, 2, 3]);
    for (const id of ids) await waitFor("successful", async () => (await eventsOf(id))[0]?.status === "successful");
  });

  it("signs deliveries per Standard Webhooks with every secret, verifiable by the official library", async () => {
    const key = uniqueKey("signed");
    const secretA = `whsec_${btoa("first secret, 32 bytes long!!!!!")}`;
    const secretB = `whsec_${btoa("second secret, rotating in now!!")}`;
    const { source, destination } = await pipeline("signed", `/ok/${key}`, [], { signing: { type: "standard_webhooks", secrets: [secretA, secretB] } });
    expect(destination.signing.secrets.every((s: string) => s.startsWith("••••"))).toBe(true);
    const payload = { type: "invoice.paid", amount: 100 };
    await send(source.id, payload);
    const [delivery] = await waitFor("delivery", async () => {
      const r = await receiverRecords(key);
      return r.length ? r : undefined;
    });
    const body = atob(delivery.body_base64);
    const headers = { "webhook-id": delivery.headers["webhook-id"], "webhook-timestamp": delivery.headers["webhook-timestamp"], "webhook-signature": delivery.headers["webhook-signature"] };
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    for (const secret of [secretA, secretB]) expect(new Webhook(secret).verify(body, headers)).toEqual(payload);
    expect(() => new Webhook(`whsec_${btoa("some other secret entirely......")}`).verify(body, headers)).toThrow();
  });

  it("keeps a destination's rate limit: no one-second window sees more than the limit", async () => {
    const key = uniqueKey("rate");
    const { source } = await pipeline("rate", `/ok/${key}`, [], { rate_limit: { limit: 4, period: "second" } });
    const ids = await Promise.all(Array.from({ length: 16 }, (_, i) => send(source.id, { n: i })));
    const received = await waitFor("sixteen deliveries", async () => {
      const r = await receiverRecords(key);
      return r.length === 16 ? r : undefined;
    }, 30_000);
    const times = received.map((r: any) => r.at as number).sort((a: number, b: number) => a - b);
    // A little slack for the receiver's own clock reading.
    for (const start of times) expect(times.filter((t: number) => t >= start && t < start + 950).length).toBeLessThanOrEqual(4);
    expect(times[15]! - times[0]!).toBeGreaterThanOrEqual(3 * 950);
    expect(new Set(received.map((r: any) => r.headers["webhook-id"])).size).toBe(16);
    expect(ids).toHaveLength(16);
  });

  it("backs off after a 429 with Retry-After", async () => {
    const key = uniqueKey("throttle");
    const { source } = await pipeline("throttle", `/throttle/3/${key}`, [{ type: "retry", strategy: "linear", count: 3, interval_ms: 1000 }]);
    const id = await send(source.id, {});
    await waitFor("successful", async () => (await eventsOf(id))[0]?.status === "successful", 25_000);
    const [first, second] = await receiverRecords(key);
    // Retry-After asked for 3 s; the STRUGGLING_FLOOR is 10 s, and the longer of the two wins.
    expect(second.at - first.at).toBeGreaterThanOrEqual(9_000);
  });

  it("refuses bad limits and signing secrets with field errors", async () => {
    const res = await admin("POST", "/v1/destinations", {
      name: uniqueKey("bad"), url: "https://example.com", rate_limit: { limit: 0, period: "day" }, max_concurrency: 0, delivery_order: "random",
      signing: { type: "standard_webhooks", secrets: ["not-a-secret"] },
    });
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: any) => e.path)).toEqual(expect.arrayContaining(["rate_limit.limit", "rate_limit.period", "max_concurrency", "delivery_order", "signing.secrets.0"]));
  });

  it("a change to a destination's limits takes effect on the next delivery", async () => {
    const key = uniqueKey("relimit");
    const { source, destination } = await pipeline("relimit", `/ok/${key}`, [], { rate_limit: { limit: 1, period: "hour" } });
    await send(source.id, {});
    await waitFor("first delivery", async () => (await receiverRecords(key)).length === 1);
    const second = await send(source.id, {});
    await waitFor("paced", async () => {
      const [e] = await eventsOf(second);
      return e && e.next_attempt_at > Date.now() + 60_000;
    });
    await admin("PATCH", `/v1/destinations/${destination.id}`, { rate_limit: null });
    // The waiting event keeps its slot; a new one goes at once.
    const third = await send(source.id, {});
    await waitFor("third delivered", async () => (await eventsOf(third))[0]?.status === "successful");
    expect(await env.DB.prepare("SELECT status FROM events WHERE request_id = ?").bind(second).first("status")).toBe("scheduled");
  });
});
