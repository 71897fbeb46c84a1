import { describe, expect, it } from "vitest";
import { OPSGENIE_API_URL } from "../../src/observability/notifications/opsgenie";
import { admin, created, ingest, ORIGIN, pipeline, receiverRecords, receiverUrl, uniqueKey, waitFor } from "./gateway";

// OpsGenie and Microsoft Teams channels, beside Slack, PagerDuty and the signed webhook
// (notifications.test.ts): the API, and the messages an issue sends through the real queue
// consumer to the test receiver standing in for both services.

const CHANNELS = "/v1/notification-channels";
const API_KEY = "0a1b2c3d-4e5f-6789-abcd-ef0123456789";
const NO_RETRY = [{ type: "retry", strategy: "linear", count: 0, interval_ms: 1_000 }];

const sink = (key: string) => `${receiverUrl()}/ok/${key}`;
const json = (record: { body_base64: string }) =>
  JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(record.body_base64), (c) => c.charCodeAt(0))));
const recordsAtLeast = (key: string, count: number) =>
  waitFor(`${count} notification(s) at ${key}`, async () => {
    const records = await receiverRecords(key);
    return records.length >= count ? records : undefined;
  });

describe("OpsGenie and Teams channels API", () => {
  it.each([
    [{ type: "opsgenie" }, "api_key"],
    [{ type: "opsgenie", api_key: "" }, "api_key"],
    [{ type: "opsgenie", api_key: "key\r\nx-injected: 1" }, "api_key"],
    [{ type: "opsgenie", api_key: API_KEY, url: "ftp://api.opsgenie.com" }, "url"],
    [{ type: "opsgenie", api_key: API_KEY, routing_key: "rk" }, "routing_key"],
    [{ type: "teams" }, "url"],
    [{ type: "teams", url: "https://example.webhook.office.com/x", secret: "whsec_x" }, "secret"],
  ])("refuses %j with a 400 naming %s", async (body, field) => {
    const res = await admin("POST", CHANNELS, body);
    expect(res.status).toBe(400);
    expect(res.json.errors.some((e: any) => e.path === field || e.message.includes(`"${field}"`)), JSON.stringify(res.json.errors)).toBe(true);
  });

  it("creates both; OpsGenie's URL defaults to the US API; the API key and the Teams URL come back masked", async () => {
    const teamsUrl = `https://contoso.webhook.office.com/webhookb2/${uniqueKey("teamshookpath")}`;
    const opsgenie = await created(CHANNELS, { type: "opsgenie", api_key: API_KEY });
    const teams = await created(CHANNELS, { type: "teams", url: teamsUrl });
    expect(opsgenie).toMatchObject({ type: "opsgenie", url: OPSGENIE_API_URL, api_key: `••••${API_KEY.slice(-4)}`, routing_key: null, secret: null });
    expect(teams).toMatchObject({ type: "teams", url: `https://contoso.webhook.office.com/••••${teamsUrl.slice(-4)}`, api_key: null });
    const everything = JSON.stringify([opsgenie, teams, (await admin("GET", CHANNELS)).json, (await admin("GET", `${CHANNELS}/${opsgenie.id}`)).json]);
    for (const secret of [API_KEY, teamsUrl.split("/").pop()!]) expect(everything).not.toContain(secret);

    const eu = await created(CHANNELS, { type: "opsgenie", api_key: "another-key-0000", url: "https://api.eu.opsgenie.com" });
    expect(eu.url).toBe("https://api.eu.opsgenie.com");
    expect((await admin("POST", CHANNELS, { type: "opsgenie", api_key: API_KEY })).status).toBe(409);

    const rotated = await admin("PATCH", `${CHANNELS}/${opsgenie.id}`, { api_key: "rotated-key-9999" });
    expect(rotated.json).toMatchObject({ api_key: "••••9999", routing_key: null });
    expect((await admin("PATCH", `${CHANNELS}/${teams.id}`, { api_key: API_KEY })).json.errors.map((e: any) => e.path)).toEqual(["api_key"]);
    expect((await admin("GET", `${CHANNELS}?type=teams`)).json.data.map((c: any) => c.id)).toEqual([teams.id]);
    for (const channel of [opsgenie, teams, eu]) expect((await admin("DELETE", `${CHANNELS}/${channel.id}`)).status).toBe(204);
  });
});

describe("OpsGenie and Teams notifications", () => {
  it("create an OpsGenie alert by alias and close it on resolve; post a Teams card with a link each time", async () => {
    const keys = { opsgenie: uniqueKey("opsgenie"), teams: uniqueKey("teams") };
    const opsgenie = await created(CHANNELS, { type: "opsgenie", api_key: API_KEY, url: sink(keys.opsgenie) });
    const teams = await created(CHANNELS, { type: "teams", url: sink(keys.teams) });

    const route = await pipeline("og-teams", `/seq/500/${uniqueKey("og-teams")}`, NO_RETRY);
    expect((await ingest(route.source.id, { body: "{}" })).status).toBe(200);
    const issue = await waitFor("an issue", async () => (await admin("GET", `/v1/issues?connection_id=${route.connection.id}`)).json.data[0]);
    const link = `${ORIGIN}/v1/issues/${issue.id}`;

    const [create] = await recordsAtLeast(keys.opsgenie, 1);
    expect(create.path).toBe(`/ok/${keys.opsgenie}/v2/alerts`);
    expect(create.headers.authorization).toBe(`GenieKey ${API_KEY}`);
    expect(create.headers["content-type"]).toBe("application/json");
    const alert = json(create);
    expect(alert).toMatchObject({
      alias: issue.id,
      message: `Webhook deliveries failing on ${route.connection.name} → ${route.destination.name}`,
      source: "event-gateway",
      entity: route.destination.name,
      details: { issue_id: issue.id, connection_id: route.connection.id, destination_id: route.destination.id, last_answer: "HTTP 500", url: link },
    });
    expect(alert.message.length).toBeLessThanOrEqual(130);
    expect(alert.description).toContain(link);

    const [opened] = await recordsAtLeast(keys.teams, 1);
    const message = json(opened);
    expect(message.type).toBe("message");
    const card = message.attachments[0];
    expect(card.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(card.content).toMatchObject({ type: "AdaptiveCard", actions: [{ type: "Action.OpenUrl", url: link }] });
    expect(card.content.body[0].text).toBe(`Deliveries are failing on ${route.connection.name} → ${route.destination.name}`);

    expect((await admin("PATCH", `/v1/issues/${issue.id}`, { status: "resolved" })).status).toBe(200);
    const [, close] = await recordsAtLeast(keys.opsgenie, 2);
    expect(close!.path).toBe(`/ok/${keys.opsgenie}/v2/alerts/${issue.id}/close`);
    expect(close!.query).toBe("identifierType=alias");
    expect(close!.headers.authorization).toBe(`GenieKey ${API_KEY}`);
    expect(json(close!)).toMatchObject({ source: "event-gateway" });
    const [, resolved] = await recordsAtLeast(keys.teams, 2);
    expect(json(resolved!).attachments[0].content.body[0].text).toContain("work again");

    for (const channel of [opsgenie, teams]) await admin("DELETE", `${CHANNELS}/${channel.id}`);
  });
});
