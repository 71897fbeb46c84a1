import { env } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { admin, ingest, pipeline, uniqueKey, waitFor } from "./gateway";

// Structured logs (docs/observability.md § Logs): the Worker runs in this test's isolate, so what
// ingest and the queue consumer write to the console is captured here, line by line.

const SOURCE_TOKEN = "source-bearer-token-logs-71c3e9";
const DESTINATION_TOKEN = "destination-token-logs-0b5d42";
const BODY_MARKER = "body-marker-logs-a9f1e6";

let lines: string[] = [];

beforeEach(() => {
  lines = [];
  const capture = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  for (const method of ["log", "info", "warn", "error", "debug"] as const) vi.spyOn(console, method).mockImplementation(capture);
});
afterEach(() => vi.restoreAllMocks());

/** The JSON log lines written so far, parsed. */
const logged = () =>
  lines.flatMap((line) => {
    try {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      return typeof parsed.event === "string" ? [parsed] : [];
    } catch {
      return [];
    }
  });

describe("structured logs", () => {
  it("write one JSON line per accepted request, rejected request and attempt, with ids and without secrets or bodies", async () => {
    const key = uniqueKey("logs");
    const { source, connection, destination } = await pipeline("logs", `/seq/500,200/${key}`,
      [{ type: "retry", strategy: "linear", count: 2, interval_ms: 1000 }],
      { auth: { type: "bearer", token: DESTINATION_TOKEN } });
    expect((await admin("PATCH", `/v1/sources/${source.id}`, { verification: { type: "bearer", token: SOURCE_TOKEN } })).status).toBe(200);
    const body = JSON.stringify({ note: BODY_MARKER });
    lines = [];

    const accepted = await ingest(source.id, { body, headers: { "content-type": "application/json", authorization: `Bearer ${SOURCE_TOKEN}` } });
    expect(accepted.status).toBe(200);
    const { request_id } = (await accepted.json()) as { request_id: string };
    const rejected = await ingest(source.id, { body, headers: { "content-type": "application/json", authorization: `Bearer not-${SOURCE_TOKEN}` } });
    expect(rejected.status).toBe(401);

    const event = await waitFor("delivered on the second attempt", () =>
      env.DB.prepare("SELECT id FROM events WHERE request_id = ? AND status = 'successful'").bind(request_id).first<{ id: string }>(), 20_000);
    const attemptIds = (await env.DB.prepare("SELECT id FROM attempts WHERE event_id = ? ORDER BY number").bind(event.id).all<{ id: string }>()).results.map((a) => a.id);
    const rejectedId = await waitFor("rejection stored", () =>
      env.DB.prepare("SELECT id FROM requests WHERE source_id = ? AND rejection IS NOT NULL").bind(source.id).first<string>("id"));
    // The attempt line follows the attempt's D1 write; give the consumer a moment to write it.
    await waitFor("second attempt logged", async () => logged().filter((l) => l.event === "attempt.finished").length >= 2);

    const entries = logged();
    expect(entries.filter((l) => l.event === "request.accepted")).toEqual([
      expect.objectContaining({ level: "info", request_id, source_id: source.id, verification: "bearer", verified: true, body_size: body.length }),
    ]);
    expect(entries.filter((l) => l.event === "request.rejected")).toEqual([
      expect.objectContaining({ level: "warn", request_id: rejectedId, source_id: source.id, rejection: "verification_failed", detail: "token mismatch" }),
    ]);
    const attempts = entries.filter((l) => l.event === "attempt.finished");
    const ids = { request_id, event_id: event.id, source_id: source.id, connection_id: connection.id, destination_id: destination.id };
    expect(attempts).toEqual([
      expect.objectContaining({ ...ids, attempt_id: attemptIds[0], number: 1, trigger: "initial", status_code: 500, event_status: "scheduled" }),
      expect.objectContaining({ ...ids, attempt_id: attemptIds[1], number: 2, trigger: "automatic", status_code: 200, event_status: "successful" }),
    ]);
    for (const attempt of attempts) expect(attempt.duration_ms).toEqual(expect.any(Number));

    // Nothing the gateway wrote anywhere in this test carries a secret or the body.
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const line of lines) {
      for (const secret of [SOURCE_TOKEN, DESTINATION_TOKEN, BODY_MARKER]) expect(line).not.toContain(secret);
    }
  });
});
