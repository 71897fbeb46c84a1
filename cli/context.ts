import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { apiFor, type Api } from "./api";
import { CliError, type Output } from "./output";
import { currentLogin } from "./settings";

// What every command needs: how to print (`--json` is a global option) and the client for the
// current login, made only when the command calls the API (so `login` and `--help` need none).

export interface Context {
  out: Output;
  api(): Api;
}

export function contextOf(command: Command): Context {
  const { json } = command.optsWithGlobals<{ json?: boolean }>();
  let api: Api | undefined;
  return { out: { json: Boolean(json) }, api: () => (api ??= apiFor(currentLogin())) };
}

/** A JSON object from `--data '<json>'` or `--file <path>` (`-` reads stdin), or `{}` without either. */
export function jsonInput(options: { data?: string; file?: string }): Record<string, unknown> {
  if (options.data !== undefined && options.file !== undefined) throw new CliError("give --data or --file, not both");
  const [text, from] = options.file !== undefined ? [readText(options.file), options.file] : [options.data, "--data"];
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${from}: not valid JSON: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new CliError(`${from}: expected a JSON object`);
  return value as Record<string, unknown>;
}

export function readText(file: string): string {
  try {
    return readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CliError(`${file}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder" : (error as Error).message}`);
  }
}

/** Parses a positive whole number option, naming the flag when it is not one. */
export const positiveInt = (flag: string) => (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`${flag}: expected a positive whole number, got "${value}"`);
  return n;
};
