import { asc, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { attempts, connections, destinations, eventPayloads, events, requests, sources } from "../../db/schema";
import type { Rule } from "../../rules/schema";
import { DESTINATION_SECRETS, SOURCE_SECRETS } from "../../secrets/secret-columns";
import { openValue } from "../../secrets/sealed-row";
import { maskParts, sensitiveOf, type Sensitive } from "../credential-mask";
import { preview, PREVIEW_BYTES } from "./preview";
import { arrivalSteps, deliverySteps, ignoredSteps, routingSteps, type Transformed } from "./steps";
import { inTimeOrder, type BodyPreview, type TraceEntry } from "./trace-entry";

// Lifecycle traces (spec §3): an event's, from the request it came from to its status now; a
// request's, with every connection it went through or was ignored by, and every event's attempts.
// Each is read in one D1 round trip (plus, for a transformed body over 1 MB, the start of its first
// chunk). Credentials are masked with what the source's verification and the destinations' auth
// say they are (credential-mask.ts).

const { body: _body, ...requestColumns } = getTableColumns(requests);
const { body: _payloadBody, ...payloadColumns } = getTableColumns(eventPayloads);
// Only the start of a body is shown.
const requestHead = sql`substr(${requests.body}, 1, ${PREVIEW_BYTES})`.mapWith(requests.body);
const payloadHead = sql`substr(${eventPayloads.body}, 1, ${PREVIEW_BYTES})`.mapWith(eventPayloads.body);

type RequestRow = Omit<typeof requests.$inferSelect, "body">;
type PayloadRow = Omit<typeof eventPayloads.$inferSelect, "body">;
type Config = Record<string, unknown> | null;

/** The request's preview, made once however many transformed events show it as their "before". */
function requestPreview(db: Db, request: RequestRow, requestBody: Uint8Array | null): () => Promise<BodyPreview> {
  let made: Promise<BodyPreview> | undefined;
  return () => (made ??= preview(db, { ownerId: request.id, method: request.method, path: request.path, query: request.query,
    headers: request.headers, head: requestBody, bodySize: request.bodySize, bodyChunks: request.bodyChunks }));
}

async function transformed(
  db: Db, sensitive: Sensitive, before: () => Promise<BodyPreview>, payload: PayloadRow | null, payloadBody: Uint8Array | null,
): Promise<Transformed | null> {
  if (!payload) return null;
  const [original, after] = await Promise.all([
    before(),
    preview(db, { ownerId: payload.eventId, method: payload.method, path: payload.path, query: payload.query, headers: payload.headers,
      head: payloadBody, bodySize: payload.bodySize, bodyChunks: payload.bodyChunks }),
  ]);
  return { before: maskParts(original, sensitive), after: maskParts(after, sensitive), console: payload.console };
}

export async function eventTrace(db: Db, eventId: string): Promise<TraceEntry[] | null> {
  // The request is read on its own: D1's batch answers rows as objects keyed by column name, so
  // joining two tables that share names (id, source_id, created_at) would lose columns.
  const [found, requestRows, attemptRows] = await db.batch([
    db.select({ event: events, rules: connections.rules, payload: payloadColumns, payloadHead, verification: sources.verification, auth: destinations.auth })
      .from(events)
      .leftJoin(connections, eq(connections.id, events.connectionId))
      .leftJoin(eventPayloads, eq(eventPayloads.eventId, events.id))
      .leftJoin(sources, eq(sources.id, events.sourceId))
      .leftJoin(destinations, eq(destinations.id, events.destinationId))
      .where(eq(events.id, eventId)),
    db.select({ request: requestColumns, requestHead }).from(requests)
      .where(eq(requests.id, db.select({ id: events.requestId }).from(events).where(eq(events.id, eventId)))),
    db.select().from(attempts).where(eq(attempts.eventId, eventId)).orderBy(asc(attempts.number)),
  ]);
  const row = found[0];
  const request = requestRows[0];
  if (!row || !request) return null;
  // Masking looks for the secrets themselves, so it needs them decrypted.
  const sensitive = sensitiveOf([
    await openValue(SOURCE_SECRETS, "verification", row.event.sourceId, row.verification),
    (await openValue(DESTINATION_SECRETS, "auth", row.event.destinationId, row.auth)) as Config,
  ]);
  return inTimeOrder([
    ...arrivalSteps(request.request, sensitive),
    ...routingSteps(row.event, row.rules as Rule[] | null, await transformed(db, sensitive, requestPreview(db, request.request, request.requestHead), row.payload, row.payloadHead)),
    ...deliverySteps(row.event, attemptRows, sensitive),
  ]);
}

export async function requestTrace(db: Db, requestId: string): Promise<TraceEntry[] | null> {
  const ofRequest = db.select({ id: events.id }).from(events).where(eq(events.requestId, requestId));
  const [found, eventRows, attemptRows] = await db.batch([
    db.select({ request: requestColumns, requestHead, verification: sources.verification })
      .from(requests)
      .leftJoin(sources, eq(sources.id, requests.sourceId))
      .where(eq(requests.id, requestId)),
    db.select({ event: events, rules: connections.rules, payload: payloadColumns, payloadHead, auth: destinations.auth })
      .from(events)
      .leftJoin(connections, eq(connections.id, events.connectionId))
      .leftJoin(eventPayloads, eq(eventPayloads.eventId, events.id))
      .leftJoin(destinations, eq(destinations.id, events.destinationId))
      .where(eq(events.requestId, requestId))
      .orderBy(asc(events.id)),
    db.select().from(attempts).where(inArray(attempts.eventId, ofRequest)).orderBy(asc(attempts.eventId), asc(attempts.number)),
  ]);
  const row = found[0];
  if (!row) return null;
  // One request's trace can show every destination's attempts: mask with all their credentials.
  const sensitive = sensitiveOf([
    await openValue(SOURCE_SECRETS, "verification", row.request.sourceId, row.verification),
    ...(await Promise.all(eventRows.map((e) => openValue(DESTINATION_SECRETS, "auth", e.event.destinationId, e.auth)))).map((auth) => auth as Config),
  ]);
  const entries = [...arrivalSteps(row.request, sensitive), ...ignoredSteps(row.request)];
  const byEvent = Map.groupBy(attemptRows, (a) => a.eventId);
  const before = requestPreview(db, row.request, row.requestHead);
  for (const { event, rules, payload, payloadHead: head } of eventRows) {
    entries.push(
      ...routingSteps(event, rules as Rule[] | null, await transformed(db, sensitive, before, payload, head)),
      ...deliverySteps(event, byEvent.get(event.id) ?? [], sensitive),
    );
  }
  return inTimeOrder(entries);
}
