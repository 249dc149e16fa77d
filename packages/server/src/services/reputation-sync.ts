/**
 * Keeps a LookupIndex in step with the database:
 * - at start, rebuilds it from every report and imported signal (paged by seq / id);
 * - a write in this process is applied synchronously right after its commit (`applyFiled`);
 * - on PostgreSQL, writes of other processes arrive through LISTEN/NOTIFY (the migration's triggers
 *   notify `sg_rep_<md5(schema)[0:16]>` with the report's seq, or `imports`, or `reviews`), are fetched
 *   and applied; a reconnect and a periodic sweep catch up anything a dropped connection missed.
 * - review events (the centre's confirmations and withdrawals) are replayed in seq order above the
 *   highest seen, whichever path sees them first (`applyReviews` after a local commit, a notification,
 *   the sweep); each carries the standing status after it, so replaying in order is exact.
 *
 * - a report withdrawn by its filer never counts: loads skip withdrawn reports, and each withdrawal recounts
 *   the identifiers it names from the reports still standing (`loadWithdrawals`, same three paths).
 *
 * Every report is applied at most once, whichever path sees it first: the applied-seq set. Catch-up only
 * ever fetches seqs above the highest applied, so the set matters only for notifications, which name
 * recent seqs; each sweep therefore forgets seqs applied before the previous sweep (memory stays bounded
 * by ~a minute of reports), and PGlite (no notifications) stops recording once loaded. A notification
 * delayed past that would apply a report twice: its reporter still counts once (reporter marks are
 * idempotent), only the `reports` count would be one too high.
 */
import { createHash } from "node:crypto";
import type { FraudMode, IdentifierKind } from "@scamguard/contracts";
import { sql } from "drizzle-orm";
import type { Config } from "../config.js";
import type { Db, Engine } from "../db/client.js";
import { NotifyListener } from "../db/notify-listener.js";
import { loadCallFlagEvents } from "./call-flag-store.js";
import type { LookupIndex, ReportMark, ReviewMark } from "./lookup-index.js";

/** Events per page when rebuilding. */
const PAGE = 5000;
/** Safety sweep period on PostgreSQL (a notification lost with a dropped connection is found here). */
const SWEEP_MS = 30_000;

/** A report committed by this process, as its marks for the index. */
export interface FiledReport {
  seq: number;
  marks: ReportMark[];
}

export interface SyncLogger {
  warn(obj: unknown, msg: string): void;
}

/** The NOTIFY channel of a schema (same expression as the migration's trigger). */
export function reputationChannel(schemaName: string): string {
  return `sg_rep_${createHash("md5").update(schemaName).digest("hex").slice(0, 16)}`;
}

interface EventRow {
  seq: number | string;
  reporter_key_id: string;
  reporter_role: string;
  mode: string | null;
  at_ms: number | string;
  kind: string;
  normalized: string;
}

interface ImportRow {
  id: number | string;
  source: string;
  kind: string;
  normalized: string;
  reports: number;
  first_seen: string | null;
  last_seen: string | null;
  imported_ms: number | string;
}

interface ReviewRow {
  seq: number | string;
  kind: string;
  normalized: string;
  status: "confirmed" | "none";
  case_id: string | null;
  at_ms: number | string;
}

/** One identifier of a stored report as the index counts it. */
const markOf = (row: EventRow): ReportMark => ({
  kind: row.kind as IdentifierKind,
  normalized: row.normalized,
  reporterId: row.reporter_key_id,
  role: row.reporter_role,
  atMs: Number(row.at_ms),
  mode: row.mode as FraudMode | null,
});

const dayMs = (day: string | null): number | null => (day === null ? null : Date.parse(`${day.slice(0, 10)}T00:00:00Z`));

export class ReputationSync {
  private readonly applied = new Set<number>();
  /** Seqs at or below this were applied before the previous sweep and are forgotten at the next. */
  private forgetBelow = 0;
  private maxSeq = 0;
  private maxImportId = 0;
  private maxReviewSeq = 0;
  private maxWithdrawalSeq = 0;
  private pendingWithdrawals = false;
  private pendingReviews = false;
  private maxFlagSeq = 0;
  private listener: NotifyListener | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private pendingSeqs: number[] = [];
  private pendingImports = false;
  private draining: Promise<void> | null = null;
  private started: Promise<void> | null = null;

  private readonly db: Db;
  private readonly schemaName: string;
  /** True once `ready` resolved: the hot path skips the await. */
  isReady = false;

  constructor(
    readonly index: LookupIndex,
    rootDb: Db,
    private readonly engine: Engine,
    private readonly config: Config,
    private readonly log: SyncLogger,
  ) {
    this.db = rootDb;
    this.schemaName = config.databaseSchema ?? "public";
  }

  /**
   * Starts syncing on first call (listen, then load everything); resolves when the index holds everything
   * committed before. Lazy, so one-off commands that bind services (`scamguard keys`) never load the index.
   * A failed start is retried by the next call.
   */
  ready(): Promise<void> {
    if (this.started === null) {
      this.started = this.start().catch((error: unknown) => {
        this.started = null;
        throw error;
      });
    }
    return this.started;
  }

  private async start(): Promise<void> {
    // Listen first, then load: a write committed in between is both notified and loaded, and applied once.
    if (this.engine === "postgres" && this.config.databaseUrl !== null && this.listener === null) await this.listen();
    // Withdrawals before the load are in it already (loads skip withdrawn reports); later ones recount.
    this.maxWithdrawalSeq = await this.highestWithdrawal();
    await this.catchUp();
    this.isReady = true;
    if (this.engine !== "postgres") this.applied.clear();
    if (this.engine === "postgres" && this.sweepTimer === null) {
      this.sweepTimer = setInterval(() => void this.sweep(), SWEEP_MS);
      this.sweepTimer.unref();
    }
  }

  /** Applies a report committed by this process, synchronously. */
  applyFiled(filed: FiledReport): void {
    this.applyOnce(filed.seq, filed.marks);
  }

  private applyOnce(seq: number, marks: ReportMark[]): void {
    if (this.applied.has(seq)) return;
    // PGlite: one process, no notifications; after loading nothing can announce a seq twice.
    if (this.engine === "postgres" || !this.isReady) this.applied.add(seq);
    if (seq > this.maxSeq) this.maxSeq = seq;
    for (const mark of marks) this.index.applyReport(mark);
  }

  private async sweep(): Promise<void> {
    for (const seq of this.applied) if (seq <= this.forgetBelow) this.applied.delete(seq);
    this.forgetBelow = this.maxSeq;
    await this.catchUp().catch((err) => this.log.warn({ err }, "reputation sweep failed"));
  }

  /** Loads every report above the highest seq seen and every import above the highest id seen. */
  async catchUp(): Promise<void> {
    for (;;) {
      // Page by seq, not by rows returned: a page may hold only withdrawn reports.
      const page = await this.db.execute(
        sql`select max(seq) as last from (select seq from report_events where seq > ${this.maxSeq} order by seq limit ${PAGE}) p`,
      );
      const last = (page as unknown as { rows: Array<{ last: number | string | null }> }).rows[0]?.last;
      if (last === null || last === undefined) break;
      this.applyRows(await this.selectEvents(sql`e.seq > ${this.maxSeq} and e.seq <= ${Number(last)}`));
      this.maxSeq = Math.max(this.maxSeq, Number(last));
    }
    await this.loadImports();
    await this.loadReviews();
    await this.loadWithdrawals();
  }

  private async highestWithdrawal(): Promise<number> {
    const result = await this.db.execute(sql`select coalesce(max(seq), 0) as last from report_withdrawals`);
    return Number((result as unknown as { rows: Array<{ last: number | string }> }).rows[0]?.last ?? 0);
  }

  /**
   * Recounts every identifier named by a report withdrawn since the last load, from the reports still
   * standing. Call after committing a withdrawal in this process; other processes hear it by notification.
   */
  async loadWithdrawals(): Promise<void> {
    for (;;) {
      const result = await this.db.execute(sql`
        select w.seq, i.kind, i.normalized from report_withdrawals w join report_identifiers i on i.report_seq = w.report_seq
        where w.seq > ${this.maxWithdrawalSeq} order by w.seq limit ${PAGE}`);
      const rows = (result as unknown as { rows: Array<{ seq: number | string; kind: string; normalized: string }> }).rows;
      if (rows.length === 0) return;
      const keys = new Map<string, { kind: IdentifierKind; normalized: string }>();
      for (const row of rows)
        keys.set(`${row.kind}\u0000${row.normalized}`, { kind: row.kind as IdentifierKind, normalized: row.normalized });
      for (const { kind, normalized } of keys.values()) {
        const standing = await this.selectEvents(sql`i.kind = ${kind} and i.normalized = ${normalized}`);
        this.index.replaceReports(kind, normalized, standing.map(markOf));
      }
      this.maxWithdrawalSeq = Math.max(this.maxWithdrawalSeq, ...rows.map((r) => Number(r.seq)));
    }
  }

  /**
   * Loads review events committed since the last load, in order. Call after committing a review in this
   * process (the answer then reflects it at once); on PostgreSQL other processes hear it by notification.
   */
  async loadReviews(): Promise<void> {
    for (;;) {
      const result = await this.db.execute(sql`
        select seq, kind, normalized, status, case_id, (extract(epoch from created_at) * 1000)::float8 as at_ms
        from identifier_review_events where seq > ${this.maxReviewSeq} order by seq limit ${PAGE}`);
      const rows = (result as unknown as { rows: ReviewRow[] }).rows;
      if (rows.length === 0) return;
      for (const row of rows) {
        const seq = Number(row.seq);
        // Two loads racing (a notification and a local commit) must not replay an older event over a newer one.
        if (seq <= this.maxReviewSeq) continue;
        const mark: ReviewMark = {
          kind: row.kind as IdentifierKind,
          normalized: row.normalized,
          status: row.status,
          atMs: Number(row.at_ms),
          caseId: row.case_id,
        };
        this.index.applyReview(mark);
        this.maxReviewSeq = seq;
      }
    }
  }

  private async selectEvents(where: ReturnType<typeof sql>): Promise<EventRow[]> {
    const result = await this.db.execute(sql`
      select e.seq, e.reporter_key_id, e.reporter_role, e.mode,
             (extract(epoch from e.created_at) * 1000)::float8 as at_ms, i.kind, i.normalized
      from report_events e join report_identifiers i on i.report_seq = e.seq
      where (${where}) and not exists (select 1 from report_withdrawals w where w.report_seq = e.seq)
      order by e.seq, i.position`);
    return (result as unknown as { rows: EventRow[] }).rows;
  }

  private applyRows(rows: EventRow[]): void {
    let i = 0;
    while (i < rows.length) {
      const seq = Number(rows[i]?.seq);
      const marks: ReportMark[] = [];
      for (; i < rows.length && Number(rows[i]?.seq) === seq; i++) {
        marks.push(markOf(rows[i] as EventRow));
      }
      this.applyOnce(seq, marks);
    }
  }

  private async loadImports(): Promise<void> {
    await this.loadCallFlags();
    for (;;) {
      const result = await this.db.execute(sql`
        select id, source, kind, normalized, reports, first_seen::text as first_seen, last_seen::text as last_seen,
               (extract(epoch from imported_at) * 1000)::float8 as imported_ms
        from import_signals where id > ${this.maxImportId} order by id limit ${PAGE * 4}`);
      const rows = (result as unknown as { rows: ImportRow[] }).rows;
      if (rows.length === 0) return;
      for (const row of rows) {
        this.index.applySource({
          kind: row.kind as IdentifierKind,
          normalized: row.normalized,
          source: row.source,
          reports: Number(row.reports),
          firstSeenMs: dayMs(row.first_seen),
          lastSeenMs: dayMs(row.last_seen),
          importedAtMs: Number(row.imported_ms),
        });
        this.maxImportId = Math.max(this.maxImportId, Number(row.id));
      }
    }
  }

  /** Calling-pattern flag events (raised / cleared) above the last seq applied, in order. */
  private async loadCallFlags(): Promise<void> {
    for (;;) {
      const rows = await loadCallFlagEvents(this.db, this.maxFlagSeq, PAGE);
      if (rows.length === 0) return;
      for (const row of rows) {
        this.index.applyCallFlag(row.caller, row.mark);
        this.maxFlagSeq = Math.max(this.maxFlagSeq, row.seq);
      }
    }
  }

  private async listen(): Promise<void> {
    const listener = new NotifyListener({
      databaseUrl: this.config.databaseUrl ?? "",
      channel: reputationChannel(this.schemaName),
      what: "reputation",
      onNotification: (payload) => {
        if (payload === "imports") this.pendingImports = true;
        else if (payload === "reviews") this.pendingReviews = true;
        else if (payload === "withdrawals") this.pendingWithdrawals = true;
        else this.pendingSeqs.push(Number(payload));
        void this.drain();
      },
      onReconnected: () => this.catchUp(),
      log: this.log,
    });
    await listener.start();
    this.listener = listener;
  }

  /** Fetches and applies what notifications announced; one drain at a time, batching what queued meanwhile. */
  private drain(): Promise<void> {
    if (this.draining) return this.draining;
    // Assigned before the loop starts: a drain that finds nothing to fetch completes synchronously, and
    // must not leave a settled promise behind as "still draining".
    let finish!: () => void;
    const drained = new Promise<void>((resolve) => (finish = resolve));
    this.draining = drained;
    void (async () => {
      try {
        while (!this.closed && (this.pendingSeqs.length > 0 || this.pendingImports || this.pendingReviews || this.pendingWithdrawals)) {
          const seqs = this.pendingSeqs.splice(0).filter((seq) => !this.applied.has(seq));
          if (seqs.length > 0) {
            const rows = await this.selectEvents(
              sql`e.seq in (${sql.join(
                seqs.map((s) => sql`${s}`),
                sql`, `,
              )})`,
            );
            this.applyRows(rows);
          }
          if (this.pendingImports) {
            this.pendingImports = false;
            await this.loadImports();
          }
          if (this.pendingReviews) {
            this.pendingReviews = false;
            await this.loadReviews();
          }
          if (this.pendingWithdrawals) {
            this.pendingWithdrawals = false;
            await this.loadWithdrawals();
          }
        }
      } catch (err) {
        this.log.warn({ err }, "reputation sync failed to apply a notification; the sweep will catch up");
      } finally {
        this.draining = null;
        finish();
      }
    })();
    return drained;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    await this.listener?.close();
    this.listener = null;
    await this.draining?.catch(() => {});
  }
}
