import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import { FAILURE_STREAK } from "../../src/observability/issues/record-outcome";
import { admin, created, ingest, pipeline, receiverUrl, uniqueKey, waitFor } from "./gateway";

// The issue rule (docs/observability.md, Issues) through the real queue consumer, and /v1/issues.
// Storage is shared by the whole file, so each test works on connections of its own.

// Retries far in the future: each event makes one attempt within the test and stays scheduled.
const LATER = [{ type: "retry", strategy: "linear", count: 5, interval_ms: 600_000 }];
// No retries: an event whose one attempt fails ends failed.
const NO_RETRY = [{ type: "retry", strategy: "linear", count: 0, interval_ms: 1_000 }];

async function send(sourceId: string, count: number) {
  const answers = await Promise.all(Array.from({ length: count }, (_, i) => ingest(sourceId, { body: JSON.stringify({ n: i }) })));
  for (const answer of answers) expect(answer.status).toBe(200);
}

async function attemptsOf(connectionId: string): Promise<number> {
  return (await env.DB.prepare("SELECT count(*) AS n FROM attempts a JOIN events e ON e.id = a.event_id WHERE e.connection_id = ?")
    .bind(connectionId).first<number>("n"))!;
}

/** The connection's failure streak as the rule counted it: shows the outcome of every attempt is recorded. */
async function streakOf(connectionId: string): Promise<number> {
  return (await env.DB.prepare("SELECT consecutive_failures AS n FROM connection_health WHERE connection_id = ?").bind(connectionId).first<number>("n")) ?? 0;
}

async function issuesOf(connectionId: string): Promise<any[]> {
  const res = await admin("GET", `/v1/issues?connection_id=${connectionId}`);
  expect(res.status).toBe(200);
  return res.json.data;
}

async function waitForIssue(connectionId: string, ready: (issue: any) => boolean = () => true) {
  return waitFor(`an issue on ${connectionId}`, async () => (await issuesOf(connectionId)).find(ready));
}

async function pointAt(destinationId: string, path: string) {
  const res = await admin("PATCH", `/v1/destinations/${destinationId}`, { url: `${receiverUrl()}${path}` });
  expect(res.status).toBe(200);
}

/** A connection whose one event has failed and opened an issue. */
async function withIssue(label: string) {
  const route = await pipeline(label, `/seq/500/${uniqueKey(label)}`, NO_RETRY);
  await send(route.source.id, 1);
  const issue = await waitForIssue(route.connection.id);
  return { ...route, issue };
}

describe("the issue rule", () => {
  it("opens exactly one issue for a flood of failures, counting every failed attempt", async () => {
    const { source, connection, destination } = await pipeline("flood", `/seq/500/${uniqueKey("flood")}`, LATER);
    await send(source.id, 30);
    await waitFor("30 failed attempts recorded", async () => (await streakOf(connection.id)) === 30, 20_000);

    const issues = await issuesOf(connection.id);
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect(issue).toMatchObject({ connection_id: connection.id, destination_id: destination.id, status: "open", failures: 30, acknowledged_at: null, resolved_at: null });
    expect(issue.id).toMatch(/^iss_/);
    expect(Date.parse(issue.first_seen_at)).toBeLessThanOrEqual(Date.parse(issue.last_seen_at));
    const last = await env.DB.prepare("SELECT e.connection_id FROM attempts a JOIN events e ON e.id = a.event_id WHERE a.id = ?").bind(issue.last_attempt_id).first<string>("connection_id");
    expect(last).toBe(connection.id);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM issues WHERE connection_id = ?").bind(connection.id).first("n")).toBe(1);
  });

  it(`opens no issue for fewer than ${FAILURE_STREAK} failures in a row while every event still has retries`, async () => {
    const { source, connection } = await pipeline("few", `/seq/500/${uniqueKey("few")}`, LATER);
    await send(source.id, FAILURE_STREAK - 1);
    await waitFor("the failures recorded", async () => (await streakOf(connection.id)) === FAILURE_STREAK - 1);
    expect(await attemptsOf(connection.id)).toBe(FAILURE_STREAK - 1);
    expect(await issuesOf(connection.id)).toEqual([]);

    await send(source.id, 1);
    const issue = await waitForIssue(connection.id);
    expect(issue.failures).toBe(FAILURE_STREAK);
  });

  it("opens an issue as soon as one event ends failed", async () => {
    const { source, connection } = await pipeline("ends-failed", `/seq/500/${uniqueKey("ends-failed")}`, NO_RETRY);
    await send(source.id, 1);
    const issue = await waitForIssue(connection.id);
    expect(issue).toMatchObject({ status: "open", failures: 1 });
    const event = await env.DB.prepare("SELECT status FROM events WHERE connection_id = ?").bind(connection.id).first<string>("status");
    expect(event).toBe("failed");
  });

  it("resolves the issue on the next success, and a later failure opens a new one", async () => {
    const { source, connection, destination, issue } = await withIssue("recovers");

    await pointAt(destination.id, `/ok/${uniqueKey("recovers")}`);
    await send(source.id, 1);
    const resolved = await waitForIssue(connection.id, (i) => i.id === issue.id && i.status === "resolved");
    expect(resolved.resolved_at).not.toBeNull();
    expect(Date.parse(resolved.resolved_at)).toBeGreaterThanOrEqual(Date.parse(issue.first_seen_at));
    expect(resolved.failures).toBe(1);
    expect(await streakOf(connection.id)).toBe(0);

    await pointAt(destination.id, `/seq/500/${uniqueKey("recovers")}`);
    await send(source.id, 1);
    const reopened = await waitForIssue(connection.id, (i) => i.status === "open");
    expect(reopened.id).not.toBe(issue.id);
    expect(reopened.failures).toBe(1);
    const all = await issuesOf(connection.id);
    expect(all.map((i) => [i.id, i.status])).toEqual([[reopened.id, "open"], [issue.id, "resolved"]]);
  });

  it("keeps counting failures on an acknowledged issue, and a success resolves it too", async () => {
    const { source, connection, destination, issue } = await withIssue("acked");
    expect((await admin("PATCH", `/v1/issues/${issue.id}`, { status: "acknowledged" })).status).toBe(200);

    await send(source.id, 2);
    const counted = await waitForIssue(connection.id, (i) => i.failures === 3);
    expect(counted).toMatchObject({ id: issue.id, status: "acknowledged" });

    await pointAt(destination.id, `/ok/${uniqueKey("acked")}`);
    await send(source.id, 1);
    await waitForIssue(connection.id, (i) => i.id === issue.id && i.status === "resolved");
    expect(await issuesOf(connection.id)).toHaveLength(1);
  });

  it("restarts the failure streak when a person resolves the issue", async () => {
    const { source, connection } = await pipeline("manual", `/seq/500/${uniqueKey("manual")}`, LATER);
    await send(source.id, FAILURE_STREAK);
    const first = await waitForIssue(connection.id);
    expect((await admin("PATCH", `/v1/issues/${first.id}`, { status: "resolved" })).json.status).toBe("resolved");

    await send(source.id, FAILURE_STREAK - 1);
    await waitFor("the new failures recorded", async () => (await streakOf(connection.id)) === FAILURE_STREAK - 1);
    expect((await issuesOf(connection.id)).map((i) => i.status)).toEqual(["resolved"]);

    await send(source.id, 1);
    const second = await waitForIssue(connection.id, (i) => i.status === "open");
    expect(second.id).not.toBe(first.id);
    expect(second.failures).toBe(FAILURE_STREAK);
  });
});

describe("PATCH /v1/issues/:id", () => {
  it("acknowledges, takes the acknowledgement back, and resolves", async () => {
    const { issue } = await withIssue("patch");
    const acked = await admin("PATCH", `/v1/issues/${issue.id}`, { status: "acknowledged" });
    expect(acked.status).toBe(200);
    expect(acked.json).toMatchObject({ id: issue.id, status: "acknowledged", resolved_at: null });
    expect(acked.json.acknowledged_at).not.toBeNull();

    const reopened = await admin("PATCH", `/v1/issues/${issue.id}`, { status: "open" });
    expect(reopened.json).toMatchObject({ status: "open", acknowledged_at: null });

    const resolved = await admin("PATCH", `/v1/issues/${issue.id}`, { status: "resolved" });
    expect(resolved.status).toBe(200);
    expect(resolved.json.status).toBe("resolved");
    expect(resolved.json.resolved_at).not.toBeNull();
    expect((await admin("GET", `/v1/issues/${issue.id}`)).json).toEqual(resolved.json);
  });

  it("keeps a resolved issue resolved: 409 for any other status, 200 for resolved again", async () => {
    const { issue } = await withIssue("final");
    await admin("PATCH", `/v1/issues/${issue.id}`, { status: "resolved" });
    for (const status of ["open", "acknowledged"]) {
      const res = await admin("PATCH", `/v1/issues/${issue.id}`, { status });
      expect(res.status).toBe(409);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.json.errors).toEqual([{ path: "status", message: expect.any(String) }]);
    }
    const again = await admin("PATCH", `/v1/issues/${issue.id}`, { status: "resolved" });
    expect(again.status).toBe(200);
    expect(again.json.status).toBe("resolved");
  });

  it("answers 404 for an unknown issue and 400 naming the field for a bad body or id", async () => {
    const { issue } = await withIssue("bad-patch");
    expect((await admin("PATCH", "/v1/issues/iss_00000000000000000000000000", { status: "resolved" })).status).toBe(404);
    expect((await admin("GET", "/v1/issues/iss_00000000000000000000000000")).status).toBe(404);

    const badStatus = await admin("PATCH", `/v1/issues/${issue.id}`, { status: "closed" });
    expect(badStatus.status).toBe(400);
    expect(badStatus.json.errors.map((e: any) => e.path)).toEqual(["status"]);
    const missing = await admin("PATCH", `/v1/issues/${issue.id}`, {});
    expect(missing.status).toBe(400);
    expect(missing.json.errors.map((e: any) => e.path)).toEqual(["status"]);
    const badId = await admin("PATCH", "/v1/issues/evt_123", { status: "resolved" });
    expect(badId.status).toBe(400);
    expect(badId.json.errors[0].path).toMatch(/id$/);
    expect((await admin("GET", `/v1/issues/${issue.id}`)).json.status).toBe("open");
  });
});

describe("GET /v1/issues", () => {
  it("filters by connection, destination and status, and pages newest first", async () => {
    // Two connections from one source to one destination: one failing request opens two issues.
    const key = uniqueKey("shared");
    const source = await created("/v1/sources", { name: key });
    const destination = await created("/v1/destinations", { name: key, url: `${receiverUrl()}/seq/500/${key}` });
    const a = await created("/v1/connections", { name: `${key}-a`, source_id: source.id, destination_id: destination.id, rules: NO_RETRY });
    const b = await created("/v1/connections", { name: `${key}-b`, source_id: source.id, destination_id: destination.id, rules: NO_RETRY });
    const other = await withIssue("elsewhere");
    await send(source.id, 1);
    const issueA = await waitForIssue(a.id);
    const issueB = await waitForIssue(b.id);

    const byDestination = await admin("GET", `/v1/issues?destination_id=${destination.id}`);
    expect(byDestination.json.data.map((i: any) => i.id).sort()).toEqual([issueA.id, issueB.id].sort());
    expect((await issuesOf(a.id)).map((i) => i.id)).toEqual([issueA.id]);

    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const res: any = await admin("GET", `/v1/issues?destination_id=${destination.id}&limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      pages.push(res.json.data.map((i: any) => i.id));
      cursor = res.json.next_cursor;
    } while (cursor);
    expect(pages.flat()).toEqual(byDestination.json.data.map((i: any) => i.id));
    expect(pages.every((p) => p.length === 1)).toBe(true);
    expect(byDestination.json.data[0].id > byDestination.json.data[1].id).toBe(true);

    await admin("PATCH", `/v1/issues/${issueA.id}`, { status: "resolved" });
    const open = await admin("GET", `/v1/issues?destination_id=${destination.id}&status=open`);
    expect(open.json.data.map((i: any) => i.id)).toEqual([issueB.id]);
    const resolved = await admin("GET", "/v1/issues?status=resolved&limit=250");
    expect(resolved.json.data.map((i: any) => i.id)).toContain(issueA.id);
    expect(resolved.json.data.every((i: any) => i.status === "resolved")).toBe(true);
    const everything = await admin("GET", "/v1/issues?limit=250");
    expect(everything.json.data.map((i: any) => i.id)).toEqual(expect.arrayContaining([issueA.id, issueB.id, other.issue.id]));
  });

  it("answers 400 naming the bad query parameter", async () => {
    const badStatus = await admin("GET", "/v1/issues?status=closed");
    expect(badStatus.status).toBe(400);
    expect(badStatus.json.errors.map((e: any) => e.path)).toEqual(["query.status"]);
    const badLimit = await admin("GET", "/v1/issues?limit=0");
    expect(badLimit.status).toBe(400);
    expect(badLimit.json.errors.map((e: any) => e.path)).toEqual(["query.limit"]);
    expect((await admin("GET", "/v1/issues", undefined, "wrong-token")).status).toBe(401);
  });
});

describe("the cron's re-check", () => {
  async function cron() {
    const ctx = createExecutionContext();
    await (worker as ExportedHandler<Cloudflare.Env>).scheduled!({ cron: "* * * * *", scheduledTime: Date.now(), noRetry() {} } as any, env, ctx);
    await waitOnExecutionContext(ctx);
  }
  const statusOf = async (id: string) => (await admin("GET", `/v1/issues/${id}`)).json.status;

  it("resolves the issues of deleted and disabled connections, and keeps a paused one's open", async () => {
    const deleted = await withIssue("recheck-deleted");
    const disabled = await withIssue("recheck-disabled");
    const paused = await withIssue("recheck-paused");
    expect((await admin("DELETE", `/v1/connections/${deleted.connection.id}`)).status).toBe(204);
    expect((await admin("PATCH", `/v1/connections/${disabled.connection.id}`, { disabled: true })).status).toBe(200);
    expect((await admin("POST", `/v1/connections/${paused.connection.id}/pause`)).status).toBe(200);

    await cron();
    expect(await statusOf(deleted.issue.id)).toBe("resolved");
    expect(await statusOf(disabled.issue.id)).toBe("resolved");
    expect(await statusOf(paused.issue.id)).toBe("open");
  });
});
