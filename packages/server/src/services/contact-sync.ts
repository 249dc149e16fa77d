/**
 * Keeps a ContactIndex in step with the database, like reputation-sync.ts does for the lookup index:
 * - at start, loads every live declaration (hash still held, not expired) and every participant;
 * - a declaration or end committed by this process is applied right after its commit (`applyDeclared`,
 *   `applyEnded`), so this process answers from it at once;
 * - on PostgreSQL, other processes' declarations and ends arrive through LISTEN/NOTIFY: the migration's
 *   trigger sends the row itself on `sg_oc_<md5(schema)[0:16]>`, applied without a query. Notifications are
 *   delivered at commit, in commit order, and none is lost while the connection lives; when it drops, the
 *   index is reloaded from the database after reconnecting (live declarations only: bounded by a day's TTL).
 * Applying the same declaration twice (own commit, then its notification) is a no-op (seq per hash).
 */
import { createHash } from "node:crypto";
import type { OutboundChannel } from "@scamguard/contracts";
import { sql } from "drizzle-orm";
import type { Config } from "../config.js";
import type { Db, Engine } from "../db/client.js";
import { NotifyListener } from "../db/notify-listener.js";
import { ContactIndex, type DeclarationInput } from "./contact-index.js";

const PAGE = 10_000;

export interface ContactSyncLogger {
  warn(obj: unknown, msg: string): void;
}

/** The NOTIFY channel of a schema (same expression as the migration's trigger). */
export function contactChannel(schemaName: string): string {
  return `sg_oc_${createHash("md5").update(schemaName).digest("hex").slice(0, 16)}`;
}

/** A committed declaration, as applied to the index. */
export interface AppliedDeclaration extends DeclarationInput {
  toHash: string;
  createdAtMs: number;
}

/** The trigger's payload (short keys keep it small). */
interface NotifyPayload {
  s: number;
  i: string;
  c: OutboundChannel;
  f: string;
  h: string | null;
  p: string | null;
  e: number;
  d: number;
  x: boolean;
}

interface LiveRow {
  seq: number | string;
  institution_id: string;
  channel: OutboundChannel;
  from_key: string;
  to_hash: string;
  purpose: string | null;
  expires_ms: number | string;
}

export class ContactSync {
  private listener: NotifyListener | null = null;
  private started: Promise<void> | null = null;
  /** Notifications that arrive while a reload runs, applied after it. */
  private queued: NotifyPayload[] | null = null;
  private readonly schemaName: string;
  isReady = false;

  constructor(
    /** Replaced by a freshly loaded one after a lost notification connection. */
    public index: ContactIndex,
    private readonly db: Db,
    private readonly engine: Engine,
    private readonly config: Config,
    private readonly now: () => number,
    private readonly log: ContactSyncLogger,
  ) {
    this.schemaName = config.databaseSchema ?? "public";
  }

  /** Starts on first call (listen, then load); resolves when the index holds everything committed before. */
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
    // Listen first, then load: a declaration committed in between is both notified and loaded, applied once.
    if (this.engine === "postgres" && this.config.databaseUrl !== null) await this.listen();
    await this.load(this.index);
    this.isReady = true;
  }

  applyDeclared(declared: readonly AppliedDeclaration[]): void {
    const now = this.now();
    for (const d of declared) {
      this.index.add(d.toHash, d, now);
      this.index.markParticipant(d.institution, d.createdAtMs);
    }
  }

  applyEnded(toHash: string, seq: number): void {
    this.index.end(toHash, seq);
  }

  /** Loads into `target`, then makes it the index and applies what was notified meanwhile. */
  private async load(target: ContactIndex): Promise<void> {
    this.queued = [];
    try {
      const nowMs = this.now();
      let after = 0;
      for (;;) {
        const result = await this.db.execute(sql`
          select seq, institution_id, channel, from_key, to_hash, purpose, (extract(epoch from expires_at) * 1000)::float8 as expires_ms
          from outbound_contacts
          where to_hash is not null and ended_at is null and expires_at > ${new Date(nowMs)} and seq > ${after}
          order by seq limit ${PAGE}`);
        const rows = (result as unknown as { rows: LiveRow[] }).rows;
        for (const row of rows) {
          const seq = Number(row.seq);
          target.add(
            row.to_hash,
            {
              seq,
              institution: row.institution_id,
              channel: row.channel,
              fromKey: row.from_key,
              purpose: row.purpose,
              expiresAtMs: Number(row.expires_ms),
            },
            nowMs,
          );
          after = seq;
        }
        if (rows.length < PAGE) break;
      }
      const participants = await this.db.execute(
        sql`select institution_id, (extract(epoch from last_declared_at) * 1000)::float8 as last_ms from contact_participants`,
      );
      for (const row of (participants as unknown as { rows: Array<{ institution_id: string; last_ms: number | string }> }).rows) {
        target.markParticipant(row.institution_id, Number(row.last_ms));
      }
      this.index = target;
    } finally {
      const queued = this.queued ?? [];
      this.queued = null;
      for (const payload of queued) this.applyNotification(payload);
    }
  }

  private applyNotification(payload: NotifyPayload): void {
    if (this.queued !== null) {
      this.queued.push(payload);
      return;
    }
    if (payload.h === null) return;
    if (payload.x) {
      this.index.end(payload.h, payload.s);
      return;
    }
    this.index.add(
      payload.h,
      { seq: payload.s, institution: payload.i, channel: payload.c, fromKey: payload.f, purpose: payload.p, expiresAtMs: payload.e },
      this.now(),
    );
    this.index.markParticipant(payload.i, payload.d);
  }

  private async listen(): Promise<void> {
    const listener = new NotifyListener({
      databaseUrl: this.config.databaseUrl ?? "",
      channel: contactChannel(this.schemaName),
      what: "contact",
      onNotification: (payload) => {
        try {
          this.applyNotification(JSON.parse(payload) as NotifyPayload);
        } catch (err) {
          this.log.warn({ err }, "contact notification could not be applied");
        }
      },
      // Ends missed while disconnected cannot be found by hash any more (ending clears it): load afresh,
      // answering from the old index until the new one is complete.
      onReconnected: () => this.load(new ContactIndex()),
      log: this.log,
    });
    await listener.start();
    this.listener = listener;
  }

  async close(): Promise<void> {
    await this.listener?.close();
    this.listener = null;
  }
}
