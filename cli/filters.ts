import type { Command } from "commander";

// The search filters of `events` and `requests`, as flags named after the API's query parameters
// (`--source` for `source_id`, …). `--body path=value` and `--header name=value` become the API's
// `body.<path>=<value>` and `headers.<name>=<value>`.

type Flag = [flag: string, param: string, description: string];

const TEXT_FILTERS: Flag[] = [
  ["--created-after <time>", "created_after", "ISO 8601 time"],
  ["--created-before <time>", "created_before", "ISO 8601 time"],
  ["--body-contains <text>", "body_contains", "text the body contains"],
  ["--provider-event-id <id>", "provider_event_id", "the provider's own id for the webhook"],
];

export const EVENT_FILTERS: Flag[] = [
  ["--status <status>", "status", "scheduled, paused, successful, failed or cancelled"],
  ["--source <id>", "source_id", "source id"],
  ["--connection <id>", "connection_id", "connection id"],
  ["--destination <id>", "destination_id", "destination id"],
  ["--request <id>", "request_id", "request id"],
  ...TEXT_FILTERS,
];

export const REQUEST_FILTERS: Flag[] = [
  ["--source <id>", "source_id", "source id"],
  ["--verified <bool>", "verified", "true or false"],
  ["--rejection <cause>", "rejection", "a rejection cause, none or any"],
  ...TEXT_FILTERS,
];

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function addFilterOptions(command: Command, flags: Flag[]): Command {
  for (const [flag, , description] of flags) command.option(flag, description);
  return command
    .option("--body <path=value>", "a body field equals a value (repeatable)", collect)
    .option("--header <name=value>", "a request header equals a value (repeatable)", collect);
}

/** The query string parameters for the flags given. */
export function filterQuery(options: Record<string, unknown>, flags: Flag[]): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [flag, param] of flags) {
    const key = flag.slice(2).split(" ")[0]!.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (typeof options[key] === "string") query[param] = options[key];
  }
  for (const [prefix, pairs] of [["body", options.body], ["headers", options.header]] as const) {
    for (const pair of (pairs as string[] | undefined) ?? []) {
      const at = pair.indexOf("=");
      if (at > 0) query[`${prefix}.${pair.slice(0, at)}`] = pair.slice(at + 1);
    }
  }
  return query;
}
