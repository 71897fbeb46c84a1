import type { Schemas } from "../api/client";
import { time } from "./table";

type Entry = Schemas["TraceEntry"];

/** One line per step of a trace (spec §3): what happened, in words an operator reads at a glance. */
function describe(entry: Entry, name: (id: string) => string): string {
  switch (entry.type) {
    case "received":
      return `Received ${entry.method} ${entry.path} (${entry.body_size} bytes)${entry.provider_event_id ? `, provider id ${entry.provider_event_id}` : ""}`;
    case "verified":
      return entry.verification ? `Verification ${entry.verification}: ${entry.verified ? "passed" : "failed"}` : "No verification configured";
    case "rejected":
      return `Rejected: ${entry.rejection}${entry.detail ? ` (${entry.detail})` : ""}`;
    case "rule":
      return `Rule ${entry.rule} on ${name(entry.connection_id)}: ${entry.result}${entry.detail ? ` (${entry.detail})` : ""}`;
    case "event_created":
      return `Event ${entry.event_id} created for ${name(entry.connection_id)}`;
    case "attempt":
      return `Attempt ${entry.number} (${entry.trigger}) to ${entry.url}: ${entry.status_code ?? entry.error ?? "no answer"} in ${entry.duration_ms} ms${entry.error_detail ? ` (${entry.error_detail})` : ""}`;
    case "status":
      return `Status ${entry.status}${entry.next_attempt_at ? `, next attempt ${time(entry.next_attempt_at)}` : ""}`;
  }
}

/** A trace as a timeline, oldest step first; `name` turns a connection id into its name. */
export function Trace({ entries, name }: { entries: Entry[]; name: (id: string) => string }) {
  return (
    <ol class="timeline">
      {entries.map((entry) => (
        <li class={`step ${entry.type}`}>
          <time dateTime={entry.at}>{time(entry.at)}</time> <span>{describe(entry, name)}</span>
        </li>
      ))}
    </ol>
  );
}
