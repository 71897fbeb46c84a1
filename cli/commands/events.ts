import type { Command } from "commander";
import { must, type Api, type QueryOf, type Schemas } from "../api";
import { contextOf, positiveInt } from "../context";
import { addFilterOptions, EVENT_FILTERS, filterQuery } from "../filters";
import { printJson, printLine, printObject, printPage, type Column, type Output } from "../output";

// `events list|get|retry|tail`. `tail` polls the search every few seconds and prints each event
// once, oldest first, until Ctrl-C.

type Event = Schemas["Event"];

const COLUMNS: Column<Event>[] = [
  ["ID", (e) => e.id], ["STATUS", (e) => e.status], ["ATTEMPTS", (e) => e.attempts_count], ["LAST", (e) => e.last_response_status],
  ["SOURCE", (e) => e.source_id], ["DESTINATION", (e) => e.destination_id], ["CREATED", (e) => e.created_at],
];

const searchEvents = (api: Api, query: Record<string, unknown>) =>
  must(api.GET("/v1/events", { params: { query: query as QueryOf<"/v1/events"> } }));

export function registerEvents(program: Command): void {
  const events = program.command("events").description("search, inspect, retry and follow events");

  addFilterOptions(events.command("list").description("search events, newest first"), EVENT_FILTERS)
    .option("--limit <n>", "page size, 1 to 250", positiveInt("--limit"), 50)
    .option("--cursor <cursor>", "the next page, as the previous one said")
    .action(async (options: Record<string, unknown>, command: Command) => {
      const { out, api } = contextOf(command);
      const query = { ...filterQuery(options, EVENT_FILTERS), limit: options.limit, cursor: options.cursor };
      printPage(out, await searchEvents(api(), query), COLUMNS);
    });

  events.command("get").description("show an event and its attempts").argument("<id>")
    .action(async (id: string, _: unknown, command: Command) => {
      const { out, api } = contextOf(command);
      const path = { params: { path: { id } } };
      const event = await must(api().GET("/v1/events/{id}", path));
      const attempts = await must(api().GET("/v1/events/{id}/attempts", path));
      printObject(out, { ...event, attempts: attempts.data });
    });

  events.command("retry").description("deliver an event again now").argument("<id>")
    .action(async (id: string, _: unknown, command: Command) => {
      const { out, api } = contextOf(command);
      const event = await must(api().POST("/v1/events/{id}/retry", { params: { path: { id } } }));
      if (out.json) printJson(event);
      else printLine(`Retry of ${event.id} queued (attempt ${event.attempts_count + 1}).`);
    });

  addFilterOptions(events.command("tail").description("print events as they arrive (Ctrl-C ends)"), EVENT_FILTERS)
    .option("--interval <seconds>", "seconds between polls", positiveInt("--interval"), 3)
    .option("--last <n>", "recent events to print first", positiveInt("--last"), 10)
    .action(async (options: Record<string, unknown>, command: Command) => {
      const { out, api } = contextOf(command);
      process.once("SIGINT", () => process.exit(0));
      await tail(api(), out, filterQuery(options, EVENT_FILTERS), options as { interval: number; last: number });
    });
}

async function tail(api: Api, out: Output, filters: Record<string, string>, options: { interval: number; last: number }): Promise<never> {
  const seen = new Set<string>();
  let since: string | undefined;
  let batch = (await searchEvents(api, { ...filters, limit: options.last })).data;
  for (;;) {
    for (const event of batch.reverse()) {
      if (seen.has(event.id)) continue;
      seen.add(event.id);
      if (!since || event.created_at > since) since = event.created_at;
      if (out.json) process.stdout.write(`${JSON.stringify(event)}\n`);
      else printLine(`${event.created_at}  ${event.id}  ${event.status.padEnd(10)}  ${event.source_id} → ${event.destination_id}`);
    }
    await new Promise((r) => setTimeout(r, options.interval * 1000));
    batch = await newSince(api, filters, since);
  }
}

/** Every event created since `since` (all pages), newest first. */
async function newSince(api: Api, filters: Record<string, string>, since: string | undefined): Promise<Event[]> {
  // Events of one millisecond can straddle a poll: ask from a millisecond earlier; the seen are skipped.
  const after = since ? { created_after: new Date(Date.parse(since) - 1).toISOString() } : {};
  const found: Event[] = [];
  let cursor: string | undefined;
  do {
    const page = await searchEvents(api, { ...filters, ...after, limit: 250, cursor });
    found.push(...page.data);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return found;
}
