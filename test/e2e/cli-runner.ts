import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./wrangler-dev";

// Runs the BUILT `event-gateway` command as a user's shell would: the bin through its shebang, with
// the system's Node (20) first on PATH, a temporary HOME and config directory, and only the
// environment a test gives it.

export const BIN = join(ROOT, "bin/event-gateway.js");

/** Builds the command the way `npm install` does (the `prepare` script). */
export function buildCli(): void {
  execFileSync("npm", ["run", "--silent", "build:cli"], { cwd: ROOT, stdio: "inherit" });
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (for --json runs). */
  json: any;
}

export interface CliUser {
  home: string;
  configDir: string;
  run(args: string[], options?: { env?: Record<string, string>; input?: string }): Promise<CliResult>;
  spawn(args: string[], options?: { env?: Record<string, string> }): ChildProcess;
}

export function newUser(): CliUser {
  const home = mkdtempSync(join(tmpdir(), "cli-home-"));
  const configDir = join(home, "config");
  const env = (extra: Record<string, string> = {}) => ({
    PATH: `/usr/bin:/bin:${process.env.PATH}`, HOME: home, XDG_CONFIG_HOME: configDir, NO_COLOR: "1", ...extra,
  });
  const start = (args: string[], extra?: Record<string, string>) =>
    spawn(BIN, args, { cwd: home, env: env(extra), stdio: ["pipe", "pipe", "pipe"] });
  return {
    home,
    configDir,
    spawn: (args, options = {}) => start(args, options.env),
    run: (args, options = {}) => new Promise((resolve, reject) => {
      const child = start(args, options.env);
      let stdout = "";
      let stderr = "";
      child.stdout!.on("data", (d) => (stdout += d));
      child.stderr!.on("data", (d) => (stderr += d));
      child.on("error", reject);
      child.on("close", (code) => {
        let json: unknown;
        try {
          json = JSON.parse(stdout);
        } catch {
          json = undefined;
        }
        resolve({ code, stdout, stderr, json });
      });
      child.stdin!.end(options.input ?? "");
    }),
  };
}
