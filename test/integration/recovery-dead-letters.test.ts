import { env } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { DEAD_LETTER_QUEUE, ROUTE_RETRY_DELAY_MS } from "../../src/recovery/dead-letters";
import { deliverMsg, notifyMsg, routeMsg } from "../../src/queue/messages";
import { admin, pipeline, uniqueKey } from "./gateway";
import { runQueueBatch } from "./queue-batch";
import { seedEvents } from "./recovery-seed";

// Messages Queues gave up on arrive on the dead-letter queue, which the same Worker consumes.

const deadLetters = (bodies: unknown[]) => runQueueBatch(bodies, DEAD_LETTER_QUEUE);

describe("dead-letter queue", () => {
  it("marks a scheduled event failed, with a dead_lettered attempt that says why", async () => {
    const p = await pipeline("dlq-scheduled", `/ok/${uniqueKey("dlq")}`);
    const { eventIds: [eventId] } = await seedEvents(p, 1, { status: "scheduled" });
    const result = await deadLetters([deliverMsg(eventId!, p.destination.id, "automatic")]);
    expect(result.explicitAcks).toHaveLength(1);

    const event = (await admin("GET", `/v1/events/${eventId}`)).json;
    expect(event).toMatchObject({ status: "failed", attempts_count: 2, next_attempt_at: null });
    const attempts = (await admin("GET", `/v1/events/${eventId}/attempts`)).json.data;
    expect(attempts).toEqual([expect.objectContaining({ number: 2, trigger: "automatic", error: "dead_lettered", status_code: null })]);
    expect(attempts[0].error_detail).toContain("gave up");
  });

  it("opens an issue on the event's connection, as any event ending failed does", async () => {
    const p = await pipeline("dlq-issue", `/ok/${uniqueKey("dlq")}`);
    const { eventIds: [eventId] } = await seedEvents(p, 1, { status: "scheduled" });
    const open = async () => (await admin("GET", `/v1/issues?connection_id=${p.connection.id}`)).json.data;
    expect(await open()).toEqual([]);
    await deadLetters([deliverMsg(eventId!, p.destination.id, "automatic")]);
    const attempts = (await admin("GET", `/v1/events/${eventId}/attempts`)).json.data;
    expect(await open()).toEqual([expect.objectContaining({ status: "open", failures: 1, destination_id: p.destination.id, last_attempt_id: attempts[0].id })]);
    // A second dead letter for the now-failed event is a no-op, and counts nothing.
    await deadLetters([deliverMsg(eventId!, p.destination.id, "automatic")]);
    expect((await open())[0].failures).toBe(1);
  });

  it("records a dead-lettered manual retry on a failed event, and leaves successful and paused events alone", async () => {
    const p = await pipeline("dlq-final", `/ok/${uniqueKey("dlq")}`);
    const failed = await seedEvents(p, 1, { status: "failed" });
    const successful = await seedEvents(p, 1, { status: "successful" });
    const paused = await seedEvents(p, 1, { status: "paused" });
    await deadLetters([
      deliverMsg(failed.eventIds[0]!, p.destination.id, "manual"),
      deliverMsg(successful.eventIds[0]!, p.destination.id, "automatic"),
      deliverMsg(paused.eventIds[0]!, p.destination.id, "automatic"),
    ]);
    const { results } = await env.DB.prepare("SELECT e.id, e.status, count(a.id) AS attempts FROM events e LEFT JOIN attempts a ON a.event_id = e.id WHERE e.id IN (?, ?, ?) GROUP BY e.id")
      .bind(failed.eventIds[0], successful.eventIds[0], paused.eventIds[0]).all<{ id: string; status: string; attempts: number }>();
    const byId = new Map(results.map((r) => [r.id, r]));
    expect(byId.get(failed.eventIds[0]!)).toMatchObject({ status: "failed", attempts: 1 });
    expect(byId.get(successful.eventIds[0]!)).toMatchObject({ status: "successful", attempts: 0 });
    expect(byId.get(paused.eventIds[0]!)).toMatchObject({ status: "paused", attempts: 0 });
  });

  it("a dead letter that lost the race to a real attempt records nothing", async () => {
    const p = await pipeline("dlq-race", `/ok/${uniqueKey("dlq")}`);
    const { eventIds: [eventId] } = await seedEvents(p, 1, { status: "scheduled" });
    // The message was dead-lettered, but a sweeper copy delivered the event meanwhile.
    await env.DB.batch([
      env.DB.prepare("INSERT INTO attempts (id, event_id, number, trigger, url, status_code, response_headers, duration_ms, started_at) VALUES (?, ?, 2, 'automatic', 'http://x', 200, '{}', 1, ?)").bind(`att_${crypto.randomUUID()}`, eventId, Date.now()),
      env.DB.prepare("UPDATE events SET status = 'successful', attempts_count = 2 WHERE id = ?").bind(eventId),
    ]);
    await deadLetters([deliverMsg(eventId!, p.destination.id, "automatic")]);
    const attempts = (await admin("GET", `/v1/events/${eventId}/attempts`)).json.data;
    expect(attempts.map((a: any) => a.status_code)).toEqual([200]);
    expect((await admin("GET", `/v1/events/${eventId}`)).json.status).toBe("successful");
  });

  it("keeps a dead-lettered route's request, unrouted, and hands it back to the sweeper an hour later", async () => {
    const p = await pipeline("dlq-route", `/ok/${uniqueKey("dlq")}`);
    const requestId = `req_${crypto.randomUUID().replaceAll("-", "")}`;
    await env.DB.prepare("INSERT INTO requests (id, source_id, received_at, method, path, query, headers, body, body_size, verified, enqueued_at) VALUES (?, ?, ?, 'POST', '', '', '{}', x'7b7d', 2, 0, ?)")
      .bind(requestId, p.source.id, Date.now(), Date.now()).run();
    const before = Date.now();
    const result = await deadLetters([routeMsg(requestId), { not: "a message" }]);
    expect(result.explicitAcks).toHaveLength(2);
    const row = await env.DB.prepare("SELECT routed_at, enqueued_at FROM requests WHERE id = ?").bind(requestId).first<{ routed_at: number | null; enqueued_at: number }>();
    expect(row!.routed_at).toBeNull();
    expect(row!.enqueued_at).toBeGreaterThanOrEqual(before + ROUTE_RETRY_DELAY_MS);
    // Recoverable by hand at once.
    expect((await admin("POST", `/v1/requests/${requestId}/retry`)).json.events).toHaveLength(1);
  });

  it("logs a dead-lettered notification instead of dropping it silently", async () => {
    const errors: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void errors.push(args.map(String).join(" ")));
    try {
      const result = await deadLetters([notifyMsg("nch_lost", "iss_lost", "opened", 3)]);
      expect(result.explicitAcks).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
    const lines = errors.map((line) => JSON.parse(line));
    expect(lines).toContainEqual(expect.objectContaining({ level: "error", event: "dlq.notify", channel_id: "nch_lost", issue_id: "iss_lost", transition: "opened", attempt: 3 }));
  });
});
