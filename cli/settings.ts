import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { CliError } from "./output";

// The saved login: `$XDG_CONFIG_HOME/event-gateway/config.json` (or ~/.config/...), readable by
// its owner only since it holds an API key. EVENT_GATEWAY_URL and EVENT_GATEWAY_KEY override it.

export interface Login {
  url: string;
  key: string;
}

export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), ".config");
  return join(base, "event-gateway", "config.json");
}

export function readLogin(path = configPath()): Partial<Login> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return {};
  }
  try {
    const saved = JSON.parse(text) as Partial<Login>;
    return { url: saved.url, key: saved.key };
  } catch {
    throw new CliError(`${path} is not valid JSON: run \`event-gateway login\` again`);
  }
}

export function saveLogin(login: Login, path = configPath()): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, `${JSON.stringify(login, null, 2)}\n`, { mode: 0o600 });
  // writeFileSync keeps the mode of a file that already existed.
  chmodSync(path, 0o600);
}

export function forgetLogin(path = configPath()): boolean {
  const existed = readLogin(path).url !== undefined;
  rmSync(path, { force: true });
  return existed;
}

/** The login to use: the environment's values over the saved ones. */
export function currentLogin(env: NodeJS.ProcessEnv = process.env): Login {
  const saved = readLogin(configPath(env));
  const url = env.EVENT_GATEWAY_URL || saved.url;
  const key = env.EVENT_GATEWAY_KEY || saved.key;
  if (!url || !key) throw new CliError("not logged in: run `event-gateway login` or set EVENT_GATEWAY_URL and EVENT_GATEWAY_KEY");
  return { url, key };
}
