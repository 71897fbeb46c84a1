import type { Schemas } from "../api";
import type { ChannelSpec, ConfigDocument, Spec } from "./document";

// The live configuration in the file's shape: ids become names, `disabled_at` becomes `disabled`,
// and every value the API shows masked goes through `secret`: `export` turns it into a `${VAR}`
// placeholder, `apply` keeps the masked text to compare against the file's masked secrets.

/** Everything the API returns for the five configuration resources. */
export interface LiveConfig {
  sources: Schemas["Source"][];
  destinations: Schemas["Destination"][];
  transformations: Schemas["Transformation"][];
  connections: Schemas["Connection"][];
  notification_channels: Schemas["NotificationChannel"][];
}

/** What to write for a masked value found at `path` (object name or channel label first). */
export type SecretAt = (path: (string | number)[], shown: string) => string;

/** The API's masks all start with this (src/secret-mask.ts). */
const MASK = "••••";

/** An environment variable name for a secret: `STRIPE_PROD_VERIFICATION_SECRET`. */
export function placeholderFor(path: (string | number)[]): string {
  const name = path.map((part) => (typeof part === "number" ? String(part + 1) : part)).join("_")
    .toUpperCase().replace(/[^A-Z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  return `\${${/^[0-9]/.test(name) ? `_${name}` : name}}`;
}

export const exportPlaceholders: SecretAt = (path) => placeholderFor(path);
export const keepMasked: SecretAt = (_, shown) => shown;

function replaceMasked(value: unknown, path: (string | number)[], secret: SecretAt): unknown {
  if (typeof value === "string") return value.startsWith(MASK) ? secret(path, value) : value;
  if (Array.isArray(value)) return value.map((item, i) => replaceMasked(item, [...path, i], secret));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceMasked(item, [...path, key], secret)]));
  }
  return value;
}

const withSecrets = (name: string, fields: Record<string, unknown>, secret: SecretAt): Spec =>
  ({ name, ...(replaceMasked(fields, [name], secret) as Record<string, unknown>) });

export function shapeLive(unordered: LiveConfig, secret: SecretAt): ConfigDocument {
  const live = oldestFirst(unordered);
  const names = new Map<string, string>();
  for (const kind of ["sources", "destinations", "transformations"] as const) for (const o of live[kind]) names.set(o.id, o.name);
  const nameOf = (id: string) => names.get(id) ?? id;
  return {
    version: 1,
    sources: live.sources.map((s) => withSecrets(s.name, {
      allowed_methods: s.allowed_methods, verification: s.verification, response: s.response, disabled: s.disabled_at !== null,
    }, secret)),
    destinations: live.destinations.map((d) => withSecrets(d.name, {
      url: d.url, http_method: d.http_method, headers: d.headers, auth: d.auth, signing: d.signing, rate_limit: d.rate_limit,
      max_concurrency: d.max_concurrency, delivery_order: d.delivery_order, timeout_ms: d.timeout_ms,
    }, secret)),
    transformations: live.transformations.map((t) => withSecrets(t.name, { code: t.code, env: t.env }, secret)),
    connections: live.connections.map((c) => ({
      name: c.name,
      source: nameOf(c.source_id),
      destination: nameOf(c.destination_id),
      rules: c.rules.map(({ transformation_id, ...rule }) =>
        rule.type === "transform" ? { ...rule, transformation: nameOf(String(transformation_id)) } : rule),
      disabled: c.disabled_at !== null,
    })) as unknown as ConfigDocument["connections"],
    notification_channels: shapeChannels(live.notification_channels, secret),
  };
}

/**
 * The API lists newest first; the file lists oldest first (ids sort by creation), so a new object
 * goes at the end and the placeholders of channels, named by position, stay put.
 */
function oldestFirst(live: LiveConfig): LiveConfig {
  const sorted = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    sources: sorted(live.sources), destinations: sorted(live.destinations), transformations: sorted(live.transformations),
    connections: sorted(live.connections), notification_channels: sorted(live.notification_channels),
  };
}

/** Channels have no name: placeholders are named by type and position (`NOTIFICATION_SLACK_1_URL`). */
function shapeChannels(channels: Schemas["NotificationChannel"][], secret: SecretAt): ChannelSpec[] {
  const counts = new Map<string, number>();
  return channels.map((c) => {
    const n = (counts.get(c.type) ?? 0) + 1;
    counts.set(c.type, n);
    const at = (field: string, shown: string) => secret(["notification", c.type, n - 1, field], shown);
    // A Slack or Teams incoming-webhook URL is itself the credential; the API shows it masked.
    const url = c.type === "slack" || c.type === "teams" ? at("url", c.url) : c.url;
    return {
      type: c.type,
      url,
      ...(c.routing_key === null ? {} : { routing_key: at("routing_key", c.routing_key) }),
      ...(c.api_key === null ? {} : { api_key: at("api_key", c.api_key) }),
      ...(c.secret === null ? {} : { secret: at("secret", c.secret) }),
    };
  });
}
