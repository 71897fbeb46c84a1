import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { attempts, events } from "../db/schema";

// The one writer of attempt rows: an HTTP attempt's outcome, and the two synthetic ones, an
// `interrupted` attempt (a worker died holding the lease) and a `dead_lettered` one (Queues gave up
// on the message). Each is an INSERT … SELECT from its event row under a condition, so the attempt
// is written exactly when the event is in the state its caller expects, in the same batch as the
// transition that goes with it.

export const INTERRUPTED = "interrupted";
export const DEAD_LETTERED = "dead_lettered";

/** A value, or an expression over the event row. */
type Value<T> = T | SQL<T>;

export interface AttemptRow {
  id: string;
  number: Value<number>;
  trigger: Value<string>;
  url: string;
  statusCode: number | null;
  error: string | null;
  errorDetail: string | null;
  responseHeaders: Record<string, string>;
  responseBody: string | null;
  durationMs: number;
  startedAt: Value<number>;
}

const value = <T>(v: Value<T>): SQL<T> => (v !== null && typeof v === "object" && "getSQL" in v ? (v as SQL<T>) : sql<T>`${v}`);

/** Inserts the attempt if the event `eventId` matches `when`. The columns follow the table's order. */
export function writeAttempt(db: Db, eventId: string, row: AttemptRow, when: SQL | undefined) {
  return db.insert(attempts).select(db.select({
    id: sql<string>`${row.id}`.as("id"),
    eventId: events.id,
    number: value(row.number).as("number"),
    trigger: value(row.trigger).as("trigger"),
    url: sql<string>`${row.url}`.as("url"),
    statusCode: sql<number | null>`${row.statusCode}`.as("status_code"),
    error: sql<string | null>`${row.error}`.as("error"),
    errorDetail: sql<string | null>`${row.errorDetail}`.as("error_detail"),
    responseHeaders: sql<string>`${JSON.stringify(row.responseHeaders)}`.as("response_headers"),
    responseBody: sql<string | null>`${row.responseBody}`.as("response_body"),
    durationMs: sql<number>`${row.durationMs}`.as("duration_ms"),
    startedAt: value(row.startedAt).as("started_at"),
  }).from(events).where(and(eq(events.id, eventId), when)));
}

/** An attempt that records no HTTP exchange: what happened to it is in `error` and `errorDetail`. */
export function syntheticAttempt(fields: Pick<AttemptRow, "id" | "number" | "trigger" | "url" | "startedAt"> & { error: string; errorDetail: string }): AttemptRow {
  return { ...fields, statusCode: null, responseHeaders: {}, responseBody: null, durationMs: 0 };
}
