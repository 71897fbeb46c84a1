// The seeded database the read benchmarks share (bench:search, bench:metrics): 30 days of traffic —
// four sources, ten destinations, twenty connections, EVENTS requests each with one event and, once
// delivered or failed, its attempt, plus 1 % rejected requests.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { newId } from "../src/ids";
import { ROOT, startGateway } from "../test/e2e/wrangler-dev";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
// The migrations' text names the schema the cached file was seeded under.
const MIGRATIONS = join(ROOT, "migrations");
const SCHEMA = createHash("sha256").update(readdirSync(MIGRATIONS).filter((f) => f.endsWith(".sql")).sort()
  .map((f) => readFileSync(join(MIGRATIONS, f), "utf8")).join("\n")).digest("hex").slice(0, 12);
const SEED_CACHE = join(process.env.BENCH_SEED_CACHE ?? tmpdir(), `gateway-bench-seed-${EVENTS}-${SCHEMA}.sqlite`);
const DAYS = 30;
const NOW = Date.now();
const START = NOW - DAYS * 86_400_000;

// Four sources, ten destinations, twenty connections: connection c belongs to source c % 4 and
// delivers to destination c % 10. Every request yields one event; 1% more requests are rejected
// (no event), as failed signature checks are.
const SOURCES = ["stripe", "github", "shopify", "generic"].map((name) => ({ id: newId("source", START - 1000), name }));
const DESTINATIONS = Array.from({ length: 10 }, (_, i) => ({ id: newId("destination", START - 1000), name: `dest-${i}` }));
const CONNECTIONS = Array.from({ length: 20 }, (_, i) => ({ id: newId("connection", START - 1000), name: `conn-${i}`, source: SOURCES[i % 4]!, destination: DESTINATIONS[i % 10]! }));

const random = Math.random;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
const ALNUM = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"];
const token = (n: number) => Array.from({ length: n }, () => pick(ALNUM)).join("");

const STRIPE_TYPES = ["payment_intent.succeeded", "payment_intent.created", "charge.succeeded", "charge.refunded", "invoice.paid", "customer.updated"];
const GITHUB_EVENTS = ["push", "pull_request", "issues", "check_run", "workflow_run"];
const CURRENCIES = ["eur", "usd", "gbp"];
const STATUSES = [...Array(90).fill("successful"), ...Array(6).fill("failed"), ...Array(2).fill("scheduled"), "cancelled", "paused"];

/** A Stripe-style event of about 1 KB; `n` makes its ids and the customer's e-mail distinct. */
function stripeBody(n: number) {
  const pi = `pi_${token(24)}`;
  const customer = `cus_${token(14)}`;
  const body = {
    id: `evt_${token(24)}`, object: "event", api_version: "2024-06-20", created: Math.floor(START / 1000) + n,
    type: pick(STRIPE_TYPES), livemode: false, pending_webhooks: 1,
    request: { id: `req_${token(14)}`, idempotency_key: crypto.randomUUID() },
    data: { object: {
      id: pi, object: "payment_intent", amount: 100 + Math.floor(random() * 99_900), currency: pick(CURRENCIES),
      customer, description: `Order #${n}`, status: "succeeded", capture_method: "automatic",
      latest_charge: `ch_${token(24)}`, payment_method: `pm_${token(24)}`, receipt_email: `buyer${n}@example.com`,
      metadata: { order_id: String(n), channel: pick(["web", "ios", "android"]), campaign: "spring-sale" },
      shipping: { name: "Jane Doe", address: { city: pick(["Berlin", "München", "Paris", "London"]), country: pick(["DE", "FR", "GB"]), line1: "Torstraße 1", postal_code: "10119" } },
    } },
  };
  return { body, pi, customer, eventId: body.id };
}

function githubBody(n: number) {
  return { action: "completed", number: n, repository: { id: 1000 + (n % 50), full_name: `acme/repo-${n % 50}`, private: true },
    sender: { login: `dev-${n % 300}`, id: 5000 + (n % 300), type: "User" }, head_commit: { id: token(40), message: `Fix #${n}`, timestamp: new Date(START).toISOString() } };
}

/** The D1 database file miniflare keeps under the persisted state. */
function d1File(stateDir: string): string {
  const dir = join(stateDir, "v3", "d1", "miniflare-D1DatabaseObject");
  const file = readdirSync(dir).find((f) => f.endsWith(".sqlite"));
  if (!file) throw new Error(`no D1 file under ${dir}`);
  return join(dir, file);
}

/** What the benchmarks look for: one known request and its event, and the moments around it. */
export interface Known {
  eventId: string; requestId: string; stripeEventId: string; pi: string; email: string; delivery: string; at: number;
  start: number; sources: string[]; destinations: string[];
}

function seed1M(file: string): Known {
  const db = new DatabaseSync(file);
  // A bulk load: no journal, no syncs, and a page cache large enough for the indexes being built.
  db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -2000000;");
  const now = START - 1000;
  const insertSource = db.prepare("INSERT INTO sources (id, name, allowed_methods, created_at, updated_at) VALUES (?, ?, '[\"POST\"]', ?, ?)");
  for (const s of SOURCES) insertSource.run(s.id, s.name, now, now);
  const insertDestination = db.prepare("INSERT INTO destinations (id, name, url, http_method, headers, delivery_order, timeout_ms, created_at, updated_at) VALUES (?, ?, 'http://127.0.0.1:9/', 'POST', '{}', 'any', 30000, ?, ?)");
  for (const d of DESTINATIONS) insertDestination.run(d.id, d.name, now, now);
  const insertConnection = db.prepare("INSERT INTO connections (id, name, source_id, destination_id, rules, created_at, updated_at) VALUES (?, ?, ?, ?, '[]', ?, ?)");
  for (const c of CONNECTIONS) insertConnection.run(c.id, c.name, c.source.id, c.destination.id, now, now);

  const insertRequest = db.prepare(`INSERT INTO requests (id, source_id, received_at, method, path, query, headers, body, body_size, verified, rejection,
    rejection_detail, events_count, routed_at, enqueued_at, provider_event_id, verification_type) VALUES (?, ?, ?, 'POST', '', '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertEvent = db.prepare(`INSERT INTO events (id, request_id, connection_id, source_id, destination_id, status, attempts_count, next_attempt_at,
    last_attempt_at, last_response_status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertAttempt = db.prepare(`INSERT INTO attempts (id, event_id, number, trigger, url, status_code, error, response_headers, duration_ms, started_at)
    VALUES (?, ?, 1, 'initial', 'http://127.0.0.1:9/', ?, NULL, '{}', ?, ?)`);
  const encoder = new TextEncoder();
  const knownAt = Math.floor(EVENTS * 0.37);
  let known: Known | null = null;
  const step = (NOW - START) / EVENTS;

  db.exec("BEGIN");
  for (let n = 0; n < EVENTS; n++) {
    const at = Math.floor(START + n * step);
    const connection = CONNECTIONS[n % CONNECTIONS.length]!;
    const kind = connection.source.name;
    const requestId = newId("request", at);
    let body: unknown;
    let headers: Record<string, string> = { "content-type": "application/json", "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)" };
    let providerId: string;
    let stripe: ReturnType<typeof stripeBody> | null = null;
    if (kind === "github") {
      providerId = crypto.randomUUID();
      headers = { "content-type": "application/json", "user-agent": "GitHub-Hookshot/abc123", "x-github-event": pick(GITHUB_EVENTS), "x-github-delivery": providerId };
      body = githubBody(n);
    } else {
      stripe = stripeBody(n);
      body = stripe.body;
      providerId = stripe.eventId;
      if (kind === "stripe") headers["stripe-signature"] = `t=${Math.floor(at / 1000)},v1=${token(64)}`;
      else headers["webhook-id"] = providerId = `msg_${token(24)}`;
    }
    const bytes = encoder.encode(JSON.stringify(body));
    const status = pick(STATUSES);
    insertRequest.run(requestId, connection.source.id, at, JSON.stringify(headers), bytes, bytes.byteLength, 1, null, null, 1, at + 5, at,
      providerId, kind === "stripe" ? "stripe" : kind === "github" ? "github" : null);
    const eventId = newId("event", at + 5);
    const done = status === "successful" || status === "failed";
    insertEvent.run(eventId, requestId, connection.id, connection.source.id, connection.destination.id, status, done ? 1 : 0,
      status === "scheduled" ? NOW + 86_400_000 * 365 : null, done ? at + 50 : null, status === "successful" ? 200 : status === "failed" ? 500 : null, at + 5, at + 60);
    // A delivered or failed event has its attempt: 20 ms to about 2 s, mostly short.
    if (done) insertAttempt.run(newId("attempt", at + 10), eventId, status === "successful" ? 200 : 500, Math.floor(20 + random() ** 3 * 2000), at + 10);
    if (n % 100 === 0) {
      // A failed signature check: stored, never routed.
      const rejected = newId("request", at + 1);
      insertRequest.run(rejected, SOURCES[0]!.id, at + 1, JSON.stringify(headers), bytes, bytes.byteLength, 0, "verification_failed", "signature mismatch", 0, null, at + 1, null, "stripe");
    }
    if (!known && n >= knownAt && kind === "stripe" && stripe) {
      known = { eventId, requestId, stripeEventId: stripe.eventId, pi: stripe.pi, email: `buyer${n}@example.com`, delivery: "", at,
        start: START, sources: SOURCES.map((s) => s.id), destinations: DESTINATIONS.map((d) => d.id) };
    }
    if (kind === "github" && known && !known.delivery) known.delivery = providerId;
    if (n % 50_000 === 49_999) {
      db.exec("COMMIT; BEGIN");
      process.stdout.write(`\r  seeded ${n + 1} events`);
    }
  }
  db.exec("COMMIT");
  db.close();
  process.stdout.write("\n");
  if (!known) throw new Error("no known event was seeded");
  return known;
}

/**
 * wrangler dev over a D1 file holding EVENTS events (BENCH_EVENTS, default 1 000 000), seeded with
 * node:sqlite before wrangler dev opens it: the migrations' triggers fill the full-text index and the
 * metrics rollups as routing and delivery would. Seeding a million takes a while, so the seeded file
 * is kept under SEED_CACHE (with what the benchmarks look for beside it) and reused by the next run of
 * the same size and schema; delete it to seed afresh.
 */
export async function seededGateway() {
  let known: Known | null = null;
  let seedSeconds = 0;
  const gateway = await startGateway({
    beforeStart: async (local) => {
      const file = d1File(local.stateDir);
      if (existsSync(SEED_CACHE) && existsSync(`${SEED_CACHE}.json`)) {
        console.log(`reusing ${SEED_CACHE}`);
        // The migrations' write-ahead log belongs to the file being replaced.
        for (const leftover of [`${file}-wal`, `${file}-shm`]) rmSync(leftover, { force: true });
        copyFileSync(SEED_CACHE, file);
        ({ known, seedSeconds } = JSON.parse(readFileSync(`${SEED_CACHE}.json`, "utf8")));
        return;
      }
      const started = performance.now();
      known = seed1M(file);
      seedSeconds = (performance.now() - started) / 1000;
      copyFileSync(file, SEED_CACHE);
      writeFileSync(`${SEED_CACHE}.json`, JSON.stringify({ known, seedSeconds }));
    },
  });
  return { gateway, known: known! as Known, seedSeconds, events: EVENTS, now: NOW };
}
