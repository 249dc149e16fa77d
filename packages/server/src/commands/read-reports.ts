/**
 * Read reports: a reporter (any key) reads its own; analysts and admins read all. Somebody else's report
 * answers 404, exactly like a missing one, so ids reveal nothing. The reporter is never shown.
 */
import type { Report, ReportListQuery, ReportListResponse } from "@scamguard/contracts";
import type { Principal } from "../auth/principal.js";
import { decodeCursor, encodeCursor } from "../db/pagination.js";
import { notFound } from "../errors.js";
import type { Services } from "../services/index.js";
import type { StoredReport } from "../services/report-store.js";

const seesAll = (caller: Principal): boolean => caller.role === "analyst" || caller.role === "admin";

export function presentReport({ event, identifiers, status }: StoredReport): Report {
  return {
    id: event.id,
    identifiers: identifiers.map((i) => ({ kind: i.kind as Report["identifiers"][number]["kind"], value: i.value, normalized: i.normalized })),
    text: event.text,
    channel: event.channel as Report["channel"],
    loss: event.lossAmount !== null && event.lossCurrency !== null ? { amount: event.lossAmount, currency: event.lossCurrency } : null,
    occurredAt: event.occurredAt?.toISOString() ?? null,
    createdAt: event.createdAt.toISOString(),
    mode: event.mode as Report["mode"],
    stage: event.stage as Report["stage"],
    status,
  };
}

/** @throws AppError 404 `report_not_found` when missing or not the caller's to see */
export async function getReport(services: Services, id: string, caller: Principal): Promise<Report> {
  const stored = await services.reports.findById(id);
  if (stored === null || (!seesAll(caller) && stored.event.reporterKeyId !== caller.keyId)) {
    throw notFound("report_not_found", `report ${id} does not exist`);
  }
  const withdrawal = await services.withdrawals.find(stored.event.seq);
  return { ...presentReport(stored), withdrawnAt: withdrawal?.createdAt.toISOString() ?? null };
}

/** Newest first, filtered (the analyst queue); keyset on the event seq (the cursor carries the last seq seen). */
export async function listReports(services: Services, query: ReportListQuery, caller: Principal): Promise<ReportListResponse> {
  const after = decodeCursor(query.cursor, ["int"]);
  const beforeSeq = after === null ? null : (after[0] as number);
  const filters = {
    reporterKeyId: seesAll(caller) ? null : caller.keyId,
    ...(query.status ? { status: query.status } : {}),
    ...(query.mode ? { mode: query.mode } : {}),
    ...(query.channel ? { channel: query.channel } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.from ? { from: new Date(query.from) } : {}),
    ...(query.to ? { to: new Date(query.to) } : {}),
  };
  const rows = await services.reports.list(filters, beforeSeq, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(presentReport),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.event.seq]) : null,
  };
}
