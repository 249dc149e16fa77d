/**
 * Storage of report withdrawals: an append-only log, one row per withdrawn report (see the schema and the
 * migration's triggers). No rules here: who may withdraw is the command's business.
 */
import { eq } from "drizzle-orm";
import type { CoreContext } from "../context.js";
import type { Db } from "../db/client.js";
import { type ReportWithdrawalRow, reportWithdrawals } from "../db/schema/index.js";

export interface ReportWithdrawalStore {
  /** The withdrawal of a report, or null. */
  find(reportSeq: number): Promise<ReportWithdrawalRow | null>;
  /** Appends one; null when the report was withdrawn already (the unique index decided). */
  insert(reportSeq: number, actorKeyId: string, reason: string | null): Promise<ReportWithdrawalRow | null>;
}

export function createReportWithdrawalStore(db: Db, _ctx: CoreContext): ReportWithdrawalStore {
  return {
    async find(reportSeq) {
      const [row] = await db.select().from(reportWithdrawals).where(eq(reportWithdrawals.reportSeq, reportSeq)).limit(1);
      return row ?? null;
    },
    async insert(reportSeq, actorKeyId, reason) {
      const [row] = await db
        .insert(reportWithdrawals)
        .values({ reportSeq, actorKeyId, reason })
        .onConflictDoNothing({ target: reportWithdrawals.reportSeq })
        .returning();
      return row ?? null;
    },
  };
}
