import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../src/ids";
import { startReceiver, type Receiver } from "../support/receiver";
import { waitFor } from "../support/wait-for";
import { freePort, ROOT, startGateway, type Gateway } from "./wrangler-dev";

// Recovery in the real runtime: a destination back from an outage gets its failures replayed with
// one call; a message Queues gives up on lands on the dead-letter queue and marks its event failed;
// the cron purges past retention. Queues retries once here (max_retries = 1) so that a dead letter
// takes seconds, not minutes.

const DAY = 24 * 60 * 60_000;
const now = Date.now();
// Retention reads a row's age from its id (ids sort by creation time), so fixtures get real ones.
const ids = {
  poisonRequest: newId("request", now - 10 * 60_000),
  poisonEvent: newId("event", now - 10 * 60_000),
  oldRequest: newId("request", now - 40 * DAY),
  oldEvent: newId("event", now - 40 * DAY),
  recentRequest: newId("request", now - DAY),
  recentEvent: newId("event", now - DAY),
};

let gateway: Gateway;
let receiver: Receiver;
let workDir: string;

/** wrangler.toml with absolute paths (it is read from a temporary folder) and one Queues retry. */
function configFile(): string {
  const toml = readFileSync(join(ROOT, "wrangler.toml"), "utf8")
    .replace('main = "src/index.ts"', `main = "${join(ROOT, "src/index.ts")}"`)
    .replace('migrations_dir = "migrations"', `migrations_dir = "${join(ROOT, "migrations")}"`)
    .replace('directory = "./ui/dist"', `directory = "${join(ROOT, "ui/dist")}"`)
    .replace("max_retries = 10", "max_retries = 1");
  const path = join(workDir, "wrangler.toml");
  writeFileSync(path, toml);
  return path;
}

/** A scheduled event whose destination row cannot be read (its headers are not JSON), and retention fixtures. */
function seedSql(): string {
  const long = now - 10 * 60_000;
  const request = (id: string, at: number) =>
    `INSERT INTO requests (id, source_id, received_at, method, path, query, headers, body, body_size, verified, routed_at, enqueued_at, events_count) VALUES ('${id}', 'src_e2e', ${at}, 'POST', '', '', '{}', x'7b7d', 2, 0, ${at}, ${at}, 1);`;
  const event = (id: string, requestId: string, status: string, at: number) =>
    `INSERT INTO events (id, request_id, connection_id, source_id, destination_id, status, next_attempt_at, created_at, updated_at) VALUES ('${id}', '${requestId}', 'con_e2e', 'src_e2e', 'des_e2e', '${status}', ${at}, ${at}, ${at});`;
  return [
    `INSERT INTO sources (id, name, allowed_methods, created_at, updated_at) VALUES ('src_e2e', 'e2e-poison', '["POST"]', ${long}, ${long});`,
    `INSERT INTO destinations (id, name, url, http_method, headers, delivery_order, timeout_ms, created_at, updated_at) VALUES ('des_e2e', 'e2e-poison', 'http://127.0.0.1:9/', 'POST', 'not json', 'any', 5000, ${long}, ${long});`,
    `INSERT INTO connections (id, name, source_id, destination_id, rules, created_at, updated_at) VALUES ('con_e2e', 'e2e-poison', 'src_e2e', 'des_e2e', '[]', ${long}, ${long});`,
    request(ids.poisonRequest, long),
    event(ids.poisonEvent, ids.poisonRequest, "scheduled", long),
    request(ids.oldRequest, now - 40 * DAY),
    event(ids.oldEvent, ids.oldRequest, "successful", now - 40 * DAY),
    `INSERT INTO attempts (id, event_id, number, trigger, url, status_code, response_headers, duration_ms, started_at) VALUES ('${newId("attempt", now - 40 * DAY)}', '${ids.oldEvent}', 1, 'initial', 'http://x', 200, '{}', 1, ${now - 40 * DAY});`,
    request(ids.recentRequest, now - DAY),
    event(ids.recentEvent, ids.recentRequest, "successful", now - DAY),
  ].join("\n");
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), "gateway-recovery-e2e-"));
  const seed = join(workDir, "seed.sql");
  writeFileSync(seed, seedSql());
  [gateway, receiver] = await Promise.all([
    startGateway({ config: configFile(), beforeStart: (local) => local.executeSql(seed) }),
    startReceiver(),
  ]);
});
afterAll(async () => {
  await Promise.all([gateway?.stop(), receiver?.close()]);
  rmSync(workDir, { recursive: true, force: true });
});

const cron = () => fetch(`${gateway.url}/__scheduled?cron=${encodeURIComponent("* * * * *")}`);

describe("recovery under wrangler dev", () => {
  it("a destination back from an outage gets its failed events replayed once each with one call", async () => {
    const name = "outage";
    const down = `http://127.0.0.1:${await freePort()}/down`;
    const source = (await gateway.admin("POST", "/v1/sources", { name })).json;
    const destination = (await gateway.admin("POST", "/v1/destinations", { name, url: down })).json;
    await gateway.admin("POST", "/v1/connections", {
      name, source_id: source.id, destination_id: destination.id, rules: [{ type: "retry", strategy: "linear", count: 0, interval_ms: 1000 }],
    });
    const EVENTS = 40;
    await Promise.all(Array.from({ length: EVENTS }, (_, n) => fetch(`${gateway.url}/e/${source.id}`, { method: "POST", body: JSON.stringify({ n }) })));
    const failedQuery = `/v1/events?status=failed&destination_id=${destination.id}&limit=250`;
    await waitFor("all failed", async () => (await gateway.admin("GET", failedQuery)).json.data.length === EVENTS, 30_000);

    await gateway.admin("PATCH", `/v1/destinations/${destination.id}`, { url: `${receiver.url}/ok/outage` });
    const query = { status: "failed", destination_id: destination.id };
    expect((await gateway.admin("POST", "/v1/replays", { query, dry_run: true })).json.total).toBe(EVENTS);
    const started = await gateway.admin("POST", "/v1/replays", { query });
    expect(started.status).toBe(201);
    const done = await waitFor("replay completed", async () => {
      const r = (await gateway.admin("GET", `/v1/replays/${started.json.id}`)).json;
      return r.status !== "running" ? r : undefined;
    }, 60_000);
    expect(done).toMatchObject({ status: "completed", total: EVENTS, processed: EVENTS, failed: 0 });
    const received = receiver.records.get("outage") ?? [];
    expect(received).toHaveLength(EVENTS);
    expect(new Set(received.map((r) => JSON.parse(Buffer.from(r.body_base64!, "base64").toString()).n)).size).toBe(EVENTS);
    const sample = (await gateway.admin("GET", failedQuery.replace("failed", "successful"))).json.data[0];
    const attempts = (await gateway.admin("GET", `/v1/events/${sample.id}/attempts`)).json.data;
    expect(attempts.map((a: any) => [a.trigger, a.status_code])).toEqual([["initial", null], ["bulk_retry", 200]]);
  }, 90_000);

  it("a message Queues gives up on reaches the dead-letter queue, and its event ends failed", async () => {
    await cron();
    const event = await waitFor("dead-lettered", async () => {
      const e = (await gateway.admin("GET", `/v1/events/${ids.poisonEvent}`)).json;
      return e.status === "failed" ? e : undefined;
    }, 60_000);
    expect(event.next_attempt_at).toBeNull();
    const attempts = (await gateway.admin("GET", `/v1/events/${ids.poisonEvent}/attempts`)).json.data;
    expect(attempts).toEqual([expect.objectContaining({ error: "dead_lettered", status_code: null })]);
  }, 90_000);

  it("the cron purges requests past retention and keeps newer ones", async () => {
    await cron();
    await waitFor("purged", async () => (await gateway.admin("GET", `/v1/requests/${ids.oldRequest}`)).status === 404, 30_000);
    expect((await gateway.admin("GET", `/v1/events/${ids.oldEvent}`)).status).toBe(404);
    expect((await gateway.admin("GET", `/v1/requests/${ids.recentRequest}`)).status).toBe(200);
    expect((await gateway.admin("GET", `/v1/events/${ids.recentEvent}`)).status).toBe(200);
  });
});
