import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { stringify } from "yaml";
import type { Api } from "../api";
import { parseDocument } from "../config-file/document";
import { resolveEnvRefs } from "../config-file/env-refs";
import { executePlan } from "../config-file/execute";
import { computePlan, type Step } from "../config-file/plan";
import { exportPlaceholders, shapeLive, type LiveConfig } from "../config-file/shape";
import { contextOf, readText } from "../context";
import { CliError, note, printJson, printLine } from "../output";
import * as resources from "../resources";

// `export` writes the whole configuration as one file; `apply -f` makes the gateway match a file.
// Secrets never leave the gateway: export writes `${VAR}` references, apply reads them from the
// environment.

const SINGULAR: Record<Step["kind"], string> = {
  transformations: "transformation", sources: "source", destinations: "destination", connections: "connection",
  notification_channels: "notification channel",
};

async function loadLive(api: Api): Promise<LiveConfig> {
  const [sources, destinations, transformations, connections, notification_channels] = await Promise.all([
    resources.listAll(api, resources.sources), resources.listAll(api, resources.destinations),
    resources.listAll(api, resources.transformations), resources.listAll(api, resources.connections),
    resources.listAll(api, resources.notificationChannels),
  ]);
  return { sources, destinations, transformations, connections, notification_channels };
}

export function registerConfig(program: Command): void {
  program.command("export").description("print the whole configuration as YAML (or JSON), secrets as ${VAR} references")
    .option("--format <format>", "yaml or json", "yaml")
    .option("-o, --output <file>", "write to a file instead of stdout")
    .action(async (options: { format: string; output?: string }, command: Command) => {
      const { out, api } = contextOf(command);
      const format = out.json ? "json" : options.format;
      if (format !== "yaml" && format !== "json") throw new CliError(`--format: expected yaml or json, got "${format}"`);
      const secrets: string[] = [];
      const doc = shapeLive(await loadLive(api()), (path, shown) => {
        const placeholder = exportPlaceholders(path, shown);
        secrets.push(placeholder.slice(2, -1));
        return placeholder;
      });
      const text = format === "json" ? `${JSON.stringify(doc, null, 2)}\n` : yamlWithHeader(doc);
      if (options.output) writeFileSync(options.output, text);
      else process.stdout.write(text);
      if (secrets.length) note(`Secrets are not exported; set these before \`apply\`: ${secrets.join(", ")}`);
      if (options.output) note(`Wrote ${options.output}`);
    });

  program.command("apply").description("make the gateway match a configuration file: prints the plan, then applies it")
    .requiredOption("-f, --file <file>", "the YAML or JSON file (- for stdin)")
    .option("--dry-run", "print the plan, change nothing")
    .action(async (options: { file: string; dryRun?: boolean }, command: Command) => {
      const { out, api } = contextOf(command);
      const doc = resolveEnvRefs(parseDocument(readText(options.file), options.file), process.env, options.file);
      const plan = computePlan(doc, await loadLive(api()));
      const changes = plan.filter((s) => s.action !== "unchanged");
      if (!out.json) printPlan(plan);
      if (!options.dryRun && changes.length) {
        await executePlan(api(), plan, (step, id) => note(`${pastTense(step)} ${SINGULAR[step.kind]} ${step.name} (${id})`));
      }
      const applied = !options.dryRun && changes.length > 0;
      if (out.json) printJson({ plan: plan.map(({ desired: _, ...step }) => step), applied });
      else if (applied) printLine(`Applied ${changes.length} change${changes.length === 1 ? "" : "s"}.`);
      else if (options.dryRun && changes.length) printLine("Dry run: nothing was changed.");
    });
}

function yamlWithHeader(doc: object): string {
  return [
    "# event-gateway configuration (`event-gateway apply -f <this file>`).",
    "# Secrets are never exported: each is a ${VAR} reference, read from the environment by apply.",
    stringify(doc, { lineWidth: 0 }),
  ].join("\n");
}

const MARK: Record<Step["action"], string> = { create: "+", update: "~", replace: "±", delete: "-", unchanged: " " };

function printPlan(plan: Step[]): void {
  for (const step of plan) {
    const fields = step.fields.length ? ` (${step.fields.join(", ")})` : "";
    printLine(`${MARK[step.action]} ${step.action.padEnd(9)}  ${SINGULAR[step.kind]} ${step.name}${fields}`);
  }
  const count = (action: Step["action"]) => plan.filter((s) => s.action === action).length;
  printLine(`Plan: ${count("create")} to create, ${count("update")} to update, ${count("replace")} to replace, ${count("delete")} to delete, ${count("unchanged")} unchanged.`);
}

const pastTense = (step: Step) => ({ create: "Created", update: "Updated", replace: "Replaced", delete: "Deleted", unchanged: "Kept" })[step.action];
