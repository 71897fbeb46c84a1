import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayAndReceiver } from "./fixture";
import { waitFor } from "../support/wait-for";

// Issues and their notifications under wrangler dev: a destination fails, an issue opens, and five
// local sinks (standing in for a Slack incoming webhook, PagerDuty's Events API v2, a generic
// webhook endpoint, OpsGenie's Alert API and a Microsoft Teams incoming webhook) each check the
// format they receive, answering as the real service would: a 2xx for a well-formed message, a 4xx
// naming what is wrong otherwise.

const e2e = gatewayAndReceiver();
const SECRET = `whsec_${Buffer.from("end-to-end notification secret!!").toString("base64")}`;
const ROUTING_KEY = "e2eR0utingKey0123456789abcdefABC";
const GENIE_KEY = "e2e0a1b2-c3d4-e5f6-0718-293a4b5c6d7e";
const ISSUE_LINK = /\/v1\/issues\/(iss_[0-9a-z]{26})$/;

interface Received {
  transition: "opened" | "resolved" | null;
  issueId: string | null;
  problems: string[];
  body: any;
}

/** `path` is what followed the sink's kind: the channel's own path and query (OpsGenie's API paths). */
type Check = (body: string, headers: Record<string, string>, path: string) => Omit<Received, "body"> & { body: any };

function parse(raw: string): any {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

// https://api.slack.com/messaging/webhooks: a JSON body with `text` (mrkdwn; `<url|label>` is a link).
const slack: Check = (raw, headers) => {
  const body = parse(raw);
  const problems: string[] = [];
  if (!headers["content-type"]?.startsWith("application/json")) problems.push("content-type");
  if (typeof body?.text !== "string" || !body.text.trim()) problems.push("text");
  const link = /<(http[^|>]+)\|[^>]+>/.exec(body?.text ?? "");
  const issueId = link ? (ISSUE_LINK.exec(link[1]!)?.[1] ?? null) : null;
  if (!issueId) problems.push("no link to the issue");
  const transition = /resolved/.test(body?.text ?? "") ? "resolved" : /failing/.test(body?.text ?? "") ? "opened" : null;
  return { transition, issueId, problems, body };
};

// https://developer.pagerduty.com/docs/events-api-v2/trigger-events/ and .../resolve-events/
const pagerduty: Check = (raw) => {
  const body = parse(raw);
  const problems: string[] = [];
  if (body?.routing_key !== ROUTING_KEY) problems.push("routing_key");
  if (typeof body?.dedup_key !== "string" || body.dedup_key.length > 255) problems.push("dedup_key");
  if (body?.event_action === "trigger") {
    const p = body.payload ?? {};
    if (typeof p.summary !== "string" || !p.summary || p.summary.length > 1024) problems.push("payload.summary");
    if (typeof p.source !== "string" || !p.source) problems.push("payload.source");
    if (!["critical", "error", "warning", "info"].includes(p.severity)) problems.push("payload.severity");
    if (p.timestamp !== undefined && Number.isNaN(Date.parse(p.timestamp))) problems.push("payload.timestamp");
    if (!Array.isArray(body.links) || !body.links.every((l: any) => typeof l.href === "string" && ISSUE_LINK.test(l.href))) problems.push("links");
  } else if (body?.event_action === "resolve") {
    if (body.payload !== undefined) problems.push("a resolve carries no payload");
  } else problems.push("event_action");
  const transition = body?.event_action === "trigger" ? "opened" : body?.event_action === "resolve" ? "resolved" : null;
  return { transition, issueId: body?.dedup_key ?? null, problems, body };
};

// Standard Webhooks, verified with its official library.
const webhook: Check = (raw, headers) => {
  try {
    const body = new Webhook(SECRET).verify(raw, headers) as any;
    const transition = body.type === "issue.opened" ? "opened" : body.type === "issue.resolved" ? "resolved" : null;
    const problems = transition ? [] : ["type"];
    if (headers["webhook-id"] !== `${body.data?.id}_${transition}`) problems.push("webhook-id");
    return { transition, issueId: body.data?.id ?? null, problems, body };
  } catch (error) {
    return { transition: null, issueId: null, problems: [`signature: ${error}`], body: null };
  }
};

// https://docs.opsgenie.com/docs/alert-api: create with an alias, close by alias; GenieKey auth.
const opsgenie: Check = (raw, headers, path) => {
  const body = parse(raw);
  const problems: string[] = [];
  if (headers.authorization !== `GenieKey ${GENIE_KEY}`) problems.push("authorization");
  const close = /^\/v2\/alerts\/([^/?]+)\/close\?identifierType=alias$/.exec(path);
  if (path === "/v2/alerts") {
    if (typeof body?.message !== "string" || !body.message || body.message.length > 130) problems.push("message");
    if (typeof body?.alias !== "string" || !body.alias || body.alias.length > 512) problems.push("alias");
    if (typeof body?.description === "string" && body.description.length > 15_000) problems.push("description");
    if (body?.details && Object.values(body.details).some((v) => typeof v !== "string")) problems.push("details are strings only");
    return { transition: "opened", issueId: body?.alias ?? null, problems, body };
  }
  if (close) return { transition: "resolved", issueId: decodeURIComponent(close[1]!), problems, body };
  return { transition: null, issueId: null, problems: [...problems, `path ${path}`], body };
};

// Teams incoming webhook: a message whose attachment is an Adaptive Card; the button links the issue.
const teams: Check = (raw) => {
  const body = parse(raw);
  const problems: string[] = [];
  const attachment = body?.attachments?.[0];
  if (body?.type !== "message") problems.push("type");
  if (attachment?.contentType !== "application/vnd.microsoft.card.adaptive") problems.push("attachments.0.contentType");
  const card = attachment?.content;
  if (card?.type !== "AdaptiveCard" || typeof card?.version !== "string" || !Array.isArray(card?.body)) problems.push("card");
  const issueId = ISSUE_LINK.exec(card?.actions?.[0]?.url ?? "")?.[1] ?? null;
  if (!issueId) problems.push("no link to the issue");
  const title = String(card?.body?.[0]?.text ?? "");
  const transition = /work again/.test(title) ? "resolved" : /failing/.test(title) ? "opened" : null;
  return { transition, issueId, problems, body };
};

const checks = { slack, pagerduty, webhook, opsgenie, teams };
type Kind = keyof typeof checks;

/** One server with a path per kind; PagerDuty answers 202 as the real API does. */
async function startSinks() {
  const received: Record<Kind, Received[]> = { slack: [], pagerduty: [], webhook: [], opsgenie: [], teams: [] };
  const server: Server = createServer(async (req, res) => {
    const [, kind, path] = /^\/([a-z]+)(.*)$/.exec(req.url!) as unknown as [string, Kind, string];
    const parts: Buffer[] = [];
    for await (const chunk of req) parts.push(chunk as Buffer);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    const check = checks[kind];
    if (!check || req.method !== "POST") {
      res.writeHead(404).end();
      return;
    }
    const result = check(Buffer.concat(parts).toString("utf8"), headers, path);
    received[kind].push(result);
    if (result.problems.length) res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ errors: result.problems }));
    else res.writeHead(kind === "pagerduty" || kind === "opsgenie" ? 202 : 200, { "content-type": "application/json" }).end(JSON.stringify({ status: "success", dedup_key: result.issueId }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe("issues and notifications under wrangler dev", () => {
  let sinks: Awaited<ReturnType<typeof startSinks>>;
  beforeAll(async () => {
    sinks = await startSinks();
  });
  afterAll(() => sinks?.close());

  it("a failing destination opens one issue: each channel gets one 'opened', then one 'resolved' once it recovers", async () => {
    const { admin } = e2e.gateway;
    for (const body of [
      { type: "slack", url: `${sinks.url}/slack` },
      { type: "pagerduty", routing_key: ROUTING_KEY, url: `${sinks.url}/pagerduty` },
      { type: "webhook", url: `${sinks.url}/webhook`, secret: SECRET },
      { type: "opsgenie", api_key: GENIE_KEY, url: `${sinks.url}/opsgenie` },
      { type: "teams", url: `${sinks.url}/teams` },
    ]) expect((await admin("POST", "/v1/notification-channels", body)).status).toBe(201);

    const source = (await admin("POST", "/v1/sources", { name: "orders" })).json;
    const destination = (await admin("POST", "/v1/destinations", { name: "erp", url: `${e2e.receiver.url}/seq/500/erp` })).json;
    const connection = (await admin("POST", "/v1/connections", {
      name: "orders-to-erp", source_id: source.id, destination_id: destination.id,
      rules: [{ type: "retry", strategy: "linear", count: 0, interval_ms: 1000 }],
    })).json;

    // Four events in, each failing once and ending failed: one issue, one notification per channel.
    const EVENTS = 4;
    for (let i = 0; i < EVENTS; i++) {
      expect((await fetch(`${e2e.gateway.url}/e/${source.id}`, { method: "POST", body: JSON.stringify({ order: i }) })).status).toBe(200);
    }
    const failed = await waitFor("every event failed", async () => {
      const res = await admin("GET", `/v1/events?connection_id=${connection.id}&status=failed`);
      return res.json.data.length === EVENTS ? res.json.data : undefined;
    }, 30_000);
    const issue = await waitFor("the issue counting every failure", async () => {
      const res = await admin("GET", `/v1/issues?connection_id=${connection.id}`);
      return res.json.data.length === 1 && res.json.data[0].failures === EVENTS ? res.json.data[0] : undefined;
    }, 30_000);
    expect(issue.status).toBe("open");
    await waitFor("an 'opened' at every sink", async () => Object.values(sinks.received).every((r) => r.length >= 1), 30_000).catch((error) => {
      throw new Error(`${error.message}\nsinks: ${JSON.stringify(sinks.received)}\n${e2e.gateway.logs().split("\n").filter((l) => /notif|issue|queue|error/i.test(l)).join("\n")}`);
    });
    await new Promise((r) => setTimeout(r, 3_000));

    for (const kind of Object.keys(checks) as Kind[]) {
      const got = sinks.received[kind];
      expect(got.map((r) => r.problems), kind).toEqual([[]]);
      expect(got.map((r) => [r.transition, r.issueId]), kind).toEqual([["opened", issue.id]]);
    }
    expect(sinks.received.slack[0]!.body.text).toContain("orders-to-erp → erp");
    expect(sinks.received.slack[0]!.body.text).toContain(`<${e2e.gateway.url}/v1/issues/${issue.id}|`);
    expect(sinks.received.pagerduty[0]!.body.payload.summary).toContain("orders-to-erp");
    expect(sinks.received.webhook[0]!.body.data).toMatchObject({ id: issue.id, status: "open", failures: EVENTS, connection_name: "orders-to-erp" });

    // The destination recovers and one event is retried by hand: the issue resolves.
    expect((await admin("PATCH", `/v1/destinations/${destination.id}`, { url: `${e2e.receiver.url}/ok/erp` })).status).toBe(200);
    expect((await admin("POST", `/v1/events/${failed[0].id}/retry`)).status).toBeLessThan(300);
    const resolved = await waitFor("the issue resolved", async () => {
      const res = await admin("GET", `/v1/issues/${issue.id}`);
      return res.json.status === "resolved" ? res.json : undefined;
    }, 30_000);
    expect(resolved.resolved_at).not.toBeNull();
    await waitFor("a 'resolved' at every sink", async () => Object.values(sinks.received).every((r) => r.length >= 2), 30_000);
    await new Promise((r) => setTimeout(r, 3_000));

    for (const kind of Object.keys(checks) as Kind[]) {
      const got = sinks.received[kind];
      expect(got.map((r) => r.problems), kind).toEqual([[], []]);
      expect(got.map((r) => [r.transition, r.issueId]), kind).toEqual([["opened", issue.id], ["resolved", issue.id]]);
    }
    expect(sinks.received.pagerduty[1]!.body).toEqual({ routing_key: ROUTING_KEY, dedup_key: issue.id, event_action: "resolve" });
    // In and out: four failed deliveries and one success at the destination; ten notifications.
    expect(e2e.receiver.records.get("erp")).toHaveLength(EVENTS + 1);
    expect(Object.values(sinks.received).flat()).toHaveLength(10);
    expect((await admin("GET", `/v1/issues?connection_id=${connection.id}`)).json.data).toHaveLength(1);
  }, 90_000);
});
