import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { database } from "../../src/db/client";
import { newId } from "../../src/ids";
import { routeMsg } from "../../src/queue/messages";
import { purgeExpired } from "../../src/recovery/purge-expired";
import { created, eventsOf, pipeline, uniqueKey } from "./gateway";
import { runQueueBatch } from "./queue-batch";

// Routing a batch of requests: one request whose routing throws holds back none of the others, an
// unrouted request is never purged, and a routing run that lost the race to another leaves nothing
// behind.

async function storedRequest(sourceId: string, body: string, at = Date.now()) {
  const id = newId("request", at);
  await env.DB.prepare("INSERT INTO requests (id, source_id, received_at, method, path, query, headers, body, body_size, verified, enqueued_at) VALUES (?, ?, ?, 'POST', '', '', '{\"content-type\":\"application/json\"}', ?, ?, 0, ?)")
    .bind(id, sourceId, at, new TextEncoder().encode(body), body.length, at).run();
  return id;
}

const routedAt = async (requestId: string) =>
  (await env.DB.prepare("SELECT routed_at FROM requests WHERE id = ?").bind(requestId).first<{ routed_at: number | null }>())?.routed_at;

describe("routing isolation", () => {
  it("a request whose routing throws is retried alone; the rest of its batch is routed", async () => {
    const p = await pipeline("isolation", `/ok/${uniqueKey("isolation")}`, [{ type: "deduplicate", window_ms: 60_000, include_fields: ["body"] }]);
    // A request whose routing throws: its stored body is corrupt (a chunk longer than the body).
    const bad = await storedRequest(p.source.id, "");
    await env.DB.batch([
      env.DB.prepare("UPDATE requests SET body = NULL, body_size = 1, body_chunks = 1 WHERE id = ?").bind(bad),
      env.DB.prepare("INSERT INTO request_body_chunks (request_id, seq, data) VALUES (?, 0, ?)").bind(bad, new Uint8Array(16)),
    ]);
    const good = [await storedRequest(p.source.id, '{"n":1}'), await storedRequest(p.source.id, '{"n":2}')];
    const result = await runQueueBatch([routeMsg(bad), ...good.map(routeMsg)]);
    expect(result.retryMessages).toHaveLength(1);
    expect(result.explicitAcks).toHaveLength(2);
    for (const id of good) expect(await eventsOf(id)).toHaveLength(1);
    expect(await routedAt(bad)).toBeNull();
  });

  it("retention never purges a request that was never routed", async () => {
    const p = await pipeline("unrouted-retention", `/ok/${uniqueKey("unrouted-retention")}`);
    const longAgo = Date.now() - 40 * 24 * 60 * 60_000;
    const unrouted = await storedRequest(p.source.id, "{}", longAgo);
    await purgeExpired(database(env.DB), Date.now(), 30);
    expect(await env.DB.prepare("SELECT id FROM requests WHERE id = ?").bind(unrouted).first()).toEqual({ id: unrouted });
  });

  it("a routing run that loses the race to another leaves no transformed payload behind", async () => {
    const transformation = await created("/v1/transformations", { name: uniqueKey("race"), code: `addHandler("transform", (r) => ({ ...r, body: { ...r.body, seen: true } }));` });
    const p = await pipeline("route-race", `/ok/${uniqueKey("route-race")}`, [{ type: "transform", transformation_id: transformation.id }]);
    const requestId = await storedRequest(p.source.id, '{"n":1}');
    await Promise.all([runQueueBatch([routeMsg(requestId)]), runQueueBatch([routeMsg(requestId)]), runQueueBatch([routeMsg(requestId)])]);
    expect(await eventsOf(requestId)).toHaveLength(1);
    const orphans = await env.DB.prepare("SELECT count(*) AS n FROM event_payloads WHERE event_id NOT IN (SELECT id FROM events)").first<{ n: number }>();
    expect(orphans!.n).toBe(0);
  });
});
