import { parse } from "yaml";
import { z } from "zod";
import { zodIssuesToFields } from "../../src/http/problem";
import { CliError } from "../output";

// The configuration file of `export` and `apply`: one YAML (or JSON, which YAML reads too) document
// listing sources, destinations, transformations, connections and notification channels. Objects
// are matched by name; connections name their source, destination and transformations. Only the
// shape that matching needs is checked here: the API validates every field when the plan runs.

const named = z.looseObject({ name: z.string().min(1) });

const transformRule = z.looseObject({ type: z.literal("transform"), transformation: z.string().min(1) });
const otherRule = z.looseObject({ type: z.string().refine((t) => t !== "transform") });

const connectionSpec = named.extend({
  source: z.string().min(1),
  destination: z.string().min(1),
  rules: z.array(z.union([transformRule, otherRule])).optional(),
});

const channelSpec = z.looseObject({ type: z.enum(["slack", "pagerduty", "webhook", "opsgenie", "teams"]), url: z.string().min(1) });

const list = <T extends z.ZodType>(item: T) => z.array(item).default([]);

const documentSchema = z.strictObject({
  version: z.literal(1).default(1),
  sources: list(named),
  destinations: list(named),
  transformations: list(named),
  connections: list(connectionSpec),
  notification_channels: list(channelSpec),
});

export type ConfigDocument = z.infer<typeof documentSchema>;
export type Spec = Record<string, unknown> & { name: string };
export type ChannelSpec = z.infer<typeof channelSpec>;

/** The named kinds, in the order objects are created (a connection needs the others first). */
export const NAMED_KINDS = ["transformations", "sources", "destinations", "connections"] as const;
export type NamedKind = (typeof NAMED_KINDS)[number];

/** Reads a configuration file's text: a CliError naming the file and the first wrong field. */
export function parseDocument(text: string, file: string): ConfigDocument {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new CliError(`${file}: not valid YAML or JSON: ${(error as Error).message.split("\n")[0]}`);
  }
  const result = documentSchema.safeParse(raw ?? {});
  if (!result.success) {
    const [first] = zodIssuesToFields(result.error.issues);
    throw new CliError(`${file}: ${first!.path || "(document)"}: ${first!.message}`);
  }
  assertUniqueNames(result.data, file);
  return result.data;
}

function assertUniqueNames(doc: ConfigDocument, file: string): void {
  for (const kind of NAMED_KINDS) {
    const seen = new Set<string>();
    doc[kind].forEach((spec, i) => {
      if (seen.has(spec.name)) throw new CliError(`${file}: ${kind}.${i}.name: "${spec.name}" appears twice`);
      seen.add(spec.name);
    });
  }
}
