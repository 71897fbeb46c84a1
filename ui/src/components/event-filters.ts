import { catalogFilters, type Catalog } from "./catalog";

// The filters of GET /v1/events, shared by the events page and the bulk replay form, and the part
// of them a replay's query accepts (POST /v1/replays, EventReplayQuery).

const EVENT_STATUSES = ["scheduled", "paused", "successful", "failed", "cancelled"];

export const eventFilterDefs = (catalog: Catalog | undefined) => [
  { name: "status", label: "Status", options: EVENT_STATUSES.map((s) => ({ value: s, label: s })) },
  ...catalogFilters(catalog),
  { name: "created_after", label: "Created after", type: "datetime-local" as const },
  { name: "created_before", label: "Created before", type: "datetime-local" as const },
  { name: "body_contains", label: "Body contains" },
  { name: "provider_event_id", label: "Provider event id" },
];

export const REPLAY_FILTERS = ["status", "source_id", "connection_id", "destination_id", "created_after", "created_before"];

/** The events query as a replay's, or null when it filters on something a replay cannot select by. */
export function replayQueryOf(query: Record<string, string>): Record<string, string> | null {
  const entries = Object.entries(query);
  if (entries.length === 0 || entries.some(([key]) => !REPLAY_FILTERS.includes(key))) return null;
  return query;
}
