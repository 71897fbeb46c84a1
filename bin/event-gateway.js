#!/usr/bin/env node
// The `event-gateway` command: runs the CLI built from cli/ by `npm run build:cli` (run by
// `npm install` through `prepare`).
import { existsSync } from "node:fs";

const built = new URL("../dist/cli/event-gateway.js", import.meta.url);
if (!existsSync(built)) {
  process.stderr.write("error: the command is not built: run `npm run build:cli` in the event-gateway checkout\n");
  process.exit(1);
}
await import(built.href);
