import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import { database } from "../../src/db/client";
import { newId } from "../../src/ids";
import { PURGE_BATCH, purgeExpired } from "../../src/recovery/purge-expired";
import { pipeline, uniqueKey } from "./gateway";
import { seedEvents, type SeedPipeline } from "./recovery-seed";

// Retention: the cron purges requests past RETENTION_DAYS (30 by default) with everything derived
// from them, in bounded batches, and nothing newer.

const DAY = 24 * 60 * 60_000;

const countWhere = async (table: string, column: string, ids: string[]) =>
  (await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} IN (SELECT value FROM json_each(?))`).bind(JSON.stringify(ids)).first<number>("n")) ?? 0;

/** Old and new requests, each with an event, an attempt, a transformed payload and body chunks. */
async function seedFull(p: SeedPipeline, at: number) {
  const seeded = await seedEvents(p, 3, { status: "successful", at });
  const statements = seeded.eventIds.flatMap((eventId, i) => [
    env.DB.prepare("INSERT INTO attempts (id, event_id, number, trigger, url, status_code, response_headers, duration_ms, started_at) VALUES (?, ?, 1, 'initial', 'http://x', 200, '{}', 1, ?)").bind(newId("attempt", at), eventId, at),
    env.DB.prepare("INSERT INTO event_payloads (event_id, method, path, query, headers, body, body_size, body_chunks, console) VALUES (?, 'POST', '', '', '{}', NULL, 4, 1, '[]')").bind(eventId),
    env.DB.prepare("INSERT INTO request_body_chunks (request_id, seq, data) VALUES (?, 0, x'00')").bind(eventId),
    env.DB.prepare("INSERT INTO request_body_chunks (request_id, seq, data) VALUES (?, 0, x'00')").bind(seeded.requestIds[i]),
  ]);
  await env.DB.batch(statements);
  return seeded;
}

describe("retention", () => {
  it("purges requests past the period with their events, attempts, payloads and chunks, and keeps newer ones", async () => {
    const p = await pipeline("retention", `/ok/${uniqueKey("ret")}`);
    const now = Date.now();
    const old = await seedFull(p, now - 31 * DAY);
    const recent = await seedFull(p, now - 29 * DAY);
    // Old, but its event still waits for delivery: kept until the event is final.
    const waiting = await seedEvents(p, 1, { status: "scheduled", at: now - 40 * DAY });
    // Chunks that lost their request (an ingest that failed half-way): old ones go, new ones stay.
    const orphanOld = newId("request", now - 35 * DAY);
    const orphanNew = newId("request", now - DAY);
    await env.DB.batch([orphanOld, orphanNew, waiting.requestIds[0]!].map((id) => env.DB.prepare("INSERT INTO request_body_chunks (request_id, seq, data) VALUES (?, 0, x'00')").bind(id)));

    const result = await purgeExpired(database(env.DB), now, 30);
    expect(result.requests).toBeGreaterThanOrEqual(3);

    expect(await countWhere("requests", "id", old.requestIds)).toBe(0);
    expect(await countWhere("events", "id", old.eventIds)).toBe(0);
    expect(await countWhere("attempts", "event_id", old.eventIds)).toBe(0);
    expect(await countWhere("event_payloads", "event_id", old.eventIds)).toBe(0);
    expect(await countWhere("request_body_chunks", "request_id", [...old.eventIds, ...old.requestIds, orphanOld])).toBe(0);

    expect(await countWhere("requests", "id", recent.requestIds)).toBe(3);
    expect(await countWhere("events", "id", recent.eventIds)).toBe(3);
    expect(await countWhere("attempts", "event_id", recent.eventIds)).toBe(3);
    expect(await countWhere("event_payloads", "event_id", recent.eventIds)).toBe(3);
    expect(await countWhere("request_body_chunks", "request_id", [...recent.eventIds, ...recent.requestIds, orphanNew])).toBe(7);
    expect(await countWhere("requests", "id", waiting.requestIds)).toBe(1);
    expect(await countWhere("events", "id", waiting.eventIds)).toBe(1);
    expect(await countWhere("request_body_chunks", "request_id", waiting.requestIds)).toBe(1);
  });

  it("works in bounded batches: one batch per run purges at most PURGE_BATCH requests, later runs the rest", async () => {
    const p = await pipeline("retention-batches", `/ok/${uniqueKey("ret")}`);
    const now = Date.now();
    // Far older than anything another test seeds, so these are first in line.
    const old = await seedEvents(p, PURGE_BATCH + 20, { status: "failed", at: now - 400 * DAY });
    const first = await purgeExpired(database(env.DB), now, 300, 1);
    expect(first.requests).toBe(PURGE_BATCH);
    expect(await countWhere("requests", "id", old.requestIds)).toBe(20);
    await purgeExpired(database(env.DB), now, 300, 1);
    expect(await countWhere("requests", "id", old.requestIds)).toBe(0);
    expect(await countWhere("events", "id", old.eventIds)).toBe(0);
  });

  it("the cron applies RETENTION_DAYS", async () => {
    const p = await pipeline("retention-cron", `/ok/${uniqueKey("ret")}`);
    const now = Date.now();
    const old = await seedEvents(p, 2, { status: "successful", at: now - 45 * DAY });
    const recent = await seedEvents(p, 2, { status: "successful", at: now - 10 * DAY });
    const ctx = createExecutionContext();
    await (worker as ExportedHandler<Cloudflare.Env>).scheduled!({ cron: "* * * * *", scheduledTime: now, noRetry() {} } as any, env, ctx);
    await waitOnExecutionContext(ctx);
    expect(await countWhere("requests", "id", old.requestIds)).toBe(0);
    expect(await countWhere("requests", "id", recent.requestIds)).toBe(2);
  });

  it("runs even when an earlier chore of the cron fails, and the run still reports the failure", async () => {
    const p = await pipeline("retention-cron-fault", `/ok/${uniqueKey("ret")}`);
    const now = Date.now();
    const old = await seedEvents(p, 2, { status: "successful", at: now - 45 * DAY });
    // A request never routed, so the sweep has something to send, on a queue that is down.
    const straggler = newId("request", now - 10 * 60_000);
    await env.DB.prepare("INSERT INTO requests (id, source_id, received_at, method, path, query, headers, body, body_size, verified, enqueued_at) VALUES (?, ?, ?, 'POST', '', '', '{}', x'7b7d', 2, 0, ?)")
      .bind(straggler, p.source.id, now - 10 * 60_000, now - 10 * 60_000).run();
    const down = { ...env.DELIVERY_QUEUE, send: () => Promise.reject(new Error("queue down")), sendBatch: () => Promise.reject(new Error("queue down")) };
    const ctx = createExecutionContext();
    await expect((worker as ExportedHandler<Cloudflare.Env>).scheduled!({ cron: "* * * * *", scheduledTime: now, noRetry() {} } as any, { ...env, DELIVERY_QUEUE: down } as any, ctx))
      .rejects.toThrow("queue down");
    await waitOnExecutionContext(ctx);
    expect(await countWhere("requests", "id", old.requestIds)).toBe(0);
    // The straggler is still there, unrouted, for the next sweep.
    expect(await env.DB.prepare("SELECT routed_at FROM requests WHERE id = ?").bind(straggler).first("routed_at")).toBeNull();
  });

  it("purges transformed payloads past the period whose event does not exist (a routing run that lost its race)", async () => {
    const now = Date.now();
    const lost = newId("event", now - 35 * DAY);
    const recent = newId("event", now - DAY);
    await env.DB.batch([lost, recent].map((id) => env.DB.prepare(
      "INSERT INTO event_payloads (event_id, method, path, query, headers, body, body_size, body_chunks, console) VALUES (?, 'POST', '', '', '{}', x'00', 1, 0, '[]')",
    ).bind(id)));
    await purgeExpired(database(env.DB), now, 30);
    expect(await countWhere("event_payloads", "event_id", [lost])).toBe(0);
    expect(await countWhere("event_payloads", "event_id", [recent])).toBe(1);
  });
});
