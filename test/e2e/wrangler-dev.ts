import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

// Starts the gateway under the real `wrangler dev`, with its own local state in a temporary folder,
// migrations applied, and a known admin token. Nothing prompts (CI runs without stdin).

export const ROOT = resolve(import.meta.dirname, "../..");
const WRANGLER = join(ROOT, "node_modules/wrangler/bin/wrangler.js");
export const ADMIN_TOKEN = "e2e-admin-token";
// A development key, for tests only (docs/security.md).
export const ENCRYPTION_KEY = "1YRHubN07mQJBrKPaNKAA+x1ziyE6Tgm3PxCbubgfvQ=";

export interface Gateway {
  url: string;
  admin(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; json: any; headers: Headers }>;
  logs(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

const childEnv = () => ({ ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false", NO_COLOR: "1", FORCE_COLOR: "0" });

function run(args: string[], cwd: string): Promise<string> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [WRANGLER, ...args], { cwd, env: childEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => (code === 0 ? resolveRun(out) : reject(new Error(`wrangler ${args.join(" ")} exited ${code}:\n${out}`))));
  });
}

/** The local state before wrangler dev starts, migrations applied: for seeding D1 in bulk. */
export interface LocalState {
  stateDir: string;
  /** Runs a SQL file against the local D1 database. */
  executeSql(file: string): Promise<void>;
}

export async function startGateway(options: { vars?: Record<string, string>; config?: string; beforeStart?: (local: LocalState) => Promise<void> } = {}): Promise<Gateway> {
  const state = mkdtempSync(join(tmpdir(), "gateway-e2e-"));
  const config = options.config ?? join(ROOT, "wrangler.toml");
  await run(["d1", "migrations", "apply", "DB", "--local", "--persist-to", state, "--config", config], ROOT);
  await options.beforeStart?.({
    stateDir: state,
    executeSql: async (file) => {
      await run(["d1", "execute", "DB", "--local", "--persist-to", state, "--config", config, "--file", file], ROOT);
    },
  });
  const port = await freePort();
  const vars = { ADMIN_TOKEN, ENCRYPTION_KEY, ALLOW_PRIVATE_DESTINATIONS: "true", SOURCE_CACHE_TTL_MS: "0", ...options.vars };
  const child: ChildProcess = spawn(
    process.execPath,
    [WRANGLER, "dev", "--config", config, "--ip", "127.0.0.1", "--port", String(port), "--persist-to", state, "--test-scheduled",
      "--show-interactive-dev-session=false", "--log-level", "log", ...Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`])],
    { cwd: ROOT, env: childEnv(), stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  let logs = "";
  child.stdout!.on("data", (d) => (logs += d));
  child.stderr!.on("data", (d) => (logs += d));
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early:\n${logs}`);
    try {
      const res = await fetch(`${url}/openapi.json`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`wrangler dev did not start:\n${logs}`);
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    url,
    async admin(method, path, body, token = ADMIN_TOKEN) {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null };
    },
    logs: () => logs,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        // wrangler dev runs workerd as a child: end the whole process group.
        process.kill(-child.pid!, "SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
      }
      rmSync(state, { recursive: true, force: true });
    },
  };
}
