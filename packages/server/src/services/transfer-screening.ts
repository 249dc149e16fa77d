/**
 * Transfer screening for banks, in single milliseconds: the payee's reputation from the in-memory index,
 * the kill-chain session's state when a `sessionId` is given, and the payer's recent transfers (bursts,
 * new payees, round sums) from a bounded in-memory history per institution and payer. Allowed, warned and
 * cooled-off transfers touch no database on the request path: their audit rows are written behind the
 * answer in small chunks. Holds and blocks raise a guardian alert and are committed BEFORE the answer
 * (one statement, group commit), so an acknowledged hold is never lost.
 * Every screening is logged, on both engines alike: embedded PGlite runs on its own thread
 * (db/pglite-thread.ts), so its writes no longer stall the requests.
 */

import { applyEvent, createSession, type SessionDeps, type SessionState } from "@scamguard/detect/session/index";
import type { Principal } from "../auth/principal.js";
import type { CoreContext } from "../context.js";
import type { Db } from "../db/client.js";
import { RAISE_ALERTS_SQL, type RaiseAlertInput, type RaiseAlertsRunner, type RaisedRow, raiseAlertBatch } from "./guardians.js";
import { insertScreeningsFrom, type ScreeningRow, screeningRecord } from "./screening-record.js";
import { type BackgroundWarn, backgroundWarn, createWebhookService } from "./webhooks.js";

/** Payers whose recent transfers are remembered per app (least recently screened forgotten first). */
export const MAX_PAYERS = 100_000;
/** Log rows (allow, warn, cooling-off) are written at most this often, or at this many rows. */
const FLUSH_MS = 250;
const FLUSH_ROWS = 500;
/**
 * Rows per INSERT of a log flush. Building and serialising a statement runs on the server's thread:
 * 500 rows in one statement stalled every request behind it for several ms; chunks of 50 with a
 * setImmediate between them let requests in between. PGlite runs one statement at a time, so a hold
 * queued behind a log chunk waits for it: chunks start only while no hold is being committed.
 */
const CHUNK_ROWS = 50;
/** Holds and blocks committed together at most (one transaction, a fixed number of statements). */
const DURABLE_MAX = 64;

export type { ScreeningRow };

interface Durable {
  row: ScreeningRow;
  alert: RaiseAlertInput;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * One INSERT with ONE parameter (the rows as JSON): far cheaper to build and send than drizzle's
 * nine parameters per row (500 rows took ~70 ms on a busy machine, mostly in this thread). Run as a
 * prepared statement, like the holds' commit (RAISE_ALERTS_SQL): planned once, not 40 times a second.
 */
const INSERT_SCREENINGS_SQL = insertScreeningsFrom("$1");

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes screenings behind the answers, in two classes:
 * - Holds and blocks (`persist`) are DURABLE: their audit row and guardian alert are committed before the
 *   answer leaves (the caller awaits), so an acknowledged hold survives a crash. Group commit: a hold
 *   starts a commit at once while fewer than `inFlightMax` are under way; those arriving meanwhile share
 *   the next one, so a burst costs a few commits, not one per transfer. On PostgreSQL a commit waits
 *   for the WAL's fsync (~2.5 ms on this disk) and the server flushes concurrent commits together, so
 *   several in flight spare a hold the wait for the previous commit; PGlite runs one statement at a
 *   time on its own thread, so there one in flight batches best.
 * - Everything else (`log`) is an audit trail only: the rows queued when a hold's commit starts ride along
 *   in its statement (up to CHUNK_ROWS), so with holds about there are few statements of their own; the
 *   rest are batched every 250 ms and written in chunks of CHUNK_ROWS rows, one statement each, yielding
 *   to requests between chunks. A crash loses at most the rows of the last interval, never a decision that
 *   raised an alert.
 * The delivery worker is woken only when deliveries were queued. Everything is flushed on close.
 */
export class ScreeningWriter {
  private rows: ScreeningRow[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private pending: Durable[] = [];
  private inFlight = 0;
  /** Told each time a durable commit ends. */
  private settled: (() => void)[] = [];
  /** The two statements of this writer, each parsed and planned once per connection. */
  private readonly raise: RaiseAlertsRunner;
  private readonly insertRows: (params: readonly [string]) => Promise<unknown>;

  constructor(
    private readonly ctx: CoreContext,
    private readonly warn: BackgroundWarn = () => {},
    private readonly inFlightMax = 1,
  ) {
    this.raise = ctx.prepared<RaisedRow>("screening_raise_alerts", RAISE_ALERTS_SQL, ["json", "jsonb"]);
    this.insertRows = ctx.prepared("screening_log_rows", INSERT_SCREENINGS_SQL, ["jsonb"]);
  }

  /** Commits a hold's or block's row and alert; resolves once committed, rejects if not written. */
  persist(row: ScreeningRow, alert: RaiseAlertInput): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ row, alert, resolve, reject });
      if (this.inFlight < this.inFlightMax) this.commitPending();
    });
  }

  private commitPending(): void {
    const batch = this.pending.splice(0, DURABLE_MAX);
    // The log rows queued so far ride along (up to a chunk): a statement's fixed cost (on PGlite ~1 ms of
    // WASM, more than 40 rows) is paid once for both, and the timer's flush mostly finds nothing left.
    const riders = this.rows.splice(0, CHUNK_ROWS);
    this.inFlight++;
    // The delivery worker starts with the first hold (it also delivers what an earlier run left queued).
    const webhooks = createWebhookService(this.ctx.rootDb, this.ctx);
    // No BEGIN/COMMIT: the batch writes rows, alerts and outbox in one statement, atomic by itself.
    void raiseAlertBatch(
      this.raise,
      batch.map((d) => d.alert),
      riders.length === 0 ? batch.map((d) => d.row) : [...batch.map((d) => d.row), ...riders],
    )
      .then(
        ({ queued }) => {
          for (const d of batch) d.resolve();
          if (queued > 0) webhooks.kick();
        },
        (error: unknown) => {
          this.warn(`transfer screening: ${batch.length} holds and blocks not recorded (answered 503)`, error);
          for (const d of batch) d.reject(error);
          // The log rows were only passengers: back to the log, written (or dropped) by its next flush.
          for (const row of riders) this.log(row);
        },
      )
      .finally(() => {
        this.inFlight--;
        if (this.pending.length > 0) this.commitPending();
        for (const done of this.settled.splice(0)) done();
      });
  }

  /** Queues an audit row (not a hold or block): written within FLUSH_MS, not awaited by anyone. */
  log(row: ScreeningRow): void {
    this.rows.push(row);
    if (this.rows.length >= FLUSH_ROWS) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), FLUSH_MS);
      this.timer.unref();
    }
  }

  /**
   * Writes the queued log rows; resolves when they, every earlier flush and the durable commits under way
   * (which may carry log rows) are written.
   */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const rows = this.rows;
    this.rows = [];
    if (rows.length > 0) this.flushing = this.flushing.then(() => this.writeChunks(rows));
    await this.flushing;
    while (this.inFlight > 0) await this.commitEnded();
  }

  private async writeChunks(rows: ScreeningRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
      if (i > 0) await nextTurn();
      // Holds first: the audit trail can wait a few commits, an awaited hold should not wait for it
      // (bounded, so a stream of holds never starves the log).
      for (let waits = 0; this.inFlight > 0 && waits < 4; waits++) await this.commitEnded();
      const chunk = rows.slice(i, i + CHUNK_ROWS);
      try {
        await this.insertRows([JSON.stringify(chunk.map(screeningRecord))]);
      } catch (error) {
        this.warn(`transfer screening: ${chunk.length} log rows not written`, error);
      }
    }
  }

  private commitEnded(): Promise<void> {
    return new Promise<void>((resolve) => this.settled.push(resolve));
  }

  async close(): Promise<void> {
    while (this.inFlight > 0) await this.commitEnded();
    await this.flush();
  }
}

/** Recent transfers per (institution, payer), as kill-chain states holding transfers only. */
export class PayerHistory {
  private readonly states = new Map<string, SessionState>();

  constructor(private readonly max = MAX_PAYERS) {}

  /** Applies a transfer to the payer's history and returns the engine's result. */
  apply(key: string | null, event: Parameters<typeof applyEvent>[1], deps: SessionDeps) {
    const state = (key && this.states.get(key)) || createSession(deps.lang);
    const result = applyEvent(state, event, deps);
    if (key) {
      this.states.delete(key);
      this.states.set(key, result.state);
      if (this.states.size > this.max) this.states.delete(this.states.keys().next().value as string);
    }
    return result;
  }
}

export interface TransferScreeningService {
  readonly history: PayerHistory;
  readonly writer: ScreeningWriter;
  payerKey(principal: Principal, payer: { kind: string; value: string } | undefined): string | null;
}

export function createTransferScreeningService(_db: Db, ctx: CoreContext): TransferScreeningService {
  const history = ctx.singleton("transfer-payer-history", () => new PayerHistory());
  const warn = backgroundWarn(ctx.config.logLevel === "silent");
  const writer = ctx.singleton("transfer-screening-writer", () => new ScreeningWriter(ctx, warn, ctx.engine === "postgres" ? 4 : 1));
  return {
    history,
    writer,
    payerKey: (principal, payer) => (payer ? `${principal.keyId}|${payer.kind}:${payer.value.replace(/[\s-]/g, "").toLowerCase()}` : null),
  };
}
