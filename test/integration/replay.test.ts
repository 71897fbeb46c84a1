import { createExecutionContext, env, runInDurableObject, SELF, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import { replayMsg } from "../../src/queue/messages";
import { DEAD_LETTER_QUEUE } from "../../src/recovery/dead-letters";
import { jobKey, normalizeSelection } from "../../src/replay/query";
import type { ReplayJob } from "../../src/replay/replay-job";
import { admin, ingest, ORIGIN, pipeline, receiverRecords, uniqueKey, waitFor } from "./gateway";
import { runQueueBatch } from "./queue-batch";
import { attemptsByEvent, seedEvents } from "./recovery-seed";

// Bulk replay through the API: POST /v1/replays, GET /v1/replays/:id, POST /v1/replays/:id/cancel.

const finished = (id: string, timeoutMs = 25_000) =>
  waitFor(`replay ${id} finished`, async () => {
    const res = await admin("GET", `/v1/replays/${id}`);
    return res.json.status !== "running" ? res.json : undefined;
  }, timeoutMs);

const jobKeyOf = async (replayId: string) => (await env.DB.prepare("SELECT job_key FROM replays WHERE id = ?").bind(replayId).first<string>("job_key"))!;


describe("POST /v1/replays over events", () => {
  it("replays every failed event of a destination once, with trigger bulk_retry, and reports completed", async () => {
    const key = uniqueKey("replay");
    const p = await pipeline("replay", `/ok/${key}`);
    const { eventIds } = await seedEvents(p, 120);
    // Not selected: another status, and another destination's failures.
    const successful = await seedEvents(p, 5, { status: "successful" });
    const other = await seedEvents(await pipeline("replay-other", `/ok/${uniqueKey("other")}`), 5);

    const started = await admin("POST", "/v1/replays", { query: { status: "failed", destination_id: p.destination.id } });
    expect(started.status).toBe(201);
    expect(started.json).toMatchObject({ kind: "events", status: "running", total: 120, query: { status: "failed", destination_id: p.destination.id } });
    expect(started.json.id).toMatch(/^rpl_/);

    const done = await finished(started.json.id);
    expect(done).toMatchObject({ status: "completed", total: 120, processed: 120, failed: 0 });
    expect(done.completed_at).not.toBeNull();
    const attempts = await attemptsByEvent(eventIds, "bulk_retry");
    expect(attempts.size).toBe(120);
    expect([...attempts.values()].every((n) => n === 1)).toBe(true);
    expect((await attemptsByEvent([...successful.eventIds, ...other.eventIds], "bulk_retry")).size).toBe(0);
    const received = await receiverRecords(key);
    expect(received).toHaveLength(120);
    expect(new Set(received.map((r: any) => r.headers["webhook-id"]))).toEqual(new Set(eventIds));
    const statuses = await env.DB.prepare("SELECT status, count(*) AS n FROM events WHERE id IN (SELECT value FROM json_each(?)) GROUP BY status")
      .bind(JSON.stringify(eventIds)).all<{ status: string; n: number }>();
    expect(statuses.results).toEqual([{ status: "successful", n: 120 }]);
    // The record in D1 says the same as the job.
    const listed = (await admin("GET", "/v1/replays?status=completed")).json.data.find((r: any) => r.id === started.json.id);
    expect(listed).toMatchObject({ processed: 120, total: 120 });
  });

  it("a dry run counts what the query selects and starts nothing", async () => {
    const p = await pipeline("replay-dry", `/ok/${uniqueKey("dry")}`);
    const { eventIds } = await seedEvents(p, 7);
    const res = await admin("POST", "/v1/replays", { kind: "events", query: { connection_id: p.connection.id, status: "failed" }, dry_run: true });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ dry_run: true, kind: "events", query: { connection_id: p.connection.id, status: "failed" }, total: 7 });
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await attemptsByEvent(eventIds, "bulk_retry")).size).toBe(0);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM replays WHERE query LIKE ?").bind(`%${p.connection.id}%`).first("n")).toBe(0);
  });

  it("the same query submitted while its job runs answers the running job, however it is written", async () => {
    const key = uniqueKey("replay-same");
    const p = await pipeline("replay-same", `/slow/300/${key}`);
    const { eventIds } = await seedEvents(p, 30);
    const first = await admin("POST", "/v1/replays", { query: { destination_id: p.destination.id, status: "failed", created_after: "2020-01-01T00:00:00Z" } });
    expect(first.status).toBe(201);
    const second = await admin("POST", "/v1/replays", { kind: "events", query: { created_after: "2020-01-01T01:00:00.000+01:00", status: "failed", destination_id: p.destination.id } });
    expect(second.status).toBe(200);
    expect(second.json.id).toBe(first.json.id);
    await finished(first.json.id);
    expect([...(await attemptsByEvent(eventIds, "bulk_retry")).values()]).toEqual(Array(30).fill(1));
    // Once it has finished, the same query starts a new job (and finds nothing failed left).
    const third = await admin("POST", "/v1/replays", { query: { destination_id: p.destination.id, status: "failed", created_after: "2020-01-01T00:00:00Z" } });
    expect(third.status).toBe(201);
    expect(third.json).toMatchObject({ status: "completed", total: 0 });
    expect(third.json.id).not.toBe(first.json.id);
  });

  it("cancel stops a running replay: nothing more is sent", async () => {
    const key = uniqueKey("replay-cancel");
    const p = await pipeline("replay-cancel", `/slow/400/${key}`);
    const { eventIds } = await seedEvents(p, 300);
    const started = await admin("POST", "/v1/replays", { query: { destination_id: p.destination.id } });
    await waitFor("some progress", async () => (await admin("GET", `/v1/replays/${started.json.id}`)).json.processed > 0);
    const cancelled = await admin("POST", `/v1/replays/${started.json.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.status).toBe("cancelled");
    const atCancel = (await receiverRecords(key)).length;
    await new Promise((r) => setTimeout(r, 3_000));
    const after = (await receiverRecords(key)).length;
    // Deliveries already claimed finish (at most a consumer batch); nothing new starts.
    expect(after - atCancel).toBeLessThanOrEqual(50);
    expect(after).toBeLessThan(eventIds.length);
    expect((await admin("GET", `/v1/replays/${started.json.id}`)).json.status).toBe("cancelled");
    expect((await admin("POST", `/v1/replays/${started.json.id}/cancel`)).json.status).toBe("cancelled");
  });

  it("a copy of a replay message that arrives after its item was replayed does nothing", async () => {
    const key = uniqueKey("replay-dupe");
    const p = await pipeline("replay-dupe", `/ok/${key}`);
    const { eventIds } = await seedEvents(p, 3);
    const started = await admin("POST", "/v1/replays", { query: { destination_id: p.destination.id } });
    await finished(started.json.id);
    const jobKey = await jobKeyOf(started.json.id);
    const result = await runQueueBatch(eventIds.flatMap((id) => [replayMsg(jobKey, started.json.id, id, p.destination.id), replayMsg(jobKey, started.json.id, id, p.destination.id)]));
    expect(result.explicitAcks).toHaveLength(6);
    expect([...(await attemptsByEvent(eventIds, "bulk_retry")).values()]).toEqual([1, 1, 1]);
    expect(await receiverRecords(key)).toHaveLength(3);
  });

  it("an item whose message was dead-lettered is counted failed, and the job ends failed", async () => {
    const key = uniqueKey("replay-dlq");
    const p = await pipeline("replay-dlq", `/slow/1500/${key}`);
    const { eventIds } = await seedEvents(p, 3);
    const started = await admin("POST", "/v1/replays", { query: { destination_id: p.destination.id } });
    const name = await jobKeyOf(started.json.id);
    const stub = env.REPLAY.get(env.REPLAY.idFromName(name));
    await waitFor("page in the ledger", () => runInDurableObject(stub, (_job, state) => state.storage.sql.exec("SELECT count(*) AS n FROM items").one().n === 3));
    await runQueueBatch([replayMsg(name, started.json.id, eventIds[0]!, p.destination.id)], DEAD_LETTER_QUEUE);
    const done = await finished(started.json.id);
    expect(done).toMatchObject({ status: "failed", total: 3, processed: 2, failed: 1 });
  });
});

describe("POST /v1/replays over requests", () => {
  it("routes the selected requests again through today's rules", async () => {
    const key = uniqueKey("replay-requests");
    const { source, connection } = await pipeline("replay-requests", `/ok/${key}`, [{ type: "filter", body: { plan: "pro" } }]);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await ingest(source.id, { body: JSON.stringify({ plan: "team", n: i }), headers: { "content-type": "application/json" } });
      ids.push(((await res.json()) as any).request_id);
    }
    for (const id of ids) await waitFor("filtered", async () => (await admin("GET", `/v1/requests/${id}`)).json.ignored.length === 1);
    await admin("PATCH", `/v1/connections/${connection.id}`, { rules: [{ type: "filter", body: { plan: { $in: ["pro", "team"] } } }] });

    const dry = await admin("POST", "/v1/replays", { kind: "requests", query: { source_id: source.id }, dry_run: true });
    expect(dry.json.total).toBe(5);
    const started = await admin("POST", "/v1/replays", { kind: "requests", query: { source_id: source.id } });
    expect(started.status).toBe(201);
    expect(await finished(started.json.id)).toMatchObject({ kind: "requests", status: "completed", total: 5, processed: 5 });
    const received = await waitFor("five deliveries", async () => {
      const r = await receiverRecords(key);
      return r.length === 5 ? r : undefined;
    });
    expect(received.map((r: any) => JSON.parse(atob(r.body_base64)).n).sort()).toEqual([0, 1, 2, 3, 4]);
    for (const id of ids) expect((await admin("GET", `/v1/requests/${id}`)).json).toMatchObject({ events_count: 1, ignored: [] });
  });
});

describe("replay validation and lookups", () => {
  const bad = async (body: unknown) => {
    const res = await admin("POST", "/v1/replays", body);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    return (res.json.errors as { path: string; message: string }[]).map((e) => e.path);
  };

  it("answers 400 naming the field", async () => {
    expect(await bad({ query: { stauts: "failed" } })).toEqual(["query"]);
    expect(await bad({ query: { status: "done" } })).toEqual(["query.status"]);
    expect(await bad({ query: { destination_id: "src_x" } })).toEqual(["query.destination_id"]);
    expect(await bad({ kind: "things", query: { status: "failed" } })).toEqual(["kind"]);
    expect(await bad({ kind: "requests", query: { status: "failed" } })).toEqual(["query"]);
    expect(await bad({ query: { status: "failed", created_after: "yesterday" } })).toEqual(["query.created_after"]);
    expect(await bad({ query: { status: "failed" }, dry_run: "yes" })).toEqual(["dry_run"]);
    expect(await bad({ query: {} })).toEqual(["query"]);
    expect(await bad({ query: { created_after: "2026-11-02T00:00:00Z", created_before: "2026-11-01T00:00:00Z" } })).toEqual(["query.created_before"]);
    expect(await bad([])).toHaveLength(1);
  });

  it("answers 404 for an unknown replay and 400 for a malformed id", async () => {
    expect((await admin("GET", "/v1/replays/rpl_unknown")).status).toBe(404);
    expect((await admin("POST", "/v1/replays/rpl_unknown/cancel")).status).toBe(404);
    const malformed = await admin("GET", "/v1/replays/evt_123");
    expect(malformed.status).toBe(400);
    expect(malformed.json.errors[0].path).toBe("param.id");
  });

  it("documents the recovery routes in /openapi.json", async () => {
    const doc = await (await SELF.fetch(`${ORIGIN}/openapi.json`)).json<any>();
    for (const path of ["/v1/replays", "/v1/replays/{id}", "/v1/replays/{id}/cancel", "/v1/events/{id}/retry", "/v1/events/{id}/cancel", "/v1/requests/{id}/retry"]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths["/v1/events/{id}/retry"].post.responses["202"].content["application/json"].schema.allOf).toEqual([{ $ref: "#/components/schemas/Event" }]);
    expect(doc.components.schemas.Replay.required).toEqual(expect.arrayContaining(["total", "processed", "status"]));
  });

  it("a completed replay cannot be cancelled (409)", async () => {
    const p = await pipeline("replay-done", `/ok/${uniqueKey("done")}`);
    await seedEvents(p, 1);
    const started = await admin("POST", "/v1/replays", { query: { destination_id: p.destination.id } });
    await finished(started.json.id);
    expect((await admin("POST", `/v1/replays/${started.json.id}/cancel`)).status).toBe(409);
  });
});

describe("the sweeper and replays", () => {
  const sweep = async () => {
    const ctx = createExecutionContext();
    await (worker as ExportedHandler<Cloudflare.Env>).scheduled!({ cron: "* * * * *", scheduledTime: Date.now(), noRetry() {} } as any, env, ctx);
    await waitOnExecutionContext(ctx);
  };

  it("restarts a running job whose alarm was lost", async () => {
    const key = uniqueKey("replay-stalled");
    const p = await pipeline("replay-stalled", `/ok/${key}`);
    const { eventIds } = await seedEvents(p, 20);
    const selection = normalizeSelection({ kind: "events", query: { destination_id: p.destination.id } });
    const name = await jobKey(selection);
    const stub = env.REPLAY.get(env.REPLAY.idFromName(name));
    // As if the runtime had given up on the job's alarm before its first page.
    const replayId = await runInDurableObject(stub, async (job: ReplayJob, state) => {
      const { replay } = await job.start(name, selection);
      await state.storage.deleteAlarm();
      return replay.id;
    });
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await attemptsByEvent(eventIds, "bulk_retry")).size).toBe(0);

    await env.DB.prepare("UPDATE replays SET updated_at = 0 WHERE id = ?").bind(replayId).run();
    await sweep();
    expect(await finished(replayId)).toMatchObject({ status: "completed", processed: 20 });
    expect([...(await attemptsByEvent(eventIds, "bulk_retry")).values()]).toEqual(Array(20).fill(1));
  });

  it("closes a running record whose object does not know the job", async () => {
    const id = `rpl_${crypto.randomUUID().replaceAll("-", "")}`;
    await env.DB.prepare("INSERT INTO replays (id, kind, job_key, query, status, total, processed, created_at, updated_at) VALUES (?, 'events', ?, '{}', 'running', 5, 0, 0, 0)")
      .bind(id, `events:${crypto.randomUUID()}`).run();
    await sweep();
    expect((await admin("GET", `/v1/replays/${id}`)).json).toMatchObject({ status: "failed" });
  });
});
