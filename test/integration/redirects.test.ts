import { env } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { database } from "../../src/db/client";
import { deliverNotification } from "../../src/observability/notifications/deliver-notification";
import { send } from "../../src/outbound/send";
import { notifyMsg } from "../../src/queue/messages";
import { admin, created, eventsOf, ingest, pipeline, receiverRecords, receiverUrl, uniqueKey, waitFor } from "./gateway";

// Every hop of a delivery passes the address guard, and credentials stay with the configured
// origin (src/outbound/send.ts, docs/delivery.md "Redirects").

const noRetry = [{ type: "retry", strategy: "linear", count: 0, interval_ms: 1000 }];
const redirectTo = (target: string, key: string) => `/redirect-to/${encodeURIComponent(target)}/${key}`;
/** The receiver under another origin: same server, another host name. */
const otherOrigin = () => receiverUrl().replace("127.0.0.1", "localhost");

async function finalAttempt(sourceId: string) {
  const res = await ingest(sourceId, { body: JSON.stringify({ n: 1 }), headers: { "content-type": "application/json" } });
  const { request_id } = (await res.json()) as { request_id: string };
  const [event] = await waitFor("a final event", async () => {
    const e = await eventsOf(request_id);
    return e[0] && e[0].status !== "scheduled" ? e : undefined;
  });
  return { event, attempt: (await admin("GET", `/v1/events/${event.id}/attempts`)).json.data[0] };
}

describe("redirects and the address guard", () => {
  it("refuses a redirect to a metadata address: no request leaves, nothing of its answer is stored", async () => {
    const key = uniqueKey("redir-metadata");
    const { source } = await pipeline("redir-metadata", redirectTo("http://169.254.169.254/latest/meta-data/", key), noRetry, { timeout_ms: 2_000 });
    const { event, attempt } = await finalAttempt(source.id);
    expect(event.status).toBe("failed");
    expect(attempt).toMatchObject({ status_code: null, error: "blocked_address", response_body: null });
    expect(attempt.error_detail).toMatch(/^redirect to http:\/\/169\.254\.169\.254 refused: .*metadata/);
    expect(await receiverRecords(key)).toHaveLength(1);
  });

  it("keeps credentials on a same-origin redirect", async () => {
    const key = uniqueKey("redir-same");
    const { source } = await pipeline("redir-same", redirectTo(`/ok/${key}`, `${key}-first`), noRetry, {
      auth: { type: "bearer", token: "dest-token-123456" },
    });
    const { event } = await finalAttempt(source.id);
    expect(event.status).toBe("successful");
    const [arrived] = await receiverRecords(key);
    expect(arrived.headers.authorization).toBe("Bearer dest-token-123456");
  });

  it("drops auth, the destination's credential-like headers and the signature when a redirect leaves the origin", async () => {
    const key = uniqueKey("redir-cross");
    const { source } = await pipeline("redir-cross", redirectTo(`${otherOrigin()}/ok/${key}`, `${key}-first`), noRetry, {
      auth: { type: "bearer", token: "dest-token-123456" },
      headers: { "x-team-token": "static-secret-9876", "x-env": "prod" },
      signing: { type: "standard_webhooks", secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"] },
    });
    const { event } = await finalAttempt(source.id);
    expect(event.status).toBe("successful");
    const [first] = await receiverRecords(`${key}-first`);
    expect(first.headers).toMatchObject({ authorization: "Bearer dest-token-123456", "x-team-token": "static-secret-9876" });
    expect(first.headers["webhook-signature"]).toMatch(/^v1,/);
    const [arrived] = await receiverRecords(key);
    for (const name of ["authorization", "x-team-token", "webhook-signature"]) expect(arrived.headers[name]).toBeUndefined();
    expect(arrived.headers["x-env"]).toBe("prod");
    expect(arrived.headers["webhook-id"]).toBe(event.id);
    expect(atob(arrived.body_base64)).toBe(JSON.stringify({ n: 1 }));
  });

  it("drops an api_key query credential when a redirect leaves the origin", async () => {
    const key = uniqueKey("redir-query");
    const { source } = await pipeline("redir-query", redirectTo(`${otherOrigin()}/ok/${key}`, `${key}-first`), noRetry, {
      auth: { type: "api_key", key: "query-key-abcdef", query: "api_key" },
    });
    await ingest(source.id, { body: "{}", path: "", headers: {} });
    const [arrived] = await waitFor("the second hop", async () => {
      const r = await receiverRecords(key);
      return r.length ? r : undefined;
    });
    expect((await receiverRecords(`${key}-first`))[0].query).toBe("api_key=query-key-abcdef");
    expect(arrived.query).toBe("");
  });

  it("checks the first hop too, whatever was allowed when the URL was saved", async () => {
    const result = await send({
      url: new URL(`${receiverUrl()}/ok/${uniqueKey("first-hop")}`), method: "POST", headers: new Headers(), body: () => "{}",
      timeoutMs: 2_000, now: Date.now, allowPrivate: false,
    });
    expect(result).toMatchObject({ status: null, error: "blocked_address", responseBody: null });
    expect(result.errorDetail).toMatch(/^http:\/\/127\.0\.0\.1:\d+ refused: points to a loopback/);
  });

  it("guards a notification's redirects the same way, and keeps its credential from another origin", async () => {
    const now = Date.now();
    const issueId = `iss_${crypto.randomUUID().replace(/-/g, "").slice(0, 26)}`;
    await env.DB.prepare("INSERT INTO issues (id, connection_id, destination_id, status, first_seen_at, last_seen_at, failures, created_at, updated_at) VALUES (?, 'con_x', 'des_x', 'open', ?, ?, 1, ?, ?)")
      .bind(issueId, now, now, now, now).run();
    const blockedKey = uniqueKey("notify-metadata");
    const blocked = await created("/v1/notification-channels", { type: "slack", url: `${receiverUrl()}${redirectTo("http://169.254.169.254/latest/", blockedKey)}` });
    const crossKey = uniqueKey("notify-cross");
    const cross = await created("/v1/notification-channels", { type: "opsgenie", api_key: "genie-key-123456", url: `${receiverUrl()}${redirectTo(`${otherOrigin()}/ok/${crossKey}`, `${crossKey}-first`)}` });
    const pagerDutyKey = uniqueKey("notify-pd");
    const pagerDuty = await created("/v1/notification-channels", { type: "pagerduty", routing_key: "pd-routing-key-123456", url: `${receiverUrl()}${redirectTo(`${otherOrigin()}/ok/${pagerDutyKey}`, `${pagerDutyKey}-first`)}` });
    const warnings: string[] = [];
    const spy = vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(" ")));
    const deps = { db: database(env.DB), now: Date.now, allowPrivate: true, enqueue: async () => undefined };
    try {
      expect(await deliverNotification(deps, notifyMsg(blocked.id, issueId, "opened"))).toMatchObject({ kind: "retrying" });
      expect(await deliverNotification(deps, notifyMsg(cross.id, issueId, "opened"))).toMatchObject({ kind: "sent" });
      // A 307 would resend PagerDuty's body, routing key and all, to the other origin.
      expect(await deliverNotification(deps, notifyMsg(pagerDuty.id, issueId, "opened"))).toMatchObject({ kind: "retrying" });
    } finally {
      spy.mockRestore();
    }
    expect(warnings.map((line) => JSON.parse(line))).toContainEqual(expect.objectContaining({ event: "notification.retrying", channel_id: blocked.id, error: "blocked_address" }));
    expect(warnings.map((line) => JSON.parse(line))).toContainEqual(expect.objectContaining({ event: "notification.retrying", channel_id: pagerDuty.id, error: "blocked_address" }));
    expect(await receiverRecords(pagerDutyKey)).toHaveLength(0);
    expect(await receiverRecords(blockedKey)).toHaveLength(1);
    expect((await receiverRecords(`${crossKey}-first`))[0].headers.authorization).toBe("GenieKey genie-key-123456");
    const [arrived] = await receiverRecords(crossKey);
    expect(arrived.headers.authorization).toBeUndefined();
  });
});
