import type { Db } from "../db/client";
import type { connections, events } from "../db/schema";
import { newId } from "../ids";
import { evaluateRules, type RoutedRequest } from "../rules/evaluate";
import type { Rule } from "../rules/schema";
import type { EventPayload } from "./event-payload";

// One request through a set of connections, as routing and re-routing both do it: each connection
// whose rules pass gets a new `scheduled` event (and its transformed payload, if a transformation
// ran); each other connection gets an `ignored` entry saying why. Nothing is written here: the
// callers write the outcome in their own atomic batch.

export type Ignored = { connection_id: string; cause: string; detail?: string };
type NewEvent = typeof events.$inferInsert & { id: string; destinationId: string; nextAttemptAt: number };

interface ConnectionsOutcome {
  created: NewEvent[];
  payloads: EventPayload[];
  ignored: Ignored[];
}

export async function evaluateConnections(
  db: Db,
  request: RoutedRequest & { id: string; sourceId: string },
  candidates: (typeof connections.$inferSelect)[],
  now: number,
): Promise<ConnectionsOutcome> {
  const outcome: ConnectionsOutcome = { created: [], payloads: [], ignored: [] };
  for (const connection of candidates) {
    const result = await evaluateRules(connection.rules as Rule[], request, { db, requestId: request.id, connectionId: connection.id, now });
    if (!result.pass) {
      outcome.ignored.push({ connection_id: connection.id, cause: result.cause, ...(result.detail ? { detail: result.detail } : {}) });
      continue;
    }
    const id = newId("event", now);
    if (result.transformed) outcome.payloads.push({ eventId: id, ...result.transformed });
    outcome.created.push({
      id, requestId: request.id, connectionId: connection.id, sourceId: request.sourceId, destinationId: connection.destinationId,
      status: "scheduled", nextAttemptAt: now + result.delayMs, createdAt: now, updatedAt: now,
    });
  }
  return outcome;
}
