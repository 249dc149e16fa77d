/**
 * A filer withdraws their own report (an admin may, on their behalf): a withdrawal event is appended, the
 * report stays as filed, and after the commit the reputation index recounts every identifier it named
 * without it. Anyone else gets 404, exactly as for reading it; a second withdrawal is 409.
 * Run it inside `ctx.transaction`, then call `reputation.applyWithdrawals()` after the commit.
 */
import type { ReportWithdrawal, WithdrawReportRequest } from "@scamguard/contracts";
import type { Principal } from "../auth/principal.js";
import { conflict, notFound } from "../errors.js";
import type { Services } from "../services/index.js";

/**
 * @throws AppError 404 `report_not_found` when missing or not the caller's
 * @throws AppError 409 `already_withdrawn`
 */
export async function withdrawReport(services: Services, id: string, input: WithdrawReportRequest, caller: Principal): Promise<ReportWithdrawal> {
  const stored = await services.reports.findById(id);
  if (stored === null || (caller.role !== "admin" && stored.event.reporterKeyId !== caller.keyId)) {
    throw notFound("report_not_found", `report ${id} does not exist`);
  }
  const reason = input.reason?.trim() ? input.reason.trim() : null;
  const row = await services.withdrawals.insert(stored.event.seq, caller.keyId, reason);
  if (row === null) throw conflict("already_withdrawn", `report ${id} was withdrawn already`);
  return { id, withdrawnAt: row.createdAt.toISOString(), reason: row.reason };
}
