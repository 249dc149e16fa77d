/** Presenting the centre's rows as their contract shapes (cases, case events, freeze requests). */
import type { Case, CaseEvent, FreezeRequest, FreezeState } from "@scamguard/contracts";
import { isFinalFreezeState } from "@scamguard/contracts";
import type { CaseEventRow, CaseRow, FreezeRequestRow } from "../db/schema/cases.js";

const MINUTE_MS = 60_000;

export function presentCase(row: CaseRow, reportIds: string[]): Case {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    victim: { name: row.victimName, contact: row.victimContact, note: row.victimNote },
    loss: row.lossAmount !== null && row.lossCurrency !== null ? { amount: row.lossAmount, currency: row.lossCurrency } : null,
    reportIds,
    identifiers: row.identifiers as Case["identifiers"],
    timeline: row.timeline,
    openedBy: row.openedByKeyId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

export const presentCaseEvent = (row: CaseEventRow): CaseEvent => ({
  seq: row.seq,
  type: row.type as CaseEvent["type"],
  at: row.createdAt.toISOString(),
  actorKeyId: row.actorKeyId,
  actorRole: row.actorRole as CaseEvent["actorRole"],
  text: row.text,
  data: row.data,
});

/** `overdue` is derived at `nowMs`: unanswered and past the deadline. */
export function presentFreeze(row: FreezeRequestRow, nowMs: number): FreezeRequest {
  const state = row.state as FreezeState;
  const final = isFinalFreezeState(state);
  return {
    id: row.id,
    caseId: row.caseId,
    institution: row.institutionId,
    payee: { kind: row.payeeKind as FreezeRequest["payee"]["kind"], value: row.payeeValue, normalized: row.payeeNormalized },
    amount: { amount: row.amount, currency: row.currency },
    deadlineMinutes: row.deadlineMinutes,
    deadlineAt: row.deadlineAt.toISOString(),
    state,
    overdue: !final && nowMs > row.deadlineAt.getTime(),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    answer:
      final && row.answeredAt !== null
        ? {
            outcome: state,
            amount: row.frozenAmount,
            reason: row.answerReason,
            answeredAt: row.answeredAt.toISOString(),
            minutesToAnswer: Math.round(((row.answeredAt.getTime() - row.createdAt.getTime()) / MINUTE_MS) * 10) / 10,
            late: row.answeredAt.getTime() > row.deadlineAt.getTime(),
          }
        : null,
    note: row.note,
    requestedBy: row.requestedByKeyId,
    createdAt: row.createdAt.toISOString(),
  };
}
