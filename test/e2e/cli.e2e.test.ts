import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCli, newUser, type CliResult, type CliUser } from "./cli-runner";
import { gatewayAndReceiver } from "./fixture";
import { ADMIN_TOKEN, freePort } from "./wrangler-dev";
import { waitFor } from "../support/wait-for";

// The `event-gateway` command, built and spawned as a user runs it, against wrangler dev and a real
// receiver. The tests share one gateway and run in order.

const e2e = gatewayAndReceiver();
let user: CliUser;

const oneLineError = (result: CliResult, pattern: RegExp) => {
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/^error: [^\n]+\n$/);
  expect(result.stderr).toMatch(pattern);
};

beforeAll(async () => {
  buildCli();
  user = newUser();
});

describe("event-gateway login", () => {
  it("refuses a wrong key and saves nothing", async () => {
    oneLineError(await user.run(["login", "--url", e2e.gateway.url, "--key", "not-the-key"]), /401 Unauthorized/);
    expect(() => statSync(join(user.configDir, "event-gateway/config.json"))).toThrow();
    oneLineError(await user.run(["sources", "list"]), /not logged in: run `event-gateway login`/);
  });

  it("says so when the URL answers nothing", async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    oneLineError(await user.run(["login", "--url", nowhere, "--key", ADMIN_TOKEN]), new RegExp(`cannot reach ${nowhere}: connection refused`));
  });

  it("saves a good key in the config directory, readable by its owner only", async () => {
    const result = await user.run(["login", "--url", e2e.gateway.url], { input: `${ADMIN_TOKEN}\n` });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Logged in to ${e2e.gateway.url} as admin_token (admin)`);
    const file = join(user.configDir, "event-gateway/config.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ url: e2e.gateway.url, key: ADMIN_TOKEN });
  });

  it("lets EVENT_GATEWAY_URL and EVENT_GATEWAY_KEY override the saved login", async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    oneLineError(await user.run(["sources", "list"], { env: { EVENT_GATEWAY_URL: nowhere } }), /cannot reach/);
    oneLineError(await user.run(["sources", "list"], { env: { EVENT_GATEWAY_KEY: "wrong" } }), /401/);
    const other = newUser();
    const env = { EVENT_GATEWAY_URL: e2e.gateway.url, EVENT_GATEWAY_KEY: ADMIN_TOKEN };
    expect((await other.run(["sources", "list", "--json"], { env })).json).toEqual({ data: [], next_cursor: null });
  });

  it("logs out, and a second logout is an error", async () => {
    const other = newUser();
    await other.run(["login", "--url", e2e.gateway.url, "--key", ADMIN_TOKEN]);
    expect((await other.run(["logout"])).code).toBe(0);
    oneLineError(await other.run(["sources", "list"]), /not logged in/);
    oneLineError(await other.run(["logout"]), /not logged in/);
  });
});

describe("resources", () => {
  it("creates, lists, shows and deletes a source; a deleted one is a one-line 404", async () => {
    const created = await user.run(["sources", "create", "--name", "github-main", "--data", '{"verification":{"type":"github","secret":"gh-secret-0123456789"}}', "--json"]);
    expect(created.code).toBe(0);
    expect(created.json).toMatchObject({ name: "github-main", verification: { type: "github", secret: "••••6789" } });
    const list = await user.run(["sources", "list"]);
    expect(list.stdout).toMatch(new RegExp(`^ID\\s+NAME\\s+VERIFICATION.*\\n${created.json.id}\\s+github-main\\s+github\\s+no`));
    expect((await user.run(["sources", "get", "github-main", "--json"])).json.id).toBe(created.json.id);
    expect((await user.run(["sources", "delete", created.json.id])).stdout).toBe(`Deleted source ${created.json.id}\n`);
    oneLineError(await user.run(["sources", "get", created.json.id]), /404 Not Found: Source was not found/);
    oneLineError(await user.run(["sources", "get", "github-main"]), /no source named "github-main"/);
  });

  it("names the refused field of a create as field: message", async () => {
    oneLineError(await user.run(["destinations", "create", "--name", "bad", "--url", "not a url"]), /400 Bad Request.*\(url: /);
    oneLineError(await user.run(["sources", "create", "--data", "{not json"]), /--data: not valid JSON/);
    oneLineError(await user.run(["sources", "create", "--file", join(user.home, "missing.json")]), /missing\.json: no such file/);
  });
});

describe("events, requests and replays", () => {
  let source: string;

  it("shows the event of a delivered webhook, retries it and replays it", async () => {
    source = (await user.run(["sources", "create", "--name", "shop", "--json"])).json.id;
    await user.run(["destinations", "create", "--name", "orders", "--url", `${e2e.receiver.url}/ok/cli-orders`]);
    expect((await user.run(["connections", "create", "--name", "shop-orders", "--source", "shop", "--destination", "orders"])).code).toBe(0);
    const sent = await fetch(`${e2e.gateway.url}/e/${source}`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"order":42}' });
    expect(sent.status).toBe(200);
    const event = await waitFor("the event delivered", async () => {
      const { json } = await user.run(["events", "list", "--source", source, "--status", "successful", "--json"]);
      return json.data[0];
    });
    const shown = await user.run(["events", "get", event.id, "--json"]);
    expect(shown.json).toMatchObject({ id: event.id, attempts: [{ number: 1, status_code: 200, trigger: "initial" }] });
    expect((await user.run(["events", "list", "--body", "order=42"])).stdout).toContain(event.id);
    expect((await user.run(["events", "list", "--body", "order=43"])).stderr).toBe("Nothing found.\n");

    expect((await user.run(["events", "retry", event.id])).stdout).toBe(`Retry of ${event.id} queued (attempt 2).\n`);
    await waitFor("the retry to arrive", async () => (e2e.receiver.records.get("cli-orders")?.length ?? 0) >= 2);

    const request = await user.run(["requests", "get", event.request_id, "--json"]);
    expect(request.json).toMatchObject({ id: event.request_id, body: '{"order":42}', events_count: 1 });
    expect((await user.run(["requests", "list", "--source", source])).stdout).toContain(event.request_id);

    const dry = await user.run(["replay", "--dry-run", "--source", source]);
    expect(dry.stdout).toBe("Dry run: 1 event would be replayed.\n");
    expect(e2e.receiver.records.get("cli-orders")).toHaveLength(2);
    const replay = await user.run(["replay", "--source", source, "--json"]);
    expect(replay.code).toBe(0);
    expect(replay.json).toMatchObject({ status: "completed", total: 1, processed: 1 });
    expect(replay.stderr).toMatch(/Replay rpl_\w+: 1\/1 processed, 0 failed/);
    await waitFor("the replay to arrive", async () => (e2e.receiver.records.get("cli-orders")?.length ?? 0) >= 3);
  });

  it("tails new events until Ctrl-C", async () => {
    const tail = user.spawn(["events", "tail", "--source", source, "--interval", "1", "--last", "1"]);
    let stdout = "";
    tail.stdout!.on("data", (d) => (stdout += d));
    await waitFor("the latest event", async () => stdout.split("\n").length > 1);
    const sent = await fetch(`${e2e.gateway.url}/e/${source}`, { method: "POST", body: '{"order":43}' });
    const { request_id } = (await sent.json()) as { request_id: string };
    const { json } = await waitFor("the new event", async () => {
      const found = await user.run(["events", "list", "--request", request_id, "--json"]);
      return found.json.data.length ? found : undefined;
    });
    await waitFor("tail to print it", async () => stdout.includes(json.data[0].id), 15_000);
    const exited = new Promise((resolve) => tail.once("exit", (code) => resolve(code)));
    tail.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(stdout.split("\n").filter(Boolean)).toHaveLength(2);
  });
});

describe("export and apply", () => {
  const env = {
    GITHUB_MAIN_VERIFICATION_SECRET: "gh-secret-0123456789",
    ORDERS_AUTH_TOKEN: "orders-token-0123456789",
  };

  it("round-trips: export, edit, apply, export again; a second apply plans nothing", async () => {
    const file = join(user.home, "gateway.yaml");
    const exported = await user.run(["export", "-o", file]);
    expect(exported.code).toBe(0);
    const doc = parse(readFileSync(file, "utf8"));
    expect(doc.connections).toEqual([{ name: "shop-orders", source: "shop", destination: "orders", rules: [], disabled: false }]);

    doc.sources.push({ name: "github-main", verification: { type: "github", secret: "${GITHUB_MAIN_VERIFICATION_SECRET}" } });
    doc.destinations[0].auth = { type: "bearer", token: "${ORDERS_AUTH_TOKEN}" };
    doc.transformations.push({ name: "tag", code: "addHandler('transform', (request) => request)", env: {} });
    doc.connections[0].rules = [{ type: "transform", transformation: "tag" }];
    doc.connections.push({ name: "github-orders", source: "github-main", destination: "orders" });
    writeFileSync(file, stringify(doc));

    const before = (await user.run(["export"])).stdout;
    const dry = await user.run(["apply", "-f", file, "--dry-run"], { env });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("Plan: 3 to create, 2 to update, 0 to replace, 0 to delete, 1 unchanged.");
    expect(dry.stdout).toMatch(/~ update\s+destination orders \(auth\)/);
    expect((await user.run(["export"])).stdout).toBe(before);
    expect((await user.run(["sources", "list", "--json"])).json.data.map((s: { name: string }) => s.name)).toEqual(["shop"]);

    const applied = await user.run(["apply", "-f", file], { env });
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain("Applied 5 changes.");
    expect(applied.stderr).toMatch(/Created connection github-orders \(con_\w+\)/);

    const again = await user.run(["apply", "-f", file, "--json"], { env });
    expect(again.json.applied).toBe(false);
    expect(again.json.plan.map((s: { action: string }) => s.action)).toEqual(Array(again.json.plan.length).fill("unchanged"));

    const second = parse((await user.run(["export"])).stdout);
    expect(second.sources.find((s: { name: string }) => s.name === "github-main").verification.secret).toBe("${GITHUB_MAIN_VERIFICATION_SECRET}");
    expect(second.destinations[0].auth).toEqual({ type: "bearer", token: "${ORDERS_AUTH_TOKEN}" });
    expect(second.connections.find((c: { name: string }) => c.name === "shop-orders").rules).toEqual([{ type: "transform", transformation: "tag" }]);
  });

  it("deletes what the file no longer has, and --dry-run changes nothing", async () => {
    const file = join(user.home, "smaller.json");
    const { json: doc } = await user.run(["export", "--format", "json"]);
    doc.connections = doc.connections.filter((c: { name: string }) => c.name !== "github-orders");
    doc.sources = doc.sources.filter((s: { name: string }) => s.name !== "github-main");
    writeFileSync(file, JSON.stringify(doc));
    const before = (await user.run(["export"])).stdout;
    const dry = await user.run(["apply", "-f", file, "--dry-run", "--json"], { env });
    expect(dry.json.applied).toBe(false);
    expect(dry.json.plan.filter((s: { action: string }) => s.action === "delete").map((s: { name: string }) => s.name)).toEqual(["github-main", "github-orders"]);
    expect((await user.run(["export"])).stdout).toBe(before);
    expect((await user.run(["apply", "-f", file], { env })).code).toBe(0);
    expect((await user.run(["sources", "list", "--json"])).json.data.map((s: { name: string }) => s.name)).toEqual(["shop"]);
  });

  it("stops with one line on a missing variable, a bad file or a dangling name, before any change", async () => {
    const before = (await user.run(["export"])).stdout;
    const file = join(user.home, "bad.yaml");
    writeFileSync(file, "destinations:\n  - name: orders\n    auth: { type: bearer, token: '${NOT_SET_ANYWHERE}' }\n");
    oneLineError(await user.run(["apply", "-f", file]), /bad\.yaml: destinations\.0\.auth\.token: environment variable NOT_SET_ANYWHERE is not set/);
    writeFileSync(file, "sources: [\n");
    oneLineError(await user.run(["apply", "-f", file]), /bad\.yaml: not valid YAML or JSON/);
    writeFileSync(file, "connections:\n  - { name: c, source: nowhere, destination: orders }\n");
    oneLineError(await user.run(["apply", "-f", file]), /connections\.0\.source: no source named "nowhere" in the file/);
    oneLineError(await user.run(["apply", "-f", join(user.home, "absent.yaml")]), /absent\.yaml: no such file/);
    expect((await user.run(["export"])).stdout).toBe(before);
  });
});

describe("the command itself", () => {
  it("lists its commands, runs unknown ones as a one-line error", async () => {
    const help = await user.run(["--help"]);
    expect(help.code).toBe(0);
    for (const command of ["login", "sources", "notification-channels", "events", "requests", "replay", "export", "apply"]) expect(help.stdout).toContain(`  ${command}`);
    // `listen` comes with the `cli` destination kind; until then the help must not offer it.
    expect(help.stdout).not.toMatch(/^\s+listen\b/m);
    oneLineError(await user.run(["frobnicate"]), /unknown command 'frobnicate'/);
  });
});
