/**
 * The calling-pattern flag log (`call_flag_events`): record raised flags idempotently, read one caller's
 * trail, append an analyst's clear. Bound to a handle by `createCallFlagStore`; the reputation sync reads
 * new events with `loadCallFlagEvents` to keep the lookup index in step.
 */
import type { CallFlag, CallFlagRecord } from "@scamguard/contracts";
import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { callFlagEvents } from "../db/schema/call-flags.js";
import type { CallFlagMark } from "./lookup-index.js";

/** Rows per INSERT when recording a window's flags. */
const INSERT_BATCH = 500;
/** Events shown in one caller's trail. */
export const TRAIL_LIMIT = 50;

/** Appends `raised` events for flags not raised before (same caller, window and kind); returns how many are new. */
export async function insertRaisedFlags(db: Db, flags: readonly CallFlag[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < flags.length; i += INSERT_BATCH) {
    const rows = flags.slice(i, i + INSERT_BATCH).map((f) => ({
      caller: f.caller,
      type: "raised" as const,
      kind: f.kind,
      score: f.score,
      windowStart: new Date(f.window.start),
      flag: f,
    }));
    const stored = await db
      .insert(callFlagEvents)
      .values(rows)
      .onConflictDoNothing({ target: [callFlagEvents.caller, callFlagEvents.windowStart, callFlagEvents.kind], where: sql`type = 'raised'` })
      .returning({ seq: callFlagEvents.seq });
    inserted += stored.length;
  }
  return inserted;
}

export interface CallFlagStore {
  /** The caller's trail, newest first, or null when it was never flagged. */
  trail(caller: string): Promise<CallFlagRecord | null>;
  /** Appends a `cleared` event; the caller checked that the latest event is a raise. */
  appendClear(caller: string, actorKeyId: string, reason: string): Promise<void>;
}

export function createCallFlagStore(db: Db): CallFlagStore {
  return {
    async trail(caller) {
      const rows = await db.select().from(callFlagEvents).where(eq(callFlagEvents.caller, caller)).orderBy(desc(callFlagEvents.seq)).limit(TRAIL_LIMIT);
      const latestRaise = rows.find((r) => r.type === "raised" && r.flag !== null);
      if (!latestRaise?.flag) return null;
      return {
        caller,
        status: rows[0]?.type === "cleared" ? "cleared" : "active",
        raisedAt: latestRaise.createdAt.toISOString(),
        flag: latestRaise.flag,
        events: rows.map((r) => ({ type: r.type, at: r.createdAt.toISOString(), flag: r.type === "raised" ? r.flag : null, reason: r.reason })),
      };
    },
    async appendClear(caller, actorKeyId, reason) {
      await db.insert(callFlagEvents).values({ caller, type: "cleared", actorKeyId, reason });
    },
  };
}

/** New flag events for the index: a raise carries its mark, a clear `null`. */
export async function loadCallFlagEvents(db: Db, afterSeq: number, limit: number): Promise<{ seq: number; caller: string; mark: CallFlagMark | null }[]> {
  const rows = await db
    .select({ seq: callFlagEvents.seq, caller: callFlagEvents.caller, type: callFlagEvents.type, flag: callFlagEvents.flag, createdAt: callFlagEvents.createdAt })
    .from(callFlagEvents)
    .where(sql`${callFlagEvents.seq} > ${afterSeq}`)
    .orderBy(callFlagEvents.seq)
    .limit(limit);
  return rows.map((r) => ({
    seq: Number(r.seq),
    caller: r.caller,
    mark: r.type === "raised" && r.flag ? { flag: r.flag, raisedAtMs: r.createdAt.getTime() } : null,
  }));
}
