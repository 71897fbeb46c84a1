import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { events, type EventStatus } from "../../db/schema";
import { idFloor } from "../../ids";
import { exactMatch } from "./exact-match";
import { searchPage, type SearchPage, type SearchTarget } from "./paged-search";
import { decodeRow, selectColumns } from "./rows";
import { prefilter } from "./text-index";
import { hasTextFilters, type TextFilters } from "./text-filters";

// GET /v1/events search (docs/observability.md): which filters drive the scan through an index and
// which are checked on the rows it reads. Text filters look at the request the event came from, as
// it was received (a transformation's output is not searched).

export interface EventQuery {
  limit: number;
  cursor?: string;
  created_after?: string;
  created_before?: string;
  status?: EventStatus;
  source_id?: string;
  connection_id?: string;
  destination_id?: string;
  request_id?: string;
  provider_event_id?: string;
  text: TextFilters;
}

export type EventRow = typeof events.$inferSelect;

const target = (withRequest: boolean): SearchTarget => ({
  alias: "e",
  table: "events",
  columns: selectColumns(events, "e"),
  joinRequest: withRequest ? sql`CROSS JOIN requests r ON r.id = e.request_id` : sql``,
  fromRequest: sql`CROSS JOIN events e ON e.request_id = r.id`,
});

/**
 * Splits the filters: the id window always drives the scan, with the most selective filter an
 * index holds in id order (a request, then a connection, a destination, a source, each with the
 * status when given, then the status alone). The rest are checked row by row.
 */
function eventConditions(q: EventQuery): { indexed: SQL[]; residual: SQL[] } {
  const window: SQL[] = [
    ...(q.cursor ? [sql`e.id < ${q.cursor}`] : []),
    ...(q.created_after ? [sql`e.id >= ${idFloor("event", Date.parse(q.created_after))}`] : []),
    ...(q.created_before ? [sql`e.id < ${idFloor("event", Date.parse(q.created_before))}`] : []),
  ];
  const byRequest: SQL[] = [
    ...(q.request_id ? [sql`e.request_id = ${q.request_id}`] : []),
    ...(q.provider_event_id ? [sql`e.request_id IN (SELECT id FROM requests WHERE provider_event_id = ${q.provider_event_id})`] : []),
  ];
  const owners: [string, string | undefined][] = [["connection_id", q.connection_id], ["destination_id", q.destination_id], ["source_id", q.source_id]];
  const given = owners.filter((o): o is [string, string] => o[1] !== undefined).map(([column, value]) => sql`e.${sql.identifier(column)} = ${value}`);
  const status = q.status ? [sql`e.status = ${q.status}`] : [];
  // A request's few events; else one owner with the status (every owner index is (owner, status,
  // id)); else the status alone.
  let drivers: SQL[];
  let rest: SQL[];
  if (byRequest.length) [drivers, rest] = [byRequest, [...given, ...status]];
  else if (given.length) [drivers, rest] = [[given[0]!, ...status], given.slice(1)];
  else [drivers, rest] = [status, []];
  return { indexed: [...window, ...drivers], residual: rest };
}

export async function searchEvents(db: Db, q: EventQuery): Promise<SearchPage<EventRow>> {
  const { indexed, residual } = eventConditions(q);
  const text = hasTextFilters(q.text);
  return searchPage(db, target(text), {
    indexed,
    residual: [...residual, ...exactMatch(q.text)],
    prefilter: text ? prefilter(q.text) : null,
    limit: q.limit,
  }, (raw) => decodeRow(events, raw));
}
