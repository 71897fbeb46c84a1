import type { Command } from "commander";
import { must, type QueryOf, type Schemas } from "../api";
import { contextOf, positiveInt } from "../context";
import { addFilterOptions, filterQuery, REQUEST_FILTERS } from "../filters";
import { printObject, printPage, type Column } from "../output";

// `requests list|get`: what the sources received, accepted or rejected.

const COLUMNS: Column<Schemas["RequestSummary"]>[] = [
  ["ID", (r) => r.id], ["RECEIVED", (r) => r.received_at], ["METHOD", (r) => r.method], ["VERIFIED", (r) => (r.verified ? "yes" : "no")],
  ["REJECTION", (r) => r.rejection], ["EVENTS", (r) => r.events_count], ["SOURCE", (r) => r.source_id],
];

export function registerRequests(program: Command): void {
  const requests = program.command("requests").description("search and inspect received requests");

  addFilterOptions(requests.command("list").description("search requests, newest first"), REQUEST_FILTERS)
    .option("--limit <n>", "page size, 1 to 250", positiveInt("--limit"), 50)
    .option("--cursor <cursor>", "the next page, as the previous one said")
    .action(async (options: Record<string, unknown>, command: Command) => {
      const { out, api } = contextOf(command);
      const query = { ...filterQuery(options, REQUEST_FILTERS), limit: options.limit, cursor: options.cursor } as QueryOf<"/v1/requests">;
      printPage(out, await must(api().GET("/v1/requests", { params: { query } })), COLUMNS);
    });

  requests.command("get").description("show a request with its body").argument("<id>")
    .action(async (id: string, _: unknown, command: Command) => {
      const { out, api } = contextOf(command);
      printObject(out, await must(api().GET("/v1/requests/{id}", { params: { path: { id } } })));
    });
}
