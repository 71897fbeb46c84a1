import { redactAuth, type DestinationAuth } from "../../src/delivery/destination-auth";
import { maskSecret } from "../../src/secret-mask";
import { redactVerification } from "../../src/verify/redact";
import type { ChannelSpec, NamedKind, Spec } from "./document";

// The API never returns a secret, only its mask (the last 4 characters of a long one). To compare
// a file with what is live, the file's secrets are masked with the API's own functions: a secret is
// seen as changed when its mask changes. Documented in docs/cli.md.

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

/** A spec (secrets resolved) as the API would show it. */
export function maskSpec(kind: NamedKind, spec: Spec): Spec {
  switch (kind) {
    case "sources":
      return isObject(spec.verification) ? { ...spec, verification: redactVerification(spec.verification as { type: string }) } : spec;
    case "destinations":
      return {
        ...spec,
        ...(isObject(spec.auth) ? { auth: redactAuth(spec.auth as DestinationAuth) } : {}),
        // As src/delivery/signing.ts redacts it (not imported: that module is typed for workerd's crypto).
        ...(isObject(spec.signing) && Array.isArray(spec.signing.secrets) ? { signing: { ...spec.signing, secrets: spec.signing.secrets.map((s) => maskSecret(String(s))) } } : {}),
      };
    case "transformations":
      return isObject(spec.env) ? { ...spec, env: Object.fromEntries(Object.entries(spec.env).map(([k, v]) => [k, maskSecret(String(v))])) } : spec;
    case "connections":
      return spec;
  }
}

/** What identifies a channel, as the API shows it: type, URL (masked for Slack) and routing key. */
export function channelKey(channel: ChannelSpec, masked: boolean): string {
  const shownUrl = masked && channel.type === "slack" ? maskedSlackUrl(channel.url) : channel.url;
  const key = typeof channel.routing_key === "string" ? (masked ? maskSecret(channel.routing_key) : channel.routing_key) : "";
  return `${channel.type} ${shownUrl} ${key}`.trimEnd();
}

/** As the API shows a Slack URL (src/admin/notification-channels.ts): its origin, then the mask. */
function maskedSlackUrl(url: string): string {
  try {
    return `${new URL(url).origin}/${maskSecret(url)}`;
  } catch {
    return url;
  }
}
