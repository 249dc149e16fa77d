/**
 * Calling-pattern flags from call-detail records, as an append-only event log: a CDR run `raised` a flag
 * (the whole flag as JSON: evidence, window, reasons), an analyst `cleared` it with a reason. The current
 * state of a caller is its latest event; GET /v1/flags/{caller} shows the trail. A trigger in the
 * migration refuses updates and deletes, and wakes running servers (NOTIFY 'imports') on insert.
 */
import type { CallFlag } from "@scamguard/contracts";
import { sql } from "drizzle-orm";
import { bigserial, check, doublePrecision, index, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const callFlagEvents = pgTable(
  "call_flag_events",
  {
    /** Global order: the reputation sync loads events above the last seq it applied. */
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    /** Normalised caller (E.164). */
    caller: text("caller").notNull(),
    type: text("type").$type<"raised" | "cleared">().notNull(),
    /** Raised: scam_like | harassing. */
    kind: text("kind"),
    score: doublePrecision("score"),
    windowStart: timestamp("window_start", { withTimezone: true, mode: "date" }),
    /** Raised: the flag as printed by ingest-cdr. */
    flag: jsonb("flag").$type<CallFlag>(),
    /** Cleared: the analyst's key (never shown) and why. */
    actorKeyId: text("actor_key_id"),
    reason: text("reason"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    // One raise per caller, window and kind: re-ingesting the same day adds nothing (and a cleared flag stays cleared).
    uniqueIndex("call_flag_events_raised_idx").on(t.caller, t.windowStart, t.kind).where(sql`${t.type} = 'raised'`),
    // GET /v1/flags/:caller reads one caller's trail newest first.
    index("call_flag_events_caller_seq_idx").on(t.caller, t.seq.desc()),
    check("call_flag_events_type_check", sql`${t.type} in ('raised', 'cleared')`),
  ],
);
export type CallFlagEventRow = typeof callFlagEvents.$inferSelect;
