import { DurableObject } from "cloudflare:workers";
import { database, type Db } from "../db/client";
import type { Env } from "../env";
import { newId } from "../ids";
import { errorField, log } from "../log";
import { replayMsg } from "../queue/messages";
import { Ledger, type Grant, type LedgerItem } from "./ledger";
import type { ReplaySelection } from "./query";
import { insertReplayRecord, updateReplayRecord, type ReplayStatus, type ReplayView } from "./replay-record";
import { boundsAt, countSelection, pageAfter, type IdBounds } from "./selection";

// One replay job at a time per distinct query (spec §1, §2 Replay): the object is named by the
// query's job key, so the same query submitted while its job runs reaches this object and gets the
// running job back. The job walks its selection in id order, a page per alarm, and keeps its cursor
// and its ledger of items in the object's SQLite storage, so eviction or a restart resumes where it
// stopped. The ledger (./ledger.ts) lets each item be claimed once, so the job replays nothing twice.

// One page is one sendBatch call, which takes at most 100 messages.
export const PAGE_SIZE = 100;
// Items on the queue but not yet settled: the job reads the next page only below this, so a slow
// consumer holds the job back instead of the queue filling with its items (at most WINDOW +
// PAGE_SIZE - 1 are out at once). A few consumer batches' worth keeps the consumer busy.
export const WINDOW = 250;
// How often a job with nothing to send looks again: for stale items, a full window, or its end.
const POLL_MS = 1_000;

type JobRow = {
  id: string;
  job_key: string;
  kind: ReplaySelection["kind"];
  query: string;
  status: ReplayStatus;
  total: number;
  lower_id: string | null;
  upper_id: string;
  cursor: string | null;
  exhausted: number;
  created_at: number;
  updated_at: number;
  completed_at: number | null;
};

export class ReplayJob extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private readonly ledger: Ledger;
  private readonly db: Db;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(`CREATE TABLE IF NOT EXISTS job (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1), id TEXT NOT NULL, job_key TEXT NOT NULL, kind TEXT NOT NULL,
      query TEXT NOT NULL, status TEXT NOT NULL, total INTEGER NOT NULL, lower_id TEXT, upper_id TEXT NOT NULL, cursor TEXT,
      exhausted INTEGER NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, completed_at INTEGER)`);
    this.ledger = new Ledger(this.sql);
    this.db = database(env.DB);
  }

  /**
   * Starts a job over `selection`, or answers the one already running. Blocks other calls while it
   * counts, so that two submissions arriving together cannot both start one.
   */
  async start(jobKey: string, selection: ReplaySelection): Promise<{ replay: ReplayView; created: boolean }> {
    return this.ctx.blockConcurrencyWhile(async () => {
      const current = this.job();
      if (current?.status === "running") return { replay: this.view(current), created: false };
      const now = Date.now();
      const bounds = boundsAt(selection, now);
      const total = await countSelection(this.db, selection, bounds);
      const job: JobRow = {
        id: newId("replay", now), job_key: jobKey, kind: selection.kind, query: JSON.stringify(selection.query),
        // Nothing to replay: the job is done as soon as it exists.
        status: total === 0 ? "completed" : "running", total, lower_id: bounds.lower, upper_id: bounds.upper, cursor: null,
        exhausted: total === 0 ? 1 : 0, created_at: now, updated_at: now, completed_at: total === 0 ? now : null,
      };
      // The record first: a job must never run without one the API can find. If this object dies
      // before it saves the job, the sweeper finds the record stale and closes it (nudge: unknown).
      await insertReplayRecord(this.db, this.viewOf(job, { done: 0, abandoned: 0 }));
      this.ctx.storage.transactionSync(() => {
        this.ledger.clear();
        this.saveJob(job);
      });
      if (job.status === "running") await this.ctx.storage.setAlarm(now);
      log("info", "replay.started", { replay_id: job.id, kind: job.kind, total });
      return { replay: this.view(job), created: true };
    });
  }

  /** The job's state with live counts, or null if this object does not run `replayId`. */
  async inspect(replayId: string): Promise<ReplayView | null> {
    const job = this.job();
    return job?.id === replayId ? this.view(job) : null;
  }

  async cancel(replayId: string): Promise<ReplayView | null> {
    const job = this.job();
    if (job?.id !== replayId) return null;
    if (job.status !== "running") return this.view(job);
    const now = Date.now();
    const cancelled: JobRow = { ...job, status: "cancelled", updated_at: now, completed_at: now };
    this.saveJob(cancelled);
    await this.ctx.storage.deleteAlarm();
    await updateReplayRecord(this.db, this.view(cancelled));
    log("info", "replay.cancelled", { replay_id: job.id });
    return this.view(cancelled);
  }

  /** Claims items for the consumer; only the items granted may be worked on. */
  async claim(replayId: string, ids: string[]): Promise<Grant[]> {
    if (!this.isRunning(replayId)) return [];
    return this.ctx.storage.transactionSync(() => this.ledger.claim(ids, Date.now()));
  }

  /** The consumer finished these items (delivered, deferred by pacing, or routed). */
  async settle(replayId: string, ids: string[]): Promise<void> {
    if (!this.isRunning(replayId)) return;
    this.ctx.storage.transactionSync(() => this.ledger.settle(ids, Date.now()));
    await this.wake();
  }

  /** The consumer's work on these items threw; their messages come back through the queue. */
  async release(replayId: string, ids: string[]): Promise<void> {
    if (!this.isRunning(replayId)) return;
    this.ctx.storage.transactionSync(() => this.ledger.release(ids, Date.now()));
  }

  /** The queue gave up on these items' messages (they reached the dead-letter queue). */
  async abandon(replayId: string, ids: string[]): Promise<void> {
    if (!this.isRunning(replayId)) return;
    this.ctx.storage.transactionSync(() => this.ledger.abandon(ids, Date.now()));
    log("warn", "replay.items_abandoned", { replay_id: replayId, items: ids.length });
    await this.wake();
  }

  /**
   * The sweeper saw the job's record go stale: make sure an alarm is set, or, if the job ended
   * without its record saying so, write the record again. Answers "unknown" when this object does
   * not hold the job, so that the sweeper can close the record.
   */
  async nudge(replayId: string): Promise<"running" | "finished" | "unknown"> {
    const job = this.job();
    if (job?.id !== replayId) return "unknown";
    if (job.status !== "running") {
      await updateReplayRecord(this.db, this.view(job));
      return "finished";
    }
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now());
    return "running";
  }

  override async alarm(): Promise<void> {
    const job = this.job();
    if (job?.status !== "running") return;
    const now = Date.now();
    const stale = this.ctx.storage.transactionSync(() => this.ledger.takeStale(now, PAGE_SIZE));
    if (stale.abandoned.length) log("warn", "replay.items_abandoned", { replay_id: job.id, items: stale.abandoned.length });
    await this.send(job, stale.resend);
    if (!job.exhausted && this.ledger.outstanding() < WINDOW) await this.enqueuePage(job, now);

    // A cancel may have come in while this alarm waited on D1 or the queue.
    const after = this.job()!;
    if (after.status !== "running") return;
    if (after.exhausted && this.ledger.outstanding() === 0) {
      await this.finish(after, this.ledger.counts().abandoned > 0 ? "failed" : "completed");
      return;
    }
    const touched: JobRow = { ...after, updated_at: Date.now() };
    this.saveJob(touched);
    await updateReplayRecord(this.db, this.view(touched));
    await this.ctx.storage.setAlarm(this.canAdvance(touched) ? Date.now() : Date.now() + POLL_MS);
  }

  private async enqueuePage(job: JobRow, now: number) {
    const bounds: IdBounds = { lower: job.lower_id, upper: job.upper_id };
    const page = await pageAfter(this.db, this.selection(job), bounds, job.cursor, PAGE_SIZE);
    if (this.job()?.status !== "running") return;
    // The cursor moves and the items enter the ledger together, before anything is sent: a crash
    // after this point leaves queued items that takeStale sends again, never a page sent twice.
    this.ctx.storage.transactionSync(() => {
      this.ledger.add(page, now);
      this.sql.exec("UPDATE job SET cursor = ?, exhausted = ?", page.at(-1)?.id ?? job.cursor, page.length < PAGE_SIZE ? 1 : 0);
    });
    await this.send(job, page);
  }

  private async send(job: JobRow, items: LedgerItem[]) {
    if (items.length === 0) return;
    try {
      await this.env.DELIVERY_QUEUE.sendBatch(items.map((item) => ({ body: replayMsg(job.job_key, job.id, item.id, item.destinationId) })));
    } catch (error) {
      log("error", "replay.send_failed", { replay_id: job.id, items: items.length, error: errorField(error) });
      this.ledger.markUnsent(items.map((item) => item.id));
    }
  }

  private async finish(job: JobRow, status: "completed" | "failed") {
    const now = Date.now();
    const finished: JobRow = { ...job, status, updated_at: now, completed_at: now };
    this.saveJob(finished);
    const view = this.view(finished);
    await updateReplayRecord(this.db, view);
    log("info", "replay.finished", { replay_id: job.id, status, total: view.total, processed: view.processed, failed: view.failed });
  }

  /** Brings the next alarm forward when the job can move now: room for a page, or its end. */
  private async wake() {
    const job = this.job();
    if (!job || job.status !== "running" || !this.canAdvance(job)) return;
    const at = await this.ctx.storage.getAlarm();
    if (at === null || at > Date.now()) await this.ctx.storage.setAlarm(Date.now());
  }

  private canAdvance(job: JobRow): boolean {
    const outstanding = this.ledger.outstanding();
    return job.exhausted ? outstanding === 0 : outstanding < WINDOW;
  }

  private isRunning(replayId: string): boolean {
    const job = this.job();
    return job?.id === replayId && job.status === "running";
  }

  private job(): JobRow | null {
    return this.sql.exec<JobRow>("SELECT * FROM job").toArray()[0] ?? null;
  }

  private saveJob(job: JobRow) {
    this.sql.exec(
      `INSERT OR REPLACE INTO job (singleton, id, job_key, kind, query, status, total, lower_id, upper_id, cursor, exhausted, created_at, updated_at, completed_at)
       VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      job.id, job.job_key, job.kind, job.query, job.status, job.total, job.lower_id, job.upper_id, job.cursor, job.exhausted,
      job.created_at, job.updated_at, job.completed_at,
    );
  }

  private selection(job: JobRow): ReplaySelection {
    return { kind: job.kind, query: JSON.parse(job.query) } as ReplaySelection;
  }

  private view(job: JobRow): ReplayView {
    return this.viewOf(job, this.ledger.counts());
  }

  private viewOf(job: JobRow, counts: { done: number; abandoned: number }): ReplayView {
    return {
      id: job.id, kind: job.kind, jobKey: job.job_key, query: JSON.parse(job.query), status: job.status, total: job.total,
      processed: counts.done, failed: counts.abandoned, createdAt: job.created_at, updatedAt: job.updated_at, completedAt: job.completed_at,
    };
  }
}
