import { env } from "cloudflare:test";
import { newId } from "../../src/ids";

// Traffic with known figures written straight into D1, as ingest, routing and delivery would have
// left it: the migration's triggers roll it up as they would live traffic.

export interface Seeded { status: string; at: number; attempts?: { ms: number; code: number | null; at?: number; error?: string }[] }

/** One accepted request per event, with the event and its attempts. */
export async function seed(sourceId: string, connectionId: string, destinationId: string, rows: Seeded[]) {
  const statements: D1PreparedStatement[] = [];
  for (const row of rows) {
    const requestId = newId("request", row.at);
    const eventId = newId("event", row.at);
    statements.push(
      env.DB.prepare(`INSERT INTO requests (id, source_id, received_at, method, path, query, headers, body, body_size, verified, routed_at, enqueued_at, events_count)
        VALUES (?, ?, ?, 'POST', '', '', '{}', X'7B7D', 2, 0, ?, ?, 1)`).bind(requestId, sourceId, row.at, row.at, row.at),
      env.DB.prepare(`INSERT INTO events (id, request_id, connection_id, source_id, destination_id, status, attempts_count, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).bind(eventId, requestId, connectionId, sourceId, destinationId, row.status, row.attempts?.length ?? 0, row.at, row.at),
      ...(row.attempts ?? []).map((attempt, i) => {
        const at = attempt.at ?? row.at + i;
        return env.DB.prepare(`INSERT INTO attempts (id, event_id, number, trigger, url, status_code, error, response_headers, duration_ms, started_at)
          VALUES (?, ?, ?, 'initial', 'http://127.0.0.1/x', ?, ?, '{}', ?, ?)`)
          .bind(newId("attempt", at), eventId, i + 1, attempt.code, attempt.error ?? (attempt.code === null ? "timeout" : null), attempt.ms, at);
      }),
    );
  }
  await env.DB.batch(statements);
}

export async function seedRejected(sourceId: string, count: number, at: number) {
  await env.DB.batch(Array.from({ length: count }, () =>
    env.DB.prepare(`INSERT INTO requests (id, source_id, received_at, method, path, query, headers, body, body_size, verified, rejection, enqueued_at)
      VALUES (?, ?, ?, 'POST', '', '', '{}', X'', 0, 0, 'verification_failed', ?)`).bind(newId("request", at), sourceId, at, at)));
}

