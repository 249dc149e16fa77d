/**
 * Withdrawals of reports by their filers: an append-only log (a trigger in the migration forbids UPDATE and
 * DELETE), one row per withdrawn report. The report itself stays as it was filed — the audit trail — and
 * the reputation index counts only reports without a withdrawal (the projection).
 */
import { bigint, bigserial, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { reportEvents } from "./reports.js";

export const reportWithdrawals = pgTable(
  "report_withdrawals",
  {
    /** Order of withdrawals: the reputation sync replays those above the highest it has seen. */
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    reportSeq: bigint("report_seq", { mode: "number" })
      .notNull()
      .references(() => reportEvents.seq),
    /** The key that withdrew it (the filer, or an admin on the filer's behalf). */
    actorKeyId: text("actor_key_id").notNull(),
    /** Why, in the filer's words (optional, at most 500 characters). */
    reason: text("reason"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("report_withdrawals_report_idx").on(t.reportSeq)],
);
export type ReportWithdrawalRow = typeof reportWithdrawals.$inferSelect;
