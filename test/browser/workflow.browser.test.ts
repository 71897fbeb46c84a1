import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { waitFor } from "../support/wait-for";
import { browserFixture, expectAccessible, screenshot, signIn } from "./browser";

// An operator's day in the dashboard, in a real browser against wrangler dev and a real receiver:
// configure a route from the UI, deliver through it, find the event, read its trace, retry it,
// pause and unpause, try a filter and a transformation, replay in bulk, read the metrics.

const NAME = `shop-${Date.now().toString(36)}`;
const state = { ingestUrl: "", eventId: "" };

const nav = (page: Page, name: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true }).click();
const form = (page: Page, name: string) => page.getByRole("form", { name });

describe("the dashboard, end to end", () => {
  const f = browserFixture();
  const received = async () => ((await (await fetch(`${f.receiver.url}/records/${NAME}`)).json()) as unknown[]).length;
  const send = (body: unknown) => fetch(state.ingestUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  it("creates a source and shows its ingest URL with a copy button", async () => {
    const { page, gateway } = f;
    await signIn(page, gateway);
    await nav(page, "Sources");
    await page.getByRole("button", { name: "New source" }).click();
    await page.getByLabel("Name").fill(NAME);
    await page.getByRole("button", { name: "Create" }).click();
    const created = page.getByRole("region", { name: "Created source" });
    const url = (await created.locator("code").textContent())!;
    expect(url).toMatch(new RegExp(`^${gateway.url}/e/src_[0-9a-z]{26}$`));
    state.ingestUrl = url;
    await page.getByRole("button", { name: `Copy the ingest URL of ${NAME}` }).first().waitFor();
    await expectAccessible(page, "sources");
    await screenshot(page, "sources");
  });

  it("creates a destination", async () => {
    const { page, receiver } = f;
    await nav(page, "Destinations");
    await page.getByRole("button", { name: "New destination" }).click();
    const create = form(page, "New destination");
    await create.getByLabel("Name").fill(NAME);
    await create.getByLabel("URL").fill(`${receiver.url}/ok/${NAME}`);
    await create.getByRole("button", { name: "Create" }).click();
    await page.getByRole("cell", { name: NAME, exact: true }).waitFor();
    await expectAccessible(page, "destinations");
  });

  it("shows a filter's validation error at the Rules field, then creates the connection", async () => {
    const { page } = f;
    await nav(page, "Connections");
    await page.getByRole("button", { name: "New connection" }).click();
    const create = form(page, "New connection");
    await create.getByLabel("Name").fill(NAME);
    await create.getByLabel("Source").selectOption({ label: NAME });
    await create.getByLabel("Destination").selectOption({ label: NAME });
    const rules = create.getByLabel("Rules (JSON)");
    await rules.fill(JSON.stringify([{ type: "filter", body: { amount: { $between: [1, 2] } } }]));
    await create.getByRole("button", { name: "Create" }).click();
    // The API's problem names rules.0.body.amount (an unknown operator); the form shows it at the field.
    await expect.poll(() => rules.getAttribute("aria-invalid")).toBe("true");
    const described = await rules.getAttribute("aria-describedby");
    const message = await page.locator(`[id="${described!.split(" ").pop()}"]`).textContent();
    expect(message).toContain("rules.0.body.amount");
    await expectAccessible(page, "a connection form with an error");
    await screenshot(page, "connection-field-error");

    await rules.fill(JSON.stringify([{ type: "filter", body: { kind: "order" } }]));
    await create.getByRole("button", { name: "Create" }).click();
    await page.getByRole("cell", { name: NAME, exact: true }).waitFor();
    await expectAccessible(page, "connections");
  });

  it("delivers a webhook through them; the events page finds it by search, status and filters", async () => {
    const { page } = f;
    expect((await send({ kind: "order", order: "A-1" })).status).toBe(200);
    expect((await send({ kind: "refund", order: "A-2" })).status).toBe(200);
    await waitFor("delivery", async () => (await received()) === 1);

    await nav(page, "Events");
    await page.getByLabel("Status").selectOption("successful");
    await page.getByLabel("Body contains").fill("A-1");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("body_contains")).toBe("A-1");
    expect(new URL(page.url()).searchParams.get("status")).toBe("successful");
    const link = page.getByRole("table").getByRole("link", { name: /^evt_/ });
    await expect.poll(() => link.count()).toBe(1);
    state.eventId = (await link.textContent())!;
    await expectAccessible(page, "events");
    await screenshot(page, "events");

    // Nothing matches another text; the filtered-out refund made no event (its request says why).
    await page.getByLabel("Body contains").fill("A-2");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.getByText("No events match.").waitFor();

    // The Search box takes our event id and opens the event.
    await page.getByLabel("Search").fill(state.eventId);
    await page.getByRole("button", { name: "Find" }).click();
    await page.getByRole("heading", { level: 1, name: state.eventId }).waitFor();
  });

  it("shows the event's trace as a timeline and retries it", async () => {
    const { page } = f;
    const trace = page.getByRole("region", { name: "Trace" });
    await trace.getByText(/Attempt 1 \(initial\) to .*: 200/).waitFor();
    await trace.getByText("Rule filter").first().waitFor();
    await expectAccessible(page, "an event");
    await screenshot(page, "event");

    await page.getByRole("button", { name: "Retry" }).click();
    await waitFor("the retry's delivery", async () => (await received()) === 2);
    await page.reload();
    await page.getByRole("region", { name: "Attempts" }).getByRole("heading", { name: "Attempt 2: 200" }).waitFor();
    await page.getByRole("button", { name: "Cancel" }).waitFor();

    await page.getByRole("link", { name: /^req_/ }).click();
    await page.getByRole("heading", { level: 1, name: /^req_/ }).waitFor();
    await page.getByRole("button", { name: "Route again" }).waitFor();
    await expectAccessible(page, "a request");
  });

  it("pauses a destination (events held), then unpauses it (events delivered)", async () => {
    const { page } = f;
    await nav(page, "Destinations");
    await page.getByRole("button", { name: `Pause ${NAME}` }).click();
    await page.getByRole("button", { name: `Unpause ${NAME}` }).waitFor();
    await page.getByText(/paused since/).waitFor();
    expect((await send({ kind: "order", order: "A-3" })).status).toBe(200);
    await nav(page, "Events");
    await page.getByLabel("Status").selectOption("paused");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect.poll(async () => {
      await page.reload();
      await page.getByRole("table").waitFor();
      return page.getByRole("table").getByRole("link", { name: /^evt_/ }).count();
    }, { timeout: 20_000 }).toBe(1);
    expect(await received()).toBe(2);

    await nav(page, "Destinations");
    await page.getByRole("button", { name: `Unpause ${NAME}` }).click();
    await page.getByRole("button", { name: `Pause ${NAME}` }).waitFor();
    await waitFor("the held event's delivery", async () => (await received()) === 3);
  });

  it("tries the connection's filter on the latest stored request before saving", async () => {
    const { page } = f;
    await nav(page, "Connections");
    await page.getByRole("button", { name: `Edit ${NAME}` }).click();
    const edit = form(page, `Edit connection ${NAME}`);
    await edit.getByLabel("Rules (JSON)").fill(JSON.stringify([{ type: "filter", body: { order: "A-3" } }]));
    await edit.getByRole("button", { name: "Try the filter" }).click();
    await page.getByRole("status").getByText(/passes the filter/).waitFor();
    await edit.getByLabel("Rules (JSON)").fill(JSON.stringify([{ type: "filter", body: { order: "Z-9" } }]));
    await edit.getByRole("button", { name: "Try the filter" }).click();
    await page.getByRole("status").getByText(/is filtered out/).waitFor();
    await edit.getByRole("button", { name: "Cancel" }).click();
  });

  it("runs a transformation on a sample request and shows the result and the console", async () => {
    const { page } = f;
    await nav(page, "Transformations");
    await page.getByRole("button", { name: "New transformation" }).click();
    const create = form(page, "New transformation");
    await create.getByLabel("Name").fill(NAME);
    await create.getByLabel("Code").fill(`addHandler("transform", (request) => {
  console.log("order", request.body.order);
  request.body.seen = true;
  return request;
});`);
    await create.getByRole("button", { name: "Run on a sample" }).click();
    const tryIt = page.getByRole("region", { name: "Try the transformation" });
    await tryIt.getByText('"seen": true').waitFor();
    await tryIt.getByText("log: order A-3").waitFor();
    await expectAccessible(page, "transformations");
    await screenshot(page, "transformation");
    await create.getByRole("button", { name: "Create" }).click();
    await page.getByRole("cell", { name: NAME, exact: true }).waitFor();
  });

  it("runs the transformation a connection's rules name, from the connection's form", async () => {
    const { page, gateway } = f;
    const [saved] = (await gateway.admin("GET", `/v1/transformations?name=${NAME}`)).json.data;
    await nav(page, "Connections");
    await page.getByRole("button", { name: `Edit ${NAME}` }).click();
    const edit = form(page, `Edit connection ${NAME}`);
    await edit.getByLabel("Rules (JSON)").fill(JSON.stringify([{ type: "transform", transformation_id: saved.id }]));
    await edit.getByRole("button", { name: "Run on a sample" }).click();
    await edit.getByRole("region", { name: "Try the transformation" }).getByText('"seen": true').waitFor();
    await expectAccessible(page, "a connection form with both try-outs");
    await edit.getByRole("button", { name: "Cancel" }).click();
  });

  it("replays the successful events in bulk: the dry-run count first, then progress to completion", async () => {
    const { page } = f;
    // The events list's filters become the replay's query.
    await nav(page, "Events");
    await page.getByLabel("Status").selectOption("successful");
    await page.getByLabel("Destination").selectOption({ label: NAME });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.getByRole("link", { name: "Replay these events" }).click();
    await page.getByRole("heading", { level: 1, name: "Replays" }).waitFor();
    expect(new URL(page.url()).searchParams.get("status")).toBe("successful");
    expect(await page.getByLabel("Status").inputValue()).toBe("successful");
    await page.getByRole("button", { name: "Count events" }).click();
    await page.getByText("2 events selected").waitFor();
    await expectAccessible(page, "replays");
    await page.getByRole("button", { name: "Start replay" }).click();
    await page.getByRole("heading", { level: 1, name: /^rpl_/ }).waitFor();
    await page.getByText("Progress: 2 of 2").waitFor({ timeout: 30_000 });
    await page.getByText("completed").first().waitFor({ timeout: 30_000 });
    await waitFor("the replayed deliveries", async () => (await received()) === 5);
    await expectAccessible(page, "a replay");
    await screenshot(page, "replay");
  });

  it("draws the metrics as charts", async () => {
    const { page } = f;
    await nav(page, "Metrics");
    const chart = page.getByRole("img", { name: /^Deliveries per destination/ });
    await chart.waitFor();
    expect(await chart.getAttribute("aria-label")).toContain(`Successful: ${NAME} 5`);
    // The canvas is not blank: some pixel is painted.
    // (The callback runs in the page: DOM types are not in this Node project's lib.)
    const painted = await chart.evaluate((canvas: any) => {
      const data: Uint8ClampedArray = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
      return data.some((value, i) => i % 4 === 3 && value > 0);
    });
    expect(painted).toBe(true);
    await page.getByLabel("Window").selectOption("24h");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("window")).toBe("24h");
    await chart.waitFor();
    await expectAccessible(page, "metrics");
    await screenshot(page, "metrics");
  });

  it("live tail shows a new event without a reload", async () => {
    const { page } = f;
    await nav(page, "Events");
    await page.getByRole("table").waitFor();
    const rows = page.getByRole("table").getByRole("link", { name: /^evt_/ });
    const before = await rows.count();
    await page.getByLabel("Live tail").check();
    expect((await send({ kind: "order", order: "A-4" })).status).toBe(200);
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(before + 1);
    await page.getByLabel("Live tail").uncheck();
  });

  it("acknowledges and resolves an issue, and links to its failing events", async () => {
    const { page, gateway, receiver } = f;
    const failing = `${NAME}-down`;
    const source = (await gateway.admin("POST", "/v1/sources", { name: failing })).json;
    const destination = (await gateway.admin("POST", "/v1/destinations", { name: failing, url: `${receiver.url}/seq/500/${failing}` })).json;
    await gateway.admin("POST", "/v1/connections", { name: failing, source_id: source.id, destination_id: destination.id, rules: [{ type: "retry", strategy: "linear", count: 0, interval_ms: 1000 }] });
    await fetch(`${gateway.url}/e/${source.id}`, { method: "POST", body: "{}" });
    const [issue] = await waitFor("an open issue", async () => {
      const open = (await gateway.admin("GET", "/v1/issues?status=open")).json.data;
      return open.length === 1 && open;
    });

    await nav(page, "Issues");
    const row = page.getByRole("row").filter({ hasText: issue.id });
    await row.getByRole("button", { name: `Acknowledge ${issue.id}` }).click();
    await row.getByRole("cell", { name: "acknowledged", exact: true }).waitFor();
    await expectAccessible(page, "issues");
    await screenshot(page, "issues");

    await row.getByRole("link", { name: `Failing events of ${failing}` }).click();
    await page.getByRole("heading", { level: 1, name: "Events" }).waitFor();
    await expect.poll(() => page.getByRole("table").getByRole("link", { name: /^evt_/ }).count()).toBe(1);
    await page.goBack();
    await page.getByRole("row").filter({ hasText: issue.id }).getByRole("button", { name: `Resolve ${issue.id}` }).click();
    await page.getByRole("row").filter({ hasText: issue.id }).getByRole("cell", { name: "resolved", exact: true }).waitFor();
    expect((await gateway.admin("GET", `/v1/issues/${issue.id}`)).json.status).toBe("resolved");
  });

  it("lists the requests, issues and notification channels accessibly", async () => {
    const { page } = f;
    for (const name of ["Requests", "Issues", "Notification channels"]) {
      await nav(page, name);
      await page.getByRole("heading", { level: 1, name }).waitFor();
      await page.getByRole("table").waitFor();
      await expectAccessible(page, name);
    }
  });
});
