import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGateway, type Gateway, type LocalState } from "./wrangler-dev";

// Under the real wrangler dev: the local D1 files hold no secret in plain text (a row written
// before encryption existed is encrypted by the cron), and API keys with roles work end to end.

const LEGACY_SECRET = "legacy-plaintext-token-e2e-4242";

let gateway: Gateway;
let local: LocalState;
let stateDir = "";

/** Every byte wrangler dev persisted (D1's SQLite files and their WAL, Durable Objects, queues). */
function persisted(dir: string): Buffer {
  const parts: Buffer[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    parts.push(statSync(path).isDirectory() ? persisted(path) : readFileSync(path));
  }
  return Buffer.concat(parts);
}

/** Every row of every table in the local D1 database, as text. */
function d1Rows(dir: string): string {
  const d1 = join(dir, "v3", "d1", "miniflare-D1DatabaseObject");
  const file = readdirSync(d1).find((name) => name.endsWith(".sqlite") && name !== "metadata.sqlite")!;
  const db = new DatabaseSync(join(d1, file), { readOnly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
    return JSON.stringify(tables.map(({ name }) => db.prepare(`SELECT * FROM "${name}"`).all()));
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  gateway = await startGateway({
    beforeStart: async (state) => {
      local = state;
      stateDir = state.stateDir;
      const file = join(local.stateDir, "legacy.sql");
      writeFileSync(file, `INSERT INTO sources (id, name, allowed_methods, verification, created_at, updated_at) VALUES ('src_legacy0000000000000000', 'legacy', '["POST"]', '{"type":"bearer","token":"${LEGACY_SECRET}"}', 1, 1);`);
      await state.executeSql(file);
    },
  });
});

afterAll(async () => {
  await gateway?.stop();
});

describe("security under wrangler dev", () => {
  it("keeps every secret out of the local D1 files", async () => {
    const secrets = ["e2e-destination-token-31337", "e2e-verification-secret-27182", "e2e-transform-env-16180", "e2e-pagerduty-key-14142"];
    const source = await gateway.admin("POST", "/v1/sources", { name: "sec", verification: { type: "github", secret: secrets[1] } });
    const destination = await gateway.admin("POST", "/v1/destinations", { name: "sec", url: "https://example.com/in", auth: { type: "bearer", token: secrets[0] } });
    const transformation = await gateway.admin("POST", "/v1/transformations", { name: "sec", code: "addHandler('transform', (r) => r)", env: { TOKEN: secrets[2] } });
    const channel = await gateway.admin("POST", "/v1/notification-channels", { type: "pagerduty", routing_key: secrets[3] });
    expect([source.status, destination.status, transformation.status, channel.status]).toEqual([201, 201, 201, 201]);

    // The cron's re-encryption pass takes the row written in plain text before the Worker started.
    expect(persisted(stateDir).includes(LEGACY_SECRET)).toBe(true);
    expect((await fetch(`${gateway.url}/__scheduled?cron=*+*+*+*+*`)).status).toBe(200);
    const legacy = await gateway.admin("GET", "/v1/sources/src_legacy0000000000000000");
    expect(legacy.json.verification.token).toBe("••••4242");

    // Never written in plain text, so in no byte of the files.
    const bytes = persisted(stateDir);
    for (const secret of secrets) expect(bytes.includes(secret), secret).toBe(false);
    expect(bytes.includes("enc:v1:")).toBe(true);
    // Encrypted in place by the cron: gone from every row. (SQLite may keep the overwritten bytes
    // in a free page until it reuses it; docs/security.md says what that means for backups.)
    const rows = d1Rows(stateDir);
    expect(rows.includes(LEGACY_SECRET)).toBe(false);
    expect(rows).toContain('\\"enc:v1:');
  });

  it("a read key reads and cannot write; revoked, it stops at once", async () => {
    const key = await gateway.admin("POST", "/v1/api-keys", { name: "viewer", role: "read" });
    expect(key.status).toBe(201);
    expect((await gateway.admin("GET", "/v1/sources", undefined, key.json.key)).status).toBe(200);
    const write = await gateway.admin("POST", "/v1/sources", { name: "nope" }, key.json.key);
    expect(write.status).toBe(403);
    expect(write.headers.get("content-type")).toBe("application/problem+json");
    expect((await gateway.admin("POST", `/v1/api-keys/${key.json.id}/revoke`)).status).toBe(200);
    expect((await gateway.admin("GET", "/v1/sources", undefined, key.json.key)).status).toBe(401);
    const audit = await gateway.admin("GET", `/v1/audit-log?key_id=${key.json.id}`);
    expect(audit.json.data.map((e: any) => [e.method, e.route, e.status])).toEqual([["POST", "/v1/sources", 403]]);
  });

  it("a key revoked behind the isolate's back (another writer) stops within 5 seconds", async () => {
    const key = await gateway.admin("POST", "/v1/api-keys", { name: "elsewhere", role: "read" });
    expect((await gateway.admin("GET", "/v1/issues", undefined, key.json.key)).status).toBe(200);
    // Written straight to the local D1 by another process, as another isolate's revocation would
    // be: the isolate serving requests is not told, only its cache's 5 s bound applies.
    const file = join(stateDir, "revoke.sql");
    writeFileSync(file, `UPDATE api_keys SET revoked_at = ${Date.now()} WHERE id = '${key.json.id}';`);
    await local.executeSql(file);
    const written = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - written < 8_000) {
      status = (await gateway.admin("GET", "/v1/issues", undefined, key.json.key)).status;
      if (status === 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(401);
    expect(Date.now() - written).toBeLessThanOrEqual(5_500);
  });
});
