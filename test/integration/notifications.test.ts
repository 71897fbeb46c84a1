import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { database } from "../../src/db/client";
import worker from "../../src/index";
import { deliverNotification, type NotifyDeps } from "../../src/observability/notifications/deliver-notification";
import { notifyMsg, type NotifyMessage } from "../../src/queue/messages";
import { admin, created, ingest, ORIGIN, pipeline, receiverRecords, receiverUrl, uniqueKey, waitFor } from "./gateway";

// Notification channels (/v1/notification-channels) and the notifications an issue sends to them,
// through the real queue consumer, with the test receiver standing in for Slack, PagerDuty and a
// generic webhook endpoint. Storage is shared by the file: every test deletes its channels after
// itself, since an issue notifies every channel there is.

const CHANNELS = "/v1/notification-channels";
const PAGERDUTY = "https://events.pagerduty.com/v2/enqueue";
const NO_RETRY = [{ type: "retry", strategy: "linear", count: 0, interval_ms: 1_000 }];
const SECRET = `whsec_${btoa("notification secret of 32 bytes!")}`;
const ROUTING_KEY = "R0UT1NGK3Y0123456789abcdefWXYZ42";
const GENIE_KEY = "9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b";

afterEach(async () => {
  const { json } = await admin("GET", `${CHANNELS}?limit=250`);
  for (const channel of json.data) await admin("DELETE", `${CHANNELS}/${channel.id}`);
});

const sink = (key: string) => `${receiverUrl()}/ok/${key}`;

function text(record: { body_base64: string }): string {
  return new TextDecoder().decode(Uint8Array.from(atob(record.body_base64), (c) => c.charCodeAt(0)));
}

const json = (record: { body_base64: string }) => JSON.parse(text(record));

const signed = (record: { headers: Record<string, string> }) => ({
  "webhook-id": record.headers["webhook-id"]!,
  "webhook-timestamp": record.headers["webhook-timestamp"]!,
  "webhook-signature": record.headers["webhook-signature"]!,
});

async function recordsAtLeast(key: string, count: number, timeoutMs?: number) {
  return waitFor(`${count} notification(s) at ${key}`, async () => {
    const records = await receiverRecords(key);
    return records.length >= count ? records : undefined;
  }, timeoutMs);
}

/** Long enough for a stray duplicate to arrive through the local queue (batches wait up to 1 s). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2_000));

async function send(sourceId: string, count: number) {
  for (let i = 0; i < count; i++) expect((await ingest(sourceId, { body: JSON.stringify({ n: i }) })).status).toBe(200);
}

async function openIssue(label: string, events = 1) {
  const route = await pipeline(label, `/seq/500/${uniqueKey(label)}`, NO_RETRY);
  await send(route.source.id, events);
  const issue = await waitFor("an issue", async () => {
    const res = await admin("GET", `/v1/issues?connection_id=${route.connection.id}`);
    return res.json.data.find((i: any) => i.failures >= events);
  });
  return { ...route, issue };
}

async function recover(route: { source: { id: string }; destination: { id: string }; connection: { id: string } }, issueId: string) {
  expect((await admin("PATCH", `/v1/destinations/${route.destination.id}`, { url: sink(uniqueKey("recovered")) })).status).toBe(200);
  await send(route.source.id, 1);
  await waitFor("the issue resolved", async () => (await admin("GET", `/v1/issues/${issueId}`)).json.status === "resolved");
}

describe("notification channels API", () => {
  it.each([
    [{ type: "slack" }, "url"],
    [{ type: "slack", url: "ftp://hooks.example.com/x" }, "url"],
    [{ type: "slack", url: "https://user:pass@hooks.example.com/x" }, "url"],
    [{ type: "slack", url: "https://hooks.example.com/x", routing_key: ROUTING_KEY }, "routing_key"],
    [{ type: "pagerduty" }, "routing_key"],
    [{ type: "pagerduty", routing_key: "" }, "routing_key"],
    [{ type: "webhook", url: "https://hooks.example.com/x" }, "secret"],
    [{ type: "webhook", url: "https://hooks.example.com/x", secret: "not-a-whsec-secret" }, "secret"],
    [{ type: "webhook", url: "https://hooks.example.com/x", secret: "whsec_AAAAAAAAAAAAAAAAA" }, "secret"],
    [{ type: "email", url: "https://hooks.example.com/x" }, "type"],
    [{ url: "https://hooks.example.com/x" }, "type"],
  ])("refuses %j with a 400 naming %s", async (body, field) => {
    const res = await admin("POST", CHANNELS, body);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    // A field the type does not have is reported by name in the message (zod's unrecognized key).
    expect(res.json.errors.some((e: any) => e.path === field || e.message.includes(`"${field}"`)), JSON.stringify(res.json.errors)).toBe(true);
  });

  it("creates each type; PagerDuty's URL defaults to the Events API v2 endpoint; credentials come back masked", async () => {
    const slackUrl = `https://hooks.slack.com/services/T0001/B0001/${uniqueKey("slackhookpath")}`;
    const slack = await created(CHANNELS, { type: "slack", url: slackUrl });
    const pagerduty = await created(CHANNELS, { type: "pagerduty", routing_key: ROUTING_KEY });
    const webhook = await created(CHANNELS, { type: "webhook", url: "https://ops.example.com/hooks", secret: SECRET });

    expect(slack).toMatchObject({ type: "slack", routing_key: null, secret: null });
    expect(slack.id).toMatch(/^nch_/);
    expect(slack.url).toBe(`https://hooks.slack.com/••••${slackUrl.slice(-4)}`);
    expect(pagerduty).toMatchObject({ type: "pagerduty", url: PAGERDUTY, routing_key: `••••${ROUTING_KEY.slice(-4)}`, secret: null });
    expect(webhook).toMatchObject({ type: "webhook", url: "https://ops.example.com/hooks", routing_key: null, secret: `••••${SECRET.slice(-4)}` });

    const everything = JSON.stringify([
      slack, pagerduty, webhook,
      ...(await Promise.all([slack, pagerduty, webhook].map(async (c) => (await admin("GET", `${CHANNELS}/${c.id}`)).json))),
      (await admin("GET", CHANNELS)).json,
    ]);
    for (const secret of [slackUrl.split("/").slice(-3).join("/"), ROUTING_KEY, SECRET, SECRET.slice("whsec_".length)]) {
      expect(everything).not.toContain(secret);
    }
    expect((await admin("GET", `${CHANNELS}/${pagerduty.id}`)).json).toEqual(pagerduty);
  });

  it("refuses private and loopback URLs unless the deployment allows them, on create and update", async () => {
    const strict = { ...env, ALLOW_PRIVATE_DESTINATIONS: "false" };
    const call = async (method: string, path: string, body: unknown) => {
      const ctx = createExecutionContext();
      const res = await worker.fetch(new Request(`${ORIGIN}${path}`, {
        method, headers: { authorization: `Bearer ${env.ADMIN_TOKEN}`, "content-type": "application/json" }, body: JSON.stringify(body),
      }), strict, ctx);
      await waitOnExecutionContext(ctx);
      return { status: res.status, json: (await res.json()) as any };
    };
    for (const url of ["http://127.0.0.1:9000/hook", "http://169.254.169.254/latest", "http://10.0.0.7/hook", "http://localhost/hook"]) {
      const res = await call("POST", CHANNELS, { type: "webhook", url, secret: SECRET });
      expect(res.status, url).toBe(400);
      expect(res.json.errors).toEqual([{ path: "url", message: expect.stringMatching(/loopback, private|metadata/) }]);
    }
    // Metadata addresses are refused even where private ones are allowed (this file's env).
    const metadata = await admin("POST", CHANNELS, { type: "webhook", url: "http://169.254.169.254/latest", secret: SECRET });
    expect(metadata.json.errors).toEqual([{ path: "url", message: expect.stringMatching(/metadata address, which is never allowed/) }]);
    const pagerdutyOverride = await call("POST", CHANNELS, { type: "pagerduty", routing_key: ROUTING_KEY, url: "http://192.168.1.10/enqueue" });
    expect(pagerdutyOverride.status).toBe(400);
    const publicOne = await call("POST", CHANNELS, { type: "slack", url: "https://hooks.slack.com/services/T1/B1/abcdefgh" });
    expect(publicOne.status).toBe(201);
    const update = await call("PATCH", `${CHANNELS}/${publicOne.json.id}`, { url: "http://[::1]/hook" });
    expect(update.status).toBe(400);
    expect(update.json.errors.map((e: any) => e.path)).toEqual(["url"]);
  });

  it("updates the fields of the channel's type only, and masks a new secret", async () => {
    const webhook = await created(CHANNELS, { type: "webhook", url: "https://ops.example.com/a", secret: SECRET });
    const pagerduty = await created(CHANNELS, { type: "pagerduty", routing_key: ROUTING_KEY });
    const rotated = `whsec_${btoa("a rotated secret for the channel")}`;
    const res = await admin("PATCH", `${CHANNELS}/${webhook.id}`, { secret: rotated, url: "https://ops.example.com/b" });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ url: "https://ops.example.com/b", secret: `••••${rotated.slice(-4)}` });
    expect(Date.parse(res.json.updated_at)).toBeGreaterThanOrEqual(Date.parse(webhook.updated_at));

    const wrongField = await admin("PATCH", `${CHANNELS}/${webhook.id}`, { routing_key: ROUTING_KEY });
    expect(wrongField.status).toBe(400);
    expect(wrongField.json.errors.map((e: any) => e.path)).toEqual(["routing_key"]);
    expect((await admin("PATCH", `${CHANNELS}/${pagerduty.id}`, { secret: SECRET })).json.errors.map((e: any) => e.path)).toEqual(["secret"]);
    expect((await admin("PATCH", `${CHANNELS}/${webhook.id}`, { type: "slack" })).status).toBe(400);
    expect((await admin("PATCH", `${CHANNELS}/${webhook.id}`, { secret: "whsec_short" })).json.errors.map((e: any) => e.path)).toEqual(["secret"]);
    expect((await admin("PATCH", `${CHANNELS}/nch_00000000000000000000000000`, { url: "https://ops.example.com/c" })).status).toBe(404);
    expect((await admin("PATCH", "/v1/notification-channels/des_1", { url: "https://ops.example.com/c" })).status).toBe(400);
  });

  it("answers 409 for a second channel sending to the same place, and 404 once deleted", async () => {
    const url = "https://hooks.slack.com/services/T2/B2/samehook";
    const first = await created(CHANNELS, { type: "slack", url });
    const again = await admin("POST", CHANNELS, { type: "slack", url });
    expect(again.status).toBe(409);
    expect(again.json.errors).toEqual([{ path: "url", message: `same as ${first.id}` }]);
    // Two PagerDuty services share the endpoint and differ by routing key.
    await created(CHANNELS, { type: "pagerduty", routing_key: ROUTING_KEY });
    const otherService = await created(CHANNELS, { type: "pagerduty", routing_key: "another-routing-key-000000000000" });
    expect((await admin("PATCH", `${CHANNELS}/${otherService.id}`, { routing_key: ROUTING_KEY })).status).toBe(409);

    expect((await admin("DELETE", `${CHANNELS}/${first.id}`)).status).toBe(204);
    expect((await admin("GET", `${CHANNELS}/${first.id}`)).status).toBe(404);
    expect((await admin("DELETE", `${CHANNELS}/${first.id}`)).status).toBe(404);
    expect((await admin("POST", CHANNELS, { type: "slack", url })).status).toBe(201);
  });

  it("lists newest first, filtered by type, page by page", async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await created(CHANNELS, { type: "webhook", url: `https://ops.example.com/${i}`, secret: SECRET })).id);
    await created(CHANNELS, { type: "pagerduty", routing_key: ROUTING_KEY });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await admin("GET", `${CHANNELS}?type=webhook&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      expect(res.json.data.length).toBeLessThanOrEqual(2);
      seen.push(...res.json.data.map((c: any) => c.id));
      cursor = res.json.next_cursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    expect((await admin("GET", `${CHANNELS}?type=sms`)).json.errors.map((e: any) => e.path)).toEqual(["query.type"]);
  });
});

describe("notifications on issue open and resolve", () => {
  it("sends each channel exactly one well-formed message when an issue opens and one when it resolves", async () => {
    const keys = { slack: uniqueKey("slack"), pagerduty: uniqueKey("pd"), webhook: uniqueKey("wh") };
    await created(CHANNELS, { type: "slack", url: sink(keys.slack) });
    await created(CHANNELS, { type: "pagerduty", routing_key: ROUTING_KEY, url: sink(keys.pagerduty) });
    await created(CHANNELS, { type: "webhook", url: sink(keys.webhook), secret: SECRET });

    // Ten failed events: one issue, one notification per channel.
    const route = await openIssue("notify", 10);
    const { issue } = route;
    const [slackOpened] = await recordsAtLeast(keys.slack, 1);
    const [pdOpened] = await recordsAtLeast(keys.pagerduty, 1);
    const [whOpened] = await recordsAtLeast(keys.webhook, 1);
    await settle();
    for (const key of Object.values(keys)) expect(await receiverRecords(key)).toHaveLength(1);

    const link = `${ORIGIN}/v1/issues/${issue.id}`;
    expect(slackOpened.headers["content-type"]).toBe("application/json");
    const slackText = json(slackOpened).text as string;
    expect(slackText).toContain(`<${link}|Issue ${issue.id}>`);
    expect(slackText).toContain(`*${route.connection.name} → ${route.destination.name}*`);
    expect(slackText).toContain("HTTP 500");

    const trigger = json(pdOpened);
    expect(trigger).toMatchObject({
      routing_key: ROUTING_KEY,
      event_action: "trigger",
      dedup_key: issue.id,
      payload: {
        source: new URL(receiverUrl()).host,
        severity: "error",
        component: route.destination.name,
        group: route.connection.name,
        custom_details: { issue_id: issue.id, connection_id: route.connection.id, destination_id: route.destination.id },
      },
      links: [{ href: link, text: `Issue ${issue.id}` }],
    });
    expect(trigger.payload.summary).toEqual(expect.stringContaining(route.connection.name));
    expect(trigger.payload.summary.length).toBeLessThanOrEqual(1024);
    expect(Date.parse(trigger.payload.timestamp)).toBe(Date.parse(issue.first_seen_at));

    const opened = new Webhook(SECRET).verify(text(whOpened), signed(whOpened)) as any;
    expect(whOpened.headers["webhook-id"]).toBe(`${issue.id}_opened`);
    expect(opened).toMatchObject({ type: "issue.opened", data: { id: issue.id, status: "open", connection_id: route.connection.id, url: link } });
    expect(() => new Webhook(`whsec_${btoa("somebody else's secret, 32 bytes")}`).verify(text(whOpened), signed(whOpened))).toThrow();

    await recover(route, issue.id);
    const slack = await recordsAtLeast(keys.slack, 2);
    const pagerduty = await recordsAtLeast(keys.pagerduty, 2);
    const webhook = await recordsAtLeast(keys.webhook, 2);
    // More successes resolve nothing more and notify nobody.
    await send(route.source.id, 2);
    await settle();
    for (const key of Object.values(keys)) expect(await receiverRecords(key)).toHaveLength(2);

    expect(json(slack[1]!).text).toContain("resolved");
    expect(json(slack[1]!).text).toContain(`<${link}|Issue ${issue.id}>`);
    expect(json(pagerduty[1]!)).toEqual({ routing_key: ROUTING_KEY, dedup_key: issue.id, event_action: "resolve" });
    const resolved = new Webhook(SECRET).verify(text(webhook[1]!), signed(webhook[1]!)) as any;
    expect(webhook[1]!.headers["webhook-id"]).toBe(`${issue.id}_resolved`);
    expect(resolved).toMatchObject({ type: "issue.resolved", data: { id: issue.id, status: "resolved", failures: 10 } });
    expect(resolved.data.resolved_at).not.toBeNull();
  });

  it("notifies on a resolution by hand, and not on an acknowledgement", async () => {
    const keys = { slack: uniqueKey("slack-hand"), webhook: uniqueKey("wh-hand") };
    await created(CHANNELS, { type: "slack", url: sink(keys.slack) });
    await created(CHANNELS, { type: "webhook", url: sink(keys.webhook), secret: SECRET });
    const { issue } = await openIssue("by-hand");
    await recordsAtLeast(keys.slack, 1);
    await recordsAtLeast(keys.webhook, 1);

    expect((await admin("PATCH", `/v1/issues/${issue.id}`, { status: "acknowledged" })).status).toBe(200);
    await settle();
    expect(await receiverRecords(keys.webhook)).toHaveLength(1);

    expect((await admin("PATCH", `/v1/issues/${issue.id}`, { status: "resolved" })).status).toBe(200);
    const [, resolved] = await recordsAtLeast(keys.webhook, 2);
    await recordsAtLeast(keys.slack, 2);
    expect((new Webhook(SECRET).verify(text(resolved!), signed(resolved!)) as any).type).toBe("issue.resolved");
    await settle();
    expect(await receiverRecords(keys.slack)).toHaveLength(2);
  });

  it("retries through the queue: a sink that fails once gets the notification again about 10 s later", async () => {
    const key = uniqueKey("retry-queue");
    await created(CHANNELS, { type: "webhook", url: `${receiverUrl()}/seq/500,200/${key}`, secret: SECRET });
    const { issue } = await openIssue("retry-queue");
    const [first, second] = await recordsAtLeast(key, 2, 25_000);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(9_000);
    expect(second!.headers["webhook-id"]).toBe(first!.headers["webhook-id"]);
    expect((new Webhook(SECRET).verify(text(second!), signed(second!)) as any).data.id).toBe(issue.id);
    await settle();
    expect(await receiverRecords(key)).toHaveLength(2);
  }, 40_000);

  it("never writes a channel's credentials to the logs", async () => {
    const lines: string[] = [];
    for (const method of ["log", "info", "warn", "error"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
    }
    try {
      const slackKey = uniqueKey("slack-credential");
      await created(CHANNELS, { type: "slack", url: sink(slackKey) });
      await created(CHANNELS, { type: "pagerduty", routing_key: ROUTING_KEY, url: `${receiverUrl()}/seq/400/${uniqueKey("pd-logs")}` });
      await created(CHANNELS, { type: "webhook", url: `${receiverUrl()}/seq/500/${uniqueKey("wh-logs")}`, secret: SECRET });
      await created(CHANNELS, { type: "opsgenie", api_key: GENIE_KEY, url: `${receiverUrl()}/seq/401/${uniqueKey("og-logs")}` });
      await admin("POST", CHANNELS, { type: "webhook", url: sink(uniqueKey("bad")), secret: `${SECRET}%` });
      await openIssue("logs");
      await recordsAtLeast(slackKey, 1);
      await waitFor("the four notifications logged", async () => lines.filter((l) => /"event":"notification\.(sent|failed|retrying)"/.test(l)).length >= 4);
      const logged = lines.join("\n");
      for (const secret of [slackKey, ROUTING_KEY, SECRET, SECRET.slice("whsec_".length), GENIE_KEY]) expect(logged).not.toContain(secret);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe("one notification, sent by deliverNotification", () => {
  function deps() {
    const queued: [NotifyMessage, number][] = [];
    const value: NotifyDeps = { db: database(env.DB), now: () => Date.now(), allowPrivate: true, enqueue: async (message, delayMs) => void queued.push([message, delayMs]) };
    return { deps: value, queued };
  }

  /** An issue opened before the channel exists, so that only the test sends to the channel. */
  async function channelFor(label: string, path: string) {
    const { issue, ...route } = await openIssue(label);
    const channel = await created(CHANNELS, { type: "webhook", url: `${receiverUrl()}${path}`, secret: SECRET });
    return { issue, channel, route };
  }

  it("answers 500 twice then 200: the notification arrives on the third try, the same message each time", async () => {
    const key = uniqueKey("third-try");
    const { issue, channel } = await channelFor("third-try", `/seq/500,500,200/${key}`);
    const { deps: d, queued } = deps();

    expect(await deliverNotification(d, notifyMsg(channel.id, issue.id, "opened"))).toMatchObject({ kind: "retrying" });
    expect(queued).toHaveLength(1);
    const [second, firstDelay] = queued[0]!;
    expect(second).toEqual(notifyMsg(channel.id, issue.id, "opened", 2));
    expect(firstDelay).toBeGreaterThanOrEqual(9_000);
    expect(firstDelay).toBeLessThanOrEqual(11_000);

    expect(await deliverNotification(d, second)).toMatchObject({ kind: "retrying" });
    const [third, secondDelay] = queued[1]!;
    expect(third.attempt).toBe(3);
    expect(secondDelay).toBeGreaterThanOrEqual(18_000);
    expect(secondDelay).toBeLessThanOrEqual(22_000);

    expect(await deliverNotification(d, third)).toEqual({ kind: "sent", status: 200 });
    expect(queued).toHaveLength(2);
    const records = await receiverRecords(key);
    expect(records).toHaveLength(3);
    expect(new Set(records.map((r) => r.headers["webhook-id"]))).toEqual(new Set([`${issue.id}_opened`]));
    for (const record of records) expect((new Webhook(SECRET).verify(text(record), signed(record)) as any).type).toBe("issue.opened");
  });

  it("does not retry a 400, and gives up once the tries run out", async () => {
    const rejected = uniqueKey("rejected");
    const { issue, channel } = await channelFor("rejected", `/seq/400/${rejected}`);
    const { deps: d, queued } = deps();
    expect(await deliverNotification(d, notifyMsg(channel.id, issue.id, "opened"))).toEqual({ kind: "gave_up", status: 400, error: null });
    expect(queued).toEqual([]);
    expect(await receiverRecords(rejected)).toHaveLength(1);

    const down = await created(CHANNELS, { type: "webhook", url: `${receiverUrl()}/seq/503/${uniqueKey("down")}`, secret: SECRET });
    expect(await deliverNotification(d, notifyMsg(down.id, issue.id, "opened", 8))).toEqual({ kind: "gave_up", status: 503, error: null });
    expect(queued).toEqual([]);
  });

  it("waits as long as a 429's Retry-After asks", async () => {
    const { issue, channel } = await channelFor("throttled", `/throttle/45/${uniqueKey("throttled")}`);
    const { deps: d, queued } = deps();
    expect(await deliverNotification(d, notifyMsg(channel.id, issue.id, "opened"))).toEqual({ kind: "retrying", delayMs: 45_000 });
    expect(queued[0]![1]).toBe(45_000);
  });

  it("drops a pending notification whose channel was deleted, and a late 'opened' for a resolved issue", async () => {
    const key = uniqueKey("dropped");
    const { issue, channel, route } = await channelFor("dropped", `/ok/${key}`);
    const { deps: d, queued } = deps();

    await recover(route, issue.id);
    // The recovery's own notification, through the queue, while the channel exists.
    await recordsAtLeast(key, 1);
    expect(await deliverNotification(d, notifyMsg(channel.id, issue.id, "opened"))).toEqual({ kind: "skipped", reason: "issue already resolved" });
    expect(await deliverNotification(d, notifyMsg(channel.id, issue.id, "resolved"))).toEqual({ kind: "sent", status: 200 });

    expect((await admin("DELETE", `${CHANNELS}/${channel.id}`)).status).toBe(204);
    expect(await deliverNotification(d, notifyMsg(channel.id, issue.id, "resolved", 2))).toEqual({ kind: "skipped", reason: "channel deleted" });
    expect(queued).toEqual([]);
    await settle();
    const records = await receiverRecords(key);
    expect(records.map((r) => json(r).type)).toEqual(["issue.resolved", "issue.resolved"]);
  });
});
