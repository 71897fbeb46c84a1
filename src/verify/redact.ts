import { maskSecret } from "../secret-mask";

// Secrets are write-only (spec §2): the admin API shows a verification config with every secret
// masked to at most its last 4 characters. Field names are uniform across types, so masking goes
// by name; public keys are not secret and stay visible so operators can tell them apart.

const SECRET_FIELDS = new Set(["secret", "secrets", "password", "token", "key", "verify_token", "client_state"]);

const mask = (value: unknown): unknown =>
  typeof value === "string" ? maskSecret(value) : Array.isArray(value) ? value.map(mask) : "••••";

export function redactVerification(config: { type: string } & Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(config).map(([name, value]) => [name, SECRET_FIELDS.has(name) ? mask(value) : value]));
}
