import type { Command } from "commander";
import { must, type Api, type Schemas } from "../api";
import { contextOf } from "../context";
import { CliError, note, printJson, printLine } from "../output";

// `replay`: retry every event (or re-route every request) a filter matches, as one bulk job run by
// the gateway. `--dry-run` only counts; otherwise the command follows the job until it ends.

type Replay = Schemas["Replay"];
const POLL_MS = 1000;

const FLAGS: [flag: string, param: string, kinds: string[], description: string][] = [
  ["--status <status>", "status", ["events"], "events: scheduled, paused, successful, failed or cancelled"],
  ["--source <id>", "source_id", ["events", "requests"], "source id"],
  ["--connection <id>", "connection_id", ["events"], "events: connection id"],
  ["--destination <id>", "destination_id", ["events"], "events: destination id"],
  ["--verified <bool>", "verified", ["requests"], "requests: true or false"],
  ["--created-after <time>", "created_after", ["events", "requests"], "ISO 8601 time"],
  ["--created-before <time>", "created_before", ["events", "requests"], "ISO 8601 time"],
];

export function registerReplay(program: Command): void {
  const replay = program.command("replay").description("retry the events (or re-route the requests) a filter matches")
    .option("--kind <kind>", "events or requests", "events")
    .option("--dry-run", "count what would be replayed, change nothing");
  for (const [flag, , , description] of FLAGS) replay.option(flag, description);
  replay.action(async (options: Record<string, string | boolean | undefined>, command: Command) => {
    const { out, api } = contextOf(command);
    const kind = options.kind;
    if (kind !== "events" && kind !== "requests") throw new CliError(`--kind: expected events or requests, got "${kind}"`);
    const query = replayQuery(kind, options);
    const body = { kind, query, dry_run: Boolean(options.dryRun) } as Schemas["ReplayInput"];
    const started = await must(api().POST("/v1/replays", { body }));
    if ("dry_run" in started) {
      if (out.json) printJson(started);
      else printLine(`Dry run: ${started.total} ${started.total === 1 ? kind.slice(0, -1) : kind} would be replayed.`);
      return;
    }
    const done = await follow(api(), started);
    if (out.json) printJson(done);
    else printLine(`Replay ${done.id} ${done.status}: ${done.processed} of ${done.total} ${kind} replayed, ${done.failed} failed.`);
    if (done.status !== "completed") throw new CliError(`replay ${done.id} ended ${done.status}`);
  });
}

function replayQuery(kind: string, options: Record<string, string | boolean | undefined>): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const [flag, param, kinds] of FLAGS) {
    const key = flag.slice(2).split(" ")[0]!.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    const value = options[key];
    if (typeof value !== "string") continue;
    if (!kinds.includes(kind)) throw new CliError(`${flag.split(" ")[0]} applies to --kind ${kinds[0]} only`);
    query[param] = param === "verified" ? value === "true" : value;
  }
  return query;
}

/** Polls the job, printing its progress on stderr whenever it moves, until it is no longer running. */
async function follow(api: Api, replay: Replay): Promise<Replay> {
  let shown = "";
  for (;;) {
    const line = `Replay ${replay.id}: ${replay.processed}/${replay.total} processed, ${replay.failed} failed`;
    if (line !== shown) note((shown = line));
    if (replay.status !== "running") return replay;
    await new Promise((r) => setTimeout(r, POLL_MS));
    replay = await must(api.GET("/v1/replays/{id}", { params: { path: { id: replay.id } } }));
  }
}
