import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { requests } from "../../db/schema";
import { idFloor } from "../../ids";
import { exactMatch } from "./exact-match";
import { searchPage, type SearchPage } from "./paged-search";
import { decodeRow, selectColumns } from "./rows";
import { prefilter } from "./text-index";
import { hasTextFilters, type TextFilters } from "./text-filters";

// GET /v1/requests search (docs/observability.md): the same plan as events (paged-search.ts), over
// the requests table itself. Bodies are never listed.

export type Rejection = "verification_failed" | "method_not_allowed" | "payload_too_large" | "source_disabled";

export interface RequestQuery {
  limit: number;
  cursor?: string;
  created_after?: string;
  created_before?: string;
  source_id?: string;
  verified?: "true" | "false";
  /** A cause, `none` (accepted) or `any` (rejected). */
  rejection?: Rejection | "none" | "any";
  provider_event_id?: string;
  text: TextFilters;
}

export type RequestRow = Omit<typeof requests.$inferSelect, "body">;

const target = {
  alias: "r",
  table: "requests",
  columns: selectColumns(requests, "r", ["body"]),
  joinRequest: sql``,
  fromRequest: sql``,
} as const;

/**
 * The id window drives the scan, with a provider event id (a handful of rows), else a source and
 * whether verified ((source_id, verified, id)), else the rejection (rejected requests have an index
 * of their own). Accepted requests (`rejection=none`) and `verified` alone are most rows: checked.
 */
function requestConditions(q: RequestQuery): { indexed: SQL[]; residual: SQL[] } {
  const window: SQL[] = [
    ...(q.cursor ? [sql`r.id < ${q.cursor}`] : []),
    ...(q.created_after ? [sql`r.id >= ${idFloor("request", Date.parse(q.created_after))}`] : []),
    ...(q.created_before ? [sql`r.id < ${idFloor("request", Date.parse(q.created_before))}`] : []),
  ];
  const provider = q.provider_event_id ? [sql`r.provider_event_id = ${q.provider_event_id}`] : [];
  const source = q.source_id ? [sql`r.source_id = ${q.source_id}`] : [];
  const verified = q.verified ? [sql`r.verified = ${q.verified === "true" ? 1 : 0}`] : [];
  const rejection = q.rejection === undefined ? [] : q.rejection === "none" ? [sql`r.rejection IS NULL`]
    : q.rejection === "any" ? [sql`r.rejection IS NOT NULL`] : [sql`r.rejection = ${q.rejection}`];
  let drivers: SQL[];
  let rest: SQL[];
  if (provider.length) [drivers, rest] = [provider, [...source, ...verified, ...rejection]];
  else if (source.length) [drivers, rest] = [[...source, ...verified], rejection];
  else if (rejection.length && q.rejection !== "none") [drivers, rest] = [rejection, verified];
  else [drivers, rest] = [[], [...rejection, ...verified]];
  return { indexed: [...window, ...drivers], residual: rest };
}

export async function searchRequests(db: Db, q: RequestQuery): Promise<SearchPage<RequestRow>> {
  const { indexed, residual } = requestConditions(q);
  return searchPage(db, target, {
    indexed,
    residual: [...residual, ...exactMatch(q.text)],
    prefilter: hasTextFilters(q.text) ? prefilter(q.text) : null,
    limit: q.limit,
  }, (raw) => decodeRow<typeof requests, "body">(requests, raw));
}
