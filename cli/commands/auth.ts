import type { Command } from "commander";
import { apiFor, must } from "../api";
import { contextOf } from "../context";
import { CliError, note, printJson, printLine } from "../output";
import { configPath, forgetLogin, saveLogin } from "../settings";

// `login` checks the key against the API before saving it, so a saved login is one that worked.

export function registerAuth(program: Command): void {
  program
    .command("login")
    .description("verify an API key against a gateway and save both in your config directory")
    .option("--url <url>", "the gateway's base URL (default: $EVENT_GATEWAY_URL)")
    .option("--key <key>", "an API key (default: $EVENT_GATEWAY_KEY, else read from stdin)")
    .action(async (options: { url?: string; key?: string }, command: Command) => {
      const { out } = contextOf(command);
      const url = options.url ?? process.env.EVENT_GATEWAY_URL;
      if (!url) throw new CliError("login: give --url <gateway URL> (or set EVENT_GATEWAY_URL)");
      if (!/^https?:\/\/[^/]/.test(url)) throw new CliError(`--url: expected an http(s) URL, got "${url}"`);
      const key = options.key ?? process.env.EVENT_GATEWAY_KEY ?? (await readKey());
      if (!key) throw new CliError("login: no API key given (--key, $EVENT_GATEWAY_KEY or stdin)");
      const session = await must(apiFor({ url, key }).GET("/v1/session"));
      saveLogin({ url: url.replace(/\/+$/, ""), key });
      if (out.json) printJson({ url, key_id: session.key_id, role: session.role, config: configPath() });
      else printLine(`Logged in to ${url} as ${session.key_id} (${session.role}). Saved to ${configPath()}`);
    });

  program
    .command("logout")
    .description("forget the saved login")
    .action((_: unknown, command: Command) => {
      const { out } = contextOf(command);
      const path = configPath();
      if (!forgetLogin(path)) throw new CliError("not logged in");
      if (out.json) printJson({ logged_out: true, config: path });
      else printLine(`Logged out: removed ${path}`);
    });
}

/** The key from stdin: typed at a hidden prompt on a terminal, or piped (`echo $KEY | event-gateway login`). */
async function readKey(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    let text = "";
    for await (const chunk of stdin) text += chunk;
    return text.trim();
  }
  note("API key: ");
  stdin.setRawMode(true);
  let key = "";
  try {
    for await (const chunk of stdin) {
      for (const char of String(chunk)) {
        if (char === "\r" || char === "\n") return key;
        if (char === "\u0003") throw new CliError("login cancelled");
        key = char === "\u007f" ? key.slice(0, -1) : key + char;
      }
    }
    return key;
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
  }
}
