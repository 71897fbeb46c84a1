import { Command } from "commander";
import { registerAuth } from "./commands/auth";
import { registerConfig } from "./commands/config";
import { registerEvents } from "./commands/events";
import { registerReplay } from "./commands/replay";
import { registerRequests } from "./commands/requests";
import { registerResources } from "./commands/resources";
import { failWith } from "./output";

// `event-gateway`: the gateway's admin API from a terminal (docs/cli.md). Built to
// dist/cli/event-gateway.js by `npm run build:cli`; bin/event-gateway.js runs it.

const program = new Command("event-gateway")
  .description("Manage an event gateway: configuration, events, requests, replays.\nLogin: `event-gateway login`, or EVENT_GATEWAY_URL and EVENT_GATEWAY_KEY.")
  .option("--json", "print machine-readable JSON")
  .configureHelp({ showGlobalOptions: true })
  // Errors are one line (commander adds suggestions on a second one).
  .configureOutput({ outputError: (text, write) => write(`${text.trim().replace(/\s*\n\s*/g, " ")}\n`) });

registerAuth(program);
registerResources(program);
registerEvents(program);
registerRequests(program);
registerReplay(program);
registerConfig(program);

program.parseAsync(process.argv).catch(failWith);
