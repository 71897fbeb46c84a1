import { z } from "@hono/zod-openapi";
import { toHex } from "../bytes";

// What a replay selects (spec §2 Replay, §3): the event filters of GET /v1/events, or for a
// re-route the request filters of GET /v1/requests. The objects are strict: a misspelt filter is a
// 400, never silently dropped, because a dropped filter would replay far more than was asked for.

const isoInstant = z.iso.datetime({ offset: true }).openapi({ format: "date-time", example: "2026-11-23T10:00:00.000Z" });

const timeWindow = {
  created_after: isoInstant.optional().openapi({ description: "Only objects created at or after this instant." }),
  created_before: isoInstant.optional().openapi({ description: "Only objects created before this instant." }),
};

export const eventReplayQuery = z
  .strictObject({
    status: z.enum(["scheduled", "paused", "successful", "failed", "cancelled"]).optional(),
    source_id: z.string().startsWith("src_", "expected an id starting with src_").optional(),
    connection_id: z.string().startsWith("con_", "expected an id starting with con_").optional(),
    destination_id: z.string().startsWith("des_", "expected an id starting with des_").optional(),
    ...timeWindow,
  })
  .openapi("EventReplayQuery");

export const requestReplayQuery = z
  .strictObject({
    source_id: z.string().startsWith("src_", "expected an id starting with src_").optional(),
    verified: z.boolean().optional(),
    ...timeWindow,
  })
  .openapi("RequestReplayQuery");

type EventReplayQuery = z.infer<typeof eventReplayQuery>;
type RequestReplayQuery = z.infer<typeof requestReplayQuery>;

/** A replay's selection: events to deliver again, or requests to route again. */
export type ReplaySelection =
  | { kind: "events"; query: EventReplayQuery }
  | { kind: "requests"; query: RequestReplayQuery };

export type ReplayKind = ReplaySelection["kind"];

/**
 * The selection in one canonical form: keys sorted, instants in UTC with milliseconds. Two
 * submissions that mean the same thing normalize to the same value, hence the same job key.
 */
export function normalizeSelection(selection: ReplaySelection): ReplaySelection {
  const entries = Object.entries(selection.query)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => [key, key.startsWith("created_") ? new Date(value as string).toISOString() : value] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return { kind: selection.kind, query: Object.fromEntries(entries) } as ReplaySelection;
}

/**
 * The name of the Durable Object that runs replays of this selection: one object per distinct
 * query, so a second submission while the first runs reaches the same object and gets its job.
 */
export async function jobKey(selection: ReplaySelection): Promise<string> {
  const canonical = normalizeSelection(selection);
  const bytes = new TextEncoder().encode(JSON.stringify([canonical.kind, canonical.query]));
  return `${canonical.kind}:${toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)))}`;
}
