// The replay job's ledger of items, in its Durable Object's SQLite storage: every event (or request)
// the job has put on the queue, and how far it got. It is what makes a job replay each item once:
// a queue message is only a request to work on an item, and the consumer must first claim the item
// here, which succeeds once.
//
//   queued ──claim──▶ claimed ──settle──▶ done
//     ▲                  │
//     └──── release ─────┘   (the work threw; or the claim outlived CLAIM_TTL_MS and was re-sent)
//   queued | claimed ──abandon──▶ abandoned   (dead-lettered, or sent MAX_SENDS times untaken)

type ItemState = "queued" | "claimed" | "done" | "abandoned";

export interface LedgerItem {
  id: string;
  destinationId: string | null;
}

/** A granted claim. `since` is set when an earlier claim on the item lapsed: the holder may have
 * done the work before it vanished, and the new holder checks for that first. */
export interface Grant {
  id: string;
  since: number | null;
}

interface LedgerCounts {
  queued: number;
  claimed: number;
  done: number;
  abandoned: number;
}

// A delivery holds its claim for at most the longest destination timeout (120 s) plus the pacer's
// waits; past this the claimer is taken for dead.
export const CLAIM_TTL_MS = 5 * 60_000;
// A queued item nobody claimed for this long is sent again (its message was lost, or is stuck
// behind a backlog, in which case the copy is harmless: only one claim succeeds).
export const UNCLAIMED_TTL_MS = 2 * 60_000;
// An item sent this many times without being settled is given up on.
export const MAX_SENDS = 5;

type Row = { id: string; destination_id: string | null; state: ItemState; sends: number; touched_at: number; claimed_at: number | null };

export class Ledger {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(`CREATE TABLE IF NOT EXISTS items (
      id TEXT PRIMARY KEY, destination_id TEXT, state TEXT NOT NULL, sends INTEGER NOT NULL,
      touched_at INTEGER NOT NULL, claimed_at INTEGER)`);
    sql.exec("CREATE INDEX IF NOT EXISTS items_state ON items (state, touched_at)");
    // How many items are in each state, kept by triggers: the job reports its progress on every
    // alarm, and counting the whole ledger each time would cost reads in proportion to the job.
    const fresh = sql.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'tallies'").toArray().length === 0;
    sql.exec("CREATE TABLE IF NOT EXISTS tallies (state TEXT PRIMARY KEY, n INTEGER NOT NULL)");
    const count = (state: string) => `INSERT INTO tallies (state, n) VALUES (${state}, 1) ON CONFLICT (state) DO UPDATE SET n = n + 1;`;
    const uncount = (state: string) => `UPDATE tallies SET n = n - 1 WHERE state = ${state};`;
    sql.exec(`CREATE TRIGGER IF NOT EXISTS items_counted AFTER INSERT ON items BEGIN ${count("new.state")} END`);
    sql.exec(`CREATE TRIGGER IF NOT EXISTS items_recounted AFTER UPDATE OF state ON items WHEN old.state != new.state
      BEGIN ${uncount("old.state")} ${count("new.state")} END`);
    sql.exec(`CREATE TRIGGER IF NOT EXISTS items_uncounted AFTER DELETE ON items BEGIN ${uncount("old.state")} END`);
    // A ledger written before the tallies existed is counted once.
    if (fresh) sql.exec("INSERT INTO tallies (state, n) SELECT state, count(*) FROM items GROUP BY state");
  }

  clear() {
    this.sql.exec("DELETE FROM items");
  }

  /** Records a page as queued. An item already in the ledger keeps its state. */
  add(items: LedgerItem[], now: number) {
    for (const item of items) {
      this.sql.exec("INSERT OR IGNORE INTO items (id, destination_id, state, sends, touched_at) VALUES (?, ?, 'queued', 1, ?)", item.id, item.destinationId, now);
    }
  }

  /** The items whose send failed: due for re-sending at the next look. */
  markUnsent(ids: string[]) {
    for (const id of ids) this.sql.exec("UPDATE items SET touched_at = 0 WHERE id = ? AND state = 'queued'", id);
  }

  claim(ids: string[], now: number): Grant[] {
    const grants: Grant[] = [];
    for (const id of new Set(ids)) {
      const row = this.sql.exec<Row>("SELECT * FROM items WHERE id = ?", id).toArray()[0];
      if (!row) continue;
      const lapsed = row.state === "claimed" && row.touched_at < now - CLAIM_TTL_MS;
      if (row.state !== "queued" && !lapsed) continue;
      this.sql.exec("UPDATE items SET state = 'claimed', touched_at = ?, claimed_at = coalesce(claimed_at, ?) WHERE id = ?", now, now, id);
      grants.push({ id, since: row.claimed_at });
    }
    return grants;
  }

  settle(ids: string[], now: number) {
    for (const id of ids) this.sql.exec("UPDATE items SET state = 'done', touched_at = ? WHERE id = ? AND state = 'claimed'", now, id);
  }

  release(ids: string[], now: number) {
    for (const id of ids) this.sql.exec("UPDATE items SET state = 'queued', touched_at = ? WHERE id = ? AND state = 'claimed'", now, id);
  }

  abandon(ids: string[], now: number) {
    for (const id of ids) this.sql.exec("UPDATE items SET state = 'abandoned', touched_at = ? WHERE id = ? AND state IN ('queued', 'claimed')", now, id);
  }

  /**
   * Items due to be sent again: queued and untaken for UNCLAIMED_TTL_MS, or claimed by a holder
   * presumed dead. Those already sent MAX_SENDS times are abandoned instead. The rest are marked
   * queued and sent once more.
   */
  takeStale(now: number, limit: number): { resend: LedgerItem[]; abandoned: string[] } {
    const rows = this.sql.exec<Row>(
      `SELECT * FROM items WHERE (state = 'queued' AND touched_at < ?) OR (state = 'claimed' AND touched_at < ?) ORDER BY touched_at LIMIT ?`,
      now - UNCLAIMED_TTL_MS, now - CLAIM_TTL_MS, limit,
    ).toArray();
    const resend: LedgerItem[] = [];
    const abandoned: string[] = [];
    for (const row of rows) {
      if (row.sends >= MAX_SENDS) {
        this.sql.exec("UPDATE items SET state = 'abandoned', touched_at = ? WHERE id = ?", now, row.id);
        abandoned.push(row.id);
      } else {
        this.sql.exec("UPDATE items SET state = 'queued', sends = sends + 1, touched_at = ? WHERE id = ?", now, row.id);
        resend.push({ id: row.id, destinationId: row.destination_id });
      }
    }
    return { resend, abandoned };
  }

  /** Items sent and not yet settled or abandoned (through the state index: cheap at any size). */
  outstanding(): number {
    return this.sql.exec<{ n: number }>("SELECT count(*) AS n FROM items WHERE state IN ('queued', 'claimed')").one().n;
  }

  counts(): LedgerCounts {
    const counts: LedgerCounts = { queued: 0, claimed: 0, done: 0, abandoned: 0 };
    for (const row of this.sql.exec<{ state: ItemState; n: number }>("SELECT state, n FROM tallies")) counts[row.state] = row.n;
    return counts;
  }
}
