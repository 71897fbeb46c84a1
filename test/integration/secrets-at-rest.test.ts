import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import worker from "../../src/index";
import { installKeys } from "../../src/secrets/keyring";
import { DESTINATION_SECRETS, SOURCE_SECRETS } from "../../src/secrets/secret-columns";
import { openRow, sealRow } from "../../src/secrets/sealed-row";
import { admin, created, ingest, pipeline, receiverRecords, uniqueKey, waitFor } from "./gateway";

// Secrets at rest (spec §8): encrypted in D1 under ENCRYPTION_KEY, readable with the previous key
// while rotating, re-encrypted by the cron, and an error naming the field when unreadable.

const KEY_B = "ZVpWbjNxY0VqM2RUcUJ6a0w2c1B4Rk5oR3Y5d1JtWVQ=";
const KEY_C = "c2VjcmV0LWtleS1jLWZvci10ZXN0cy1vbmx5LTMyYiE=";

async function rawTables(): Promise<string> {
  const { results: tables } = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'").all<{ name: string }>();
  const dump: unknown[] = [];
  for (const { name } of tables) dump.push((await env.DB.prepare(`SELECT * FROM "${name}"`).all()).results);
  return JSON.stringify(dump);
}

async function runCron(vars: Record<string, string | undefined> = {}) {
  const ctx = createExecutionContext();
  await (worker as ExportedHandler<Cloudflare.Env>).scheduled!({ cron: "* * * * *", scheduledTime: Date.now(), noRetry() {} } as any, { ...env, ...vars } as any, ctx);
  await waitOnExecutionContext(ctx);
}

async function hmacHex(secret: string, body: string) {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return [...new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(body)))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const rawSource = (id: string) => env.DB.prepare("SELECT verification FROM sources WHERE id = ?").bind(id).first<string>("verification");

describe("secrets at rest", () => {
  afterEach(() => installKeys(env));

  it("stores none of the secrets in D1 in plain text, and still uses them", async () => {
    const secrets = {
      verification: "verify-token-5f1e2d3c4b5a",
      bearer: "dest-bearer-9a8b7c6d5e4f",
      signing: `whsec_${btoa("signing-secret-at-rest-0123")}`,
      env: "transform-env-secret-13579",
      routing: "pagerduty-routing-key-24680",
      webhook: `whsec_${btoa("channel-secret-at-rest-4567")}`,
      slack: "https://hooks.slack.com/services/T000/B000/slack-secret-path-1122",
    };
    const key = uniqueKey("enc");
    const { source } = await pipeline("enc", `/ok/${key}`, [], {
      auth: { type: "bearer", token: secrets.bearer },
      signing: { type: "standard_webhooks", secrets: [secrets.signing] },
    });
    // An HMAC scheme: the secret never travels with the request (a bearer token would be stored in
    // the request's headers, as received; docs/security.md).
    expect((await admin("PATCH", `/v1/sources/${source.id}`, { verification: { type: "github", secret: secrets.verification } })).status).toBe(200);
    await created("/v1/transformations", { name: uniqueKey("t"), code: "addHandler('transform', (r) => r)", env: { API_TOKEN: secrets.env } });
    await created("/v1/notification-channels", { type: "pagerduty", routing_key: secrets.routing });
    await created("/v1/notification-channels", { type: "webhook", url: "https://example.com/hook", secret: secrets.webhook });
    await created("/v1/notification-channels", { type: "slack", url: secrets.slack });

    // The source's verification and the destination's auth are decrypted where they are used.
    expect((await ingest(source.id, { body: "{}", headers: { "x-hub-signature-256": `sha256=${await hmacHex("wrong", "{}")}` } })).status).toBe(401);
    expect((await ingest(source.id, { body: "{}", headers: { "x-hub-signature-256": `sha256=${await hmacHex(secrets.verification, "{}")}` } })).status).toBe(200);
    const [received] = await waitFor("delivery", async () => {
      const records = await receiverRecords(key);
      return records.length === 1 && records;
    });
    expect(received.headers.authorization).toBe(`Bearer ${secrets.bearer}`);
    expect(received.headers["webhook-signature"]).toMatch(/^v1,/);

    const dump = await rawTables();
    for (const [name, secret] of Object.entries(secrets)) {
      const needle = secret.startsWith("whsec_") ? secret.slice(-12) : secret.slice(-16);
      expect(dump.includes(needle), `${name} found in D1`).toBe(false);
    }
    expect(dump).toContain("enc:v1:");
  });

  it("reads rows under the previous key, re-encrypts them under the new one, and names the field it cannot read", async () => {
    const destination = await created("/v1/destinations", { name: uniqueKey("rot"), url: "https://example.com/in", auth: { type: "bearer", token: "rotate-me-0123456789" } });
    const stored = await env.DB.prepare("SELECT * FROM destinations WHERE id = ?").bind(destination.id).first<{ auth: string }>();
    const oldCipher = JSON.parse(stored!.auth) as string;

    // Rotation: B is the key now, the test key the previous one. The cron moves the row to B.
    await runCron({ ENCRYPTION_KEY: KEY_B, ENCRYPTION_KEY_PREVIOUS: env.ENCRYPTION_KEY });
    const rotated = JSON.parse((await env.DB.prepare("SELECT auth FROM destinations WHERE id = ?").bind(destination.id).first<string>("auth"))!) as string;
    expect(rotated.split(":")[2]).not.toBe(oldCipher.split(":")[2]);

    installKeys({ ENCRYPTION_KEY: KEY_B });
    const row = { id: destination.id, auth: rotated } as any;
    expect((await openRow(DESTINATION_SECRETS, row)).auth).toEqual({ type: "bearer", token: "rotate-me-0123456789" });
    // Without the previous key, a row still under it is an error that names the field.
    await expect(openRow(DESTINATION_SECRETS, { ...row, auth: oldCipher })).rejects.toThrow(`destinations.auth (${destination.id})`);
    // The test key alone no longer reads the rotated row: through the API that is a 500 naming it.
    installKeys(env);
    const res = await admin("GET", `/v1/destinations/${destination.id}`);
    expect(res.status).toBe(500);
    expect(res.json.errors[0].path).toBe(`destinations.auth (${destination.id})`);
    expect(JSON.stringify(res.json)).not.toContain("rotate-me");
  });

  it("refuses a ciphertext that was altered or moved to another row", async () => {
    const sealed = await sealRow(SOURCE_SECRETS, { id: "src_a", verification: { type: "bearer", token: "moved-secret-000111" } } as any);
    await expect(openRow(SOURCE_SECRETS, { ...sealed, id: "src_b" })).rejects.toThrow("sources.verification (src_b)");
    const text = sealed.verification as unknown as string;
    const altered = text.slice(0, -2) + (text.endsWith("A") ? "B" : "A") + text.slice(-1);
    await expect(openRow(SOURCE_SECRETS, { ...sealed, verification: altered as any })).rejects.toThrow("cannot be decrypted");
  });

  it("the cron encrypts rows written in plain text before encryption existed", async () => {
    const id = `src_legacy${crypto.randomUUID().replace(/-/g, "").slice(0, 16)}`;
    const now = Date.now();
    await env.DB.prepare("INSERT INTO sources (id, name, allowed_methods, verification, created_at, updated_at) VALUES (?, ?, '[\"POST\"]', ?, ?, ?)")
      .bind(id, uniqueKey("legacy"), JSON.stringify({ type: "bearer", token: "legacy-plaintext-777" }), now, now).run();
    // Read as it is until then: ingest verifies with it, the API masks it.
    expect((await ingest(id, { body: "{}", headers: { authorization: "Bearer legacy-plaintext-777" } })).status).toBe(200);
    await runCron();
    const raw = (await rawSource(id))!;
    expect(raw).not.toContain("legacy-plaintext");
    expect(raw.startsWith('"enc:v1:')).toBe(true);
    expect((await admin("GET", `/v1/sources/${id}`)).json.verification.token).toBe("••••-777");
    expect((await ingest(id, { body: "{}", headers: { authorization: "Bearer legacy-plaintext-777" } })).status).toBe(200);
  });

  it("ingest answers 503 (retry later), not a wrong verdict, for a source it cannot decrypt", async () => {
    const source = await created("/v1/sources", { name: uniqueKey("unreadable") });
    // A row sealed under a key this Worker does not have (KEY_C), as after a lost rotation.
    installKeys({ ENCRYPTION_KEY: KEY_C });
    const underC = await sealRow(SOURCE_SECRETS, { id: source.id, verification: { type: "bearer", token: "unreadable-token-1" } } as any);
    installKeys(env);
    await env.DB.prepare("UPDATE sources SET verification = ? WHERE id = ?").bind(JSON.stringify(underC.verification), source.id).run();
    const res = await ingest(source.id, { body: "{}", headers: { authorization: "Bearer unreadable-token-1" } });
    expect(res.status).toBe(503);
    expect((await env.DB.prepare("SELECT count(*) AS n FROM requests WHERE source_id = ?").bind(source.id).first<number>("n"))).toBe(0);
    const shown = await admin("GET", `/v1/sources/${source.id}`);
    expect(shown.status).toBe(500);
    expect(shown.json.errors[0]).toMatchObject({ path: `sources.verification (${source.id})` });
  });
});
