// Structured logs: one JSON object per line, ids and outcomes only (never secrets, never bodies),
// so Workers Logs and Logpush can index them.
export function log(level: "info" | "warn" | "error", event: string, fields: Record<string, unknown>) {
  const line = JSON.stringify({ level, event, ...fields });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}
