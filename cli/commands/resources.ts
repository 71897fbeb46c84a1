import { Command } from "commander";
import type { Api, Schemas } from "../api";
import { contextOf, jsonInput, positiveInt, readText } from "../context";
import { CliError, printJson, printLine, printObject, printPage, type Column } from "../output";
import * as resources from "../resources";

// `sources|destinations|connections|transformations|notification-channels list|get|create|delete`:
// one table per resource says how it is listed and which flags `create` takes; the commands are the
// same for all five. An object is named by id, or by name for the four that have one.

interface ResourceCommand<T extends { id: string }> {
  noun: string;
  singular: string;
  idPrefix: string;
  named: boolean;
  calls: resources.ResourceCalls<T, never, never>;
  columns: Column<T>[];
  flags: [flag: string, description: string][];
  /** The create body from the flags given, over what --data/--file gave. */
  body(flags: Record<string, string | undefined>, api: () => Api): Promise<Record<string, unknown>>;
}

const when = (value: unknown, field: string) => (value === undefined ? {} : { [field]: value });
const pausedOrDash = (at: string | null) => (at ? `since ${at}` : "-");

const RESOURCES: ResourceCommand<any>[] = [
  {
    noun: "sources", singular: "source", idPrefix: "src", named: true, calls: resources.sources as never,
    columns: [["ID", (s: Schemas["Source"]) => s.id], ["NAME", (s) => s.name], ["VERIFICATION", (s) => s.verification?.type ?? "none"],
      ["DISABLED", (s) => (s.disabled_at ? "yes" : "no")], ["URL", (s) => s.url]] satisfies Column<Schemas["Source"]>[],
    flags: [["--name <name>", "its name"], ["--allowed-methods <list>", "comma-separated HTTP methods (default POST)"]],
    body: async (f) => ({ ...when(f.name, "name"), ...when(f.allowedMethods?.split(",").map((m) => m.trim().toUpperCase()), "allowed_methods") }),
  },
  {
    noun: "destinations", singular: "destination", idPrefix: "des", named: true, calls: resources.destinations as never,
    columns: [["ID", (d: Schemas["Destination"]) => d.id], ["NAME", (d) => d.name], ["PAUSED", (d) => pausedOrDash(d.paused_at)],
      ["URL", (d) => d.url]] satisfies Column<Schemas["Destination"]>[],
    flags: [["--name <name>", "its name"], ["--url <url>", "where events are delivered"], ["--http-method <method>", "POST (default), PUT, PATCH, GET or DELETE"]],
    body: async (f) => ({ ...when(f.name, "name"), ...when(f.url, "url"), ...when(f.httpMethod?.toUpperCase(), "http_method") }),
  },
  {
    noun: "connections", singular: "connection", idPrefix: "con", named: true, calls: resources.connections as never,
    columns: [["ID", (c: Schemas["Connection"]) => c.id], ["NAME", (c) => c.name], ["SOURCE", (c) => c.source_id],
      ["DESTINATION", (c) => c.destination_id], ["RULES", (c) => c.rules.length], ["PAUSED", (c) => pausedOrDash(c.paused_at)]] satisfies Column<Schemas["Connection"]>[],
    flags: [["--name <name>", "its name"], ["--source <source>", "source id or name"], ["--destination <destination>", "destination id or name"]],
    body: async (f, api) => ({
      ...when(f.name, "name"),
      ...when(f.source && (await idFor(api(), RESOURCES[0]!, f.source)), "source_id"),
      ...when(f.destination && (await idFor(api(), RESOURCES[1]!, f.destination)), "destination_id"),
    }),
  },
  {
    noun: "transformations", singular: "transformation", idPrefix: "trs", named: true, calls: resources.transformations as never,
    columns: [["ID", (t: Schemas["Transformation"]) => t.id], ["NAME", (t) => t.name], ["ENV", (t) => Object.keys(t.env).join(",") || "-"],
      ["UPDATED", (t) => t.updated_at]] satisfies Column<Schemas["Transformation"]>[],
    flags: [["--name <name>", "its name"], ["--code-file <path>", "a file holding its JavaScript"]],
    body: async (f) => ({ ...when(f.name, "name"), ...when(f.codeFile && readText(f.codeFile), "code") }),
  },
  {
    noun: "notification-channels", singular: "notification channel", idPrefix: "nch", named: false, calls: resources.notificationChannels as never,
    columns: [["ID", (n: Schemas["NotificationChannel"]) => n.id], ["TYPE", (n) => n.type], ["URL", (n) => n.url]] satisfies Column<Schemas["NotificationChannel"]>[],
    flags: [["--type <type>", "slack, pagerduty or webhook"], ["--url <url>", "where notifications go"], ["--routing-key <key>", "PagerDuty's routing key"],
      ["--secret <whsec_...>", "a webhook channel's signing secret"]],
    body: async (f) => ({ ...when(f.type, "type"), ...when(f.url, "url"), ...when(f.routingKey, "routing_key"), ...when(f.secret, "secret") }),
  },
];

/** An id as given, or the id of the object with that name. */
async function idFor(api: Api, resource: ResourceCommand<any>, ref: string): Promise<string> {
  if (ref.startsWith(`${resource.idPrefix}_`) || !resource.named) return ref;
  const found = (await resources.listAll(api, resource.calls)).find((o: { name: string }) => o.name === ref);
  if (!found) throw new CliError(`no ${resource.singular} named "${ref}"`);
  return found.id;
}

export function registerResources(program: Command): void {
  for (const resource of RESOURCES) program.addCommand(resourceCommand(resource));
}

function resourceCommand(resource: ResourceCommand<any>): Command {
  const group = new Command(resource.noun).description(`list, show, create and delete ${resource.noun.replace("-", " ")}`);
  const ref = resource.named ? "<id-or-name>" : "<id>";

  group.command("list").description(`list ${resource.noun.replace("-", " ")}, newest first`)
    .option("--limit <n>", "page size, 1 to 250", positiveInt("--limit"), 50)
    .option("--cursor <cursor>", "the next page, as the previous one said")
    .action(async (options: { limit: number; cursor?: string }, command: Command) => {
      const { out, api } = contextOf(command);
      printPage(out, await resource.calls.list(api(), options), resource.columns);
    });

  group.command("get").description(`show one ${resource.singular}`).argument(ref)
    .action(async (id: string, _: unknown, command: Command) => {
      const { out, api } = contextOf(command);
      printObject(out, await resource.calls.get(api(), await idFor(api(), resource, id)));
    });

  const create = group.command("create").description(`create a ${resource.singular} from flags and/or a JSON body (flags win)`)
    .option("--data <json>", "the JSON body, as in the API")
    .option("--file <path>", "a file holding the JSON body (- for stdin)");
  for (const [flag, description] of resource.flags) create.option(flag, description);
  create.action(async (options: Record<string, string | undefined>, command: Command) => {
    const { out, api } = contextOf(command);
    const body = { ...jsonInput(options), ...(await resource.body(options, api)) };
    const created = await resource.calls.create(api(), body as never);
    if (out.json) printJson(created);
    else printLine(`Created ${resource.singular} ${created.id}`);
  });

  group.command("delete").description(`delete a ${resource.singular}`).argument(ref)
    .action(async (id: string, _: unknown, command: Command) => {
      const { out, api } = contextOf(command);
      const target = await idFor(api(), resource, id);
      await resource.calls.remove(api(), target);
      if (out.json) printJson({ deleted: target });
      else printLine(`Deleted ${resource.singular} ${target}`);
    });
  return group;
}
