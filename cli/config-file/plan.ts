import { isDeepStrictEqual } from "node:util";
import { maskSecret } from "../../src/secret-mask";
import { CliError } from "../output";
import { NAMED_KINDS, type ChannelSpec, type ConfigDocument, type NamedKind, type Spec } from "./document";
import { channelKey, maskSpec } from "./mask";
import { keepMasked, shapeLive, type LiveConfig } from "./shape";

// `apply`'s plan: what to create, update, replace, delete or leave per object, computed from the
// file (secrets resolved) and the live configuration, with no calls. A field the file leaves out is
// left as it is live; nested objects compare the fields the file gives (the API fills defaults),
// except `headers` and `env`, whose keys are the user's own and compare exactly.

export type Action = "create" | "update" | "replace" | "delete" | "unchanged";
export type Kind = NamedKind | "notification_channels";

export interface Step {
  kind: Kind;
  /** The object's name; for a channel, its type and URL as the API shows it. */
  name: string;
  action: Action;
  /** The live object's id (all but create). */
  id?: string;
  /** Top-level fields that differ (update and replace). */
  fields: string[];
  /** The file's object, secrets resolved (all but delete). */
  desired?: Spec | ChannelSpec;
}

const EXACT_FIELDS = new Set(["headers", "env"]);
/** Fields the API cannot change in place: a connection moved to another source is replaced. */
const REPLACE_FIELDS: Partial<Record<NamedKind, string[]>> = { connections: ["source"] };

/** True when every field `desired` gives has the same value in `live`. */
export function covers(desired: unknown, live: unknown): boolean {
  if (Array.isArray(desired)) return Array.isArray(live) && desired.length === live.length && desired.every((d, i) => covers(d, live[i]));
  if (desired !== null && typeof desired === "object") {
    if (live === null || typeof live !== "object" || Array.isArray(live)) return false;
    return Object.entries(desired).every(([key, value]) => covers(value, (live as Record<string, unknown>)[key]));
  }
  return isDeepStrictEqual(desired, live);
}

export function changedFields(desired: Spec, live: Spec): string[] {
  return Object.keys(desired).filter((field) =>
    field !== "name" && !(EXACT_FIELDS.has(field) ? isDeepStrictEqual(desired[field], live[field]) : covers(desired[field], live[field])));
}

export function computePlan(file: ConfigDocument, live: LiveConfig): Step[] {
  assertReferences(file);
  const shown = shapeLive(live, keepMasked);
  const steps: Step[] = [];
  for (const kind of NAMED_KINDS) {
    const shownByName = new Map<string, Spec>(shown[kind].map((spec) => [spec.name, spec]));
    const liveByName = new Map((live[kind] as { id: string; name: string }[]).map((o) => [o.name, { id: o.id, spec: shownByName.get(o.name)! }]));
    for (const desired of file[kind]) {
      const current = liveByName.get(desired.name);
      liveByName.delete(desired.name);
      if (!current) {
        steps.push({ kind, name: desired.name, action: "create", fields: [], desired });
        continue;
      }
      const fields = changedFields(maskSpec(kind, desired), current.spec);
      const replace = fields.some((f) => REPLACE_FIELDS[kind]?.includes(f));
      steps.push({ kind, name: desired.name, action: replace ? "replace" : fields.length ? "update" : "unchanged", id: current.id, fields, desired });
    }
    for (const [name, { id }] of liveByName) steps.push({ kind, name, action: "delete", id, fields: [] });
  }
  return [...steps, ...planChannels(file.notification_channels, live.notification_channels)];
}

function planChannels(desired: ChannelSpec[], live: LiveConfig["notification_channels"]): Step[] {
  const liveByKey = new Map(live.map((c) => [channelKey({ type: c.type, url: c.url, routing_key: c.routing_key ?? undefined }, false), c]));
  const steps: Step[] = [];
  for (const channel of desired) {
    const key = channelKey(channel, true);
    const current = liveByKey.get(key);
    liveByKey.delete(key);
    if (!current) {
      steps.push({ kind: "notification_channels", name: channelKey(channel, true), action: "create", fields: [], desired: channel });
      continue;
    }
    // The one field a channel has besides its identity: a webhook channel's signing secret.
    const secretChanged = typeof channel.secret === "string" && maskSecret(channel.secret) !== current.secret;
    steps.push({ kind: "notification_channels", name: key, action: secretChanged ? "update" : "unchanged", id: current.id, fields: secretChanged ? ["secret"] : [], desired: channel });
  }
  for (const [key, c] of liveByKey) steps.push({ kind: "notification_channels", name: key, action: "delete", id: c.id, fields: [] });
  return steps;
}

/** Connections name objects of the same file: a name it does not define is an error before any call. */
function assertReferences(file: ConfigDocument): void {
  const defined = (kind: NamedKind) => new Set(file[kind].map((o) => o.name));
  const sources = defined("sources"), destinations = defined("destinations"), transformations = defined("transformations");
  file.connections.forEach((c, i) => {
    if (!sources.has(c.source)) throw new CliError(`connections.${i}.source: no source named "${c.source}" in the file`);
    if (!destinations.has(c.destination)) throw new CliError(`connections.${i}.destination: no destination named "${c.destination}" in the file`);
    (c.rules ?? []).forEach((rule, j) => {
      if (rule.type === "transform" && !transformations.has(String(rule.transformation))) {
        throw new CliError(`connections.${i}.rules.${j}.transformation: no transformation named "${rule.transformation}" in the file`);
      }
    });
  });
}
