import { env } from "cloudflare:test";
import { newId } from "../../src/ids";

// Writes requests and their events straight into D1, as routing and delivery would have left them,
// so that recovery tests can start from hundreds of failed events without delivering each first.
// One JSON parameter per statement: D1 binds at most 100 parameters.

export interface SeedPipeline {
  source: { id: string };
  destination: { id: string };
  connection: { id: string };
}

export interface Seeded {
  requestIds: string[];
  eventIds: string[];
}

export async function seedEvents(p: SeedPipeline, count: number, options: { status?: string; at?: number } = {}): Promise<Seeded> {
  const status = options.status ?? "failed";
  const base = options.at ?? Date.now() - 60_000;
  const rows = Array.from({ length: count }, (_, n) => {
    const at = base + n;
    return { request: newId("request", at), event: newId("event", at), at, body: JSON.stringify({ n }) };
  });
  for (let i = 0; i < rows.length; i += 200) {
    const slice = JSON.stringify(rows.slice(i, i + 200));
    await env.DB.batch([
      env.DB.prepare(`INSERT INTO requests (id, source_id, received_at, method, path, query, headers, body, body_size, verified, routed_at, enqueued_at, events_count)
        SELECT value->>'request', ?, value->>'at', 'POST', '', '', '{"content-type":"application/json"}', CAST(value->>'body' AS BLOB), length(value->>'body'), 0, value->>'at', value->>'at', 1
        FROM json_each(?)`).bind(p.source.id, slice),
      env.DB.prepare(`INSERT INTO events (id, request_id, connection_id, source_id, destination_id, status, attempts_count, last_response_status, created_at, updated_at)
        SELECT value->>'event', value->>'request', ?, ?, ?, ?, 1, 500, value->>'at', value->>'at'
        FROM json_each(?)`).bind(p.connection.id, p.source.id, p.destination.id, status, slice),
    ]);
  }
  return { requestIds: rows.map((r) => r.request), eventIds: rows.map((r) => r.event) };
}

/** How many attempts each of these events has with `trigger`. */
export async function attemptsByEvent(eventIds: string[], trigger: string): Promise<Map<string, number>> {
  const { results } = await env.DB.prepare(
    "SELECT event_id, count(*) AS n FROM attempts WHERE trigger = ? AND event_id IN (SELECT value FROM json_each(?)) GROUP BY event_id",
  ).bind(trigger, JSON.stringify(eventIds)).all<{ event_id: string; n: number }>();
  return new Map(results.map((r) => [r.event_id, r.n]));
}
