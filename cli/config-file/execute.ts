import type { Api, Schemas } from "../api";
import * as resources from "../resources";
import type { ChannelSpec, NamedKind, Spec } from "./document";
import type { Step } from "./plan";

// Carries out a plan with the typed client. Objects are created and updated in dependency order
// (transformations, sources and destinations before the connections that name them), and deleted
// in the reverse order (connections first), so every call names objects that exist.

type Calls = resources.ResourceCalls<{ id: string }, never, never>;
const CALLS: Record<Step["kind"], Calls> = {
  transformations: resources.transformations as unknown as Calls,
  sources: resources.sources as unknown as Calls,
  destinations: resources.destinations as unknown as Calls,
  connections: resources.connections as unknown as Calls,
  notification_channels: resources.notificationChannels as unknown as Calls,
};
const DELETE_ORDER: Step["kind"][] = ["connections", "sources", "destinations", "transformations", "notification_channels"];

export async function executePlan(api: Api, steps: Step[], done: (step: Step, id: string) => void): Promise<void> {
  const ids = new Map<string, string>();
  for (const step of steps) if (step.id) ids.set(`${step.kind}:${step.name}`, step.id);
  const idOf = (kind: NamedKind, name: string) => ids.get(`${kind}:${name}`)!;

  for (const step of steps) {
    if (step.action === "unchanged" || step.action === "delete") continue;
    const calls = CALLS[step.kind];
    const body = step.kind === "notification_channels" ? channelBody(step) : namedBody(step.kind, step.desired as Spec, idOf);
    if (step.action === "replace") await calls.remove(api, step.id!);
    if (step.action === "update") {
      await calls.update(api, step.id!, pick(body, step) as never);
      done(step, step.id!);
    } else {
      const created = await calls.create(api, body as never);
      ids.set(`${step.kind}:${step.name}`, created.id);
      done(step, created.id);
    }
  }
  for (const kind of DELETE_ORDER) {
    for (const step of steps.filter((s) => s.kind === kind && s.action === "delete")) {
      await CALLS[kind].remove(api, step.id!);
      done(step, step.id!);
    }
  }
}

/** The API body for a named object: connections name their parts, the API wants ids. */
function namedBody(kind: NamedKind, spec: Spec, idOf: (kind: NamedKind, name: string) => string): Record<string, unknown> {
  if (kind !== "connections") return spec;
  const { source, destination, rules, ...rest } = spec as Spec & { source: string; destination: string; rules?: Record<string, unknown>[] };
  return {
    ...rest,
    source_id: idOf("sources", source),
    destination_id: idOf("destinations", destination),
    ...(rules === undefined ? {} : {
      rules: rules.map(({ transformation, ...rule }) =>
        rule.type === "transform" ? { ...rule, transformation_id: idOf("transformations", String(transformation)) } : rule),
    }),
  };
}

function channelBody(step: Step): Schemas["NotificationChannelInput"] {
  return step.desired as ChannelSpec as Schemas["NotificationChannelInput"];
}

/** An update sends the changed fields only, renamed as the API names them. */
function pick(body: Record<string, unknown>, step: Step): Record<string, unknown> {
  const apiField = (field: string) => (step.kind === "connections" && field === "destination" ? "destination_id" : field);
  return Object.fromEntries(step.fields.map((field) => [apiField(field), body[apiField(field)]]));
}
