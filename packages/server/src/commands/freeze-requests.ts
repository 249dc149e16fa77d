/**
 * Emergency freeze / stop-payment requests: the centre sends one from a case to a bank (a directory
 * institution); every institution key bound to that institution reads and answers it; nobody else sees it
 * (404, exactly like a request that does not exist, so ids reveal nothing).
 *
 * States only move forward — sent → acknowledged → one final answer — under a row lock, and each move
 * appends a case event in the same transaction. Answers are idempotent: the same final answer again is a
 * no-op returning the same request; a different one after a final answer is 409 `freeze_already_answered`.
 */
import { randomBytes } from "node:crypto";
import {
  type CreateFreezeRequest,
  type FreezeAnswerRequest,
  type FreezeRequest,
  type FreezeRequestListQuery,
  type FreezeRequestListResponse,
  type FreezeState,
  isFinalFreezeState,
} from "@scamguard/contracts";
import { getInstitution } from "@scamguard/detect";
import type { Principal } from "../auth/principal.js";
import type { FreezeRequestRow } from "../db/schema/cases.js";
import { decodeCursor, encodeCursor } from "../db/pagination.js";
import { conflict, notFound, unprocessable } from "../errors.js";
import { normalizedOrThrow } from "../services/identifier-keys.js";
import type { Services } from "../services/index.js";
import { presentFreeze } from "./present-centre.js";

const MINUTE_MS = 60_000;
const seesAll = (caller: Principal): boolean => caller.role === "analyst" || caller.role === "admin";

export const newFreezeId = (): string => `frz_${randomBytes(12).toString("base64url")}`;

/** Whether the caller may read (and, for institutions, answer) this request. */
const visibleTo = (row: FreezeRequestRow, caller: Principal): boolean =>
  seesAll(caller) || (caller.role === "institution" && (caller.institution ?? null) === row.institutionId);

async function visibleFreeze(services: Services, id: string, caller: Principal, forUpdate: boolean): Promise<FreezeRequestRow> {
  const row = await services.cases.findFreeze(id, forUpdate);
  if (row === null || !visibleTo(row, caller)) throw notFound("freeze_request_not_found", `freeze request ${id} does not exist`);
  return row;
}

/** @throws 422 `unknown_case` / `unknown_institution` / `invalid_identifier`, 409 `case_closed` */
export async function requestFreeze(services: Services, input: CreateFreezeRequest, actor: Principal, now = new Date()): Promise<FreezeRequest> {
  const institution = getInstitution(input.institution);
  if (institution === undefined) {
    throw unprocessable("unknown_institution", `institution: "${input.institution}" is not an id of the official directory (GET /v1/directory?q=… lists them, e.g. icbc, ccb, webank)`, [
      { path: "institution", message: "not a directory id" },
    ]);
  }
  const normalized = normalizedOrThrow(input.payee.kind, input.payee.value, "payee");
  const caseRow = await services.cases.findCase(input.caseId, true);
  if (caseRow === null) {
    throw unprocessable("unknown_case", `caseId: case ${input.caseId} does not exist`, [{ path: "caseId", message: "no such case" }]);
  }
  if (caseRow.status === "closed") throw conflict("case_closed", `case ${input.caseId} is closed; open a new case to request a freeze`);
  const row = await services.cases.insertFreeze({
    id: newFreezeId(),
    caseId: input.caseId,
    institutionId: institution.id,
    payeeKind: input.payee.kind,
    payeeValue: input.payee.value,
    payeeNormalized: normalized,
    amount: input.amount.amount,
    currency: input.amount.currency,
    deadlineMinutes: input.deadlineMinutes,
    deadlineAt: new Date(now.getTime() + input.deadlineMinutes * MINUTE_MS),
    note: input.note?.trim() ? input.note.trim() : null,
    requestedByKeyId: actor.keyId,
    createdAt: now,
  });
  await services.cases.updateCase(input.caseId, { updatedAt: now });
  await services.cases.appendEvent({
    caseId: input.caseId,
    type: "freeze_requested",
    actorKeyId: actor.keyId,
    actorRole: actor.role,
    text: `freeze ${input.amount.amount} ${input.amount.currency} on ${input.payee.kind} ${normalized} at ${institution.id}, within ${input.deadlineMinutes} min`,
    data: {
      freezeRequestId: row.id,
      institution: institution.id,
      payee: { kind: input.payee.kind, normalized },
      amount: input.amount.amount,
      currency: input.amount.currency,
      deadlineMinutes: input.deadlineMinutes,
    },
  });
  return presentFreeze(row, now.getTime());
}

/** @throws 404 `freeze_request_not_found` (missing or not the caller's), 409 `freeze_already_answered` */
export async function acknowledgeFreeze(services: Services, id: string, caller: Principal): Promise<FreezeRequest> {
  const row = await visibleFreeze(services, id, caller, true);
  const state = row.state as FreezeState;
  if (state === "acknowledged") return presentFreeze(row, Date.now());
  if (isFinalFreezeState(state)) throw conflict("freeze_already_answered", `freeze request ${id} was already answered (${state}); states only move forward`);
  const now = new Date();
  const updated = await services.cases.updateFreeze(id, { state: "acknowledged", acknowledgedAt: now });
  await services.cases.appendEvent({
    caseId: row.caseId,
    type: "freeze_acknowledged",
    actorKeyId: caller.keyId,
    actorRole: caller.role,
    text: `${row.institutionId} acknowledged the freeze request`,
    data: { freezeRequestId: id },
  });
  return presentFreeze(updated, now.getTime());
}

const answerAmount = (answer: FreezeAnswerRequest): number | null =>
  answer.outcome === "frozen" || answer.outcome === "partially_frozen" ? answer.amount : null;
const answerReason = (answer: FreezeAnswerRequest): string | null =>
  answer.outcome === "rejected" ? answer.reason : answer.outcome === "not_our_account" ? (answer.reason?.trim() ? answer.reason.trim() : null) : null;

/** @throws 404 `freeze_request_not_found`, 409 `freeze_already_answered`, 422 `amount_exceeds_request` */
export async function answerFreeze(services: Services, id: string, answer: FreezeAnswerRequest, caller: Principal): Promise<FreezeRequest> {
  const row = await visibleFreeze(services, id, caller, true);
  const state = row.state as FreezeState;
  const amount = answerAmount(answer);
  const reason = answerReason(answer);
  if (isFinalFreezeState(state)) {
    // Idempotent: a retry of the same answer gets the same request back; anything else is a conflict.
    if (state === answer.outcome && row.frozenAmount === amount && (answer.outcome !== "rejected" || row.answerReason === reason)) {
      return presentFreeze(row, Date.now());
    }
    throw conflict("freeze_already_answered", `freeze request ${id} was already answered (${state}); a final answer cannot change`);
  }
  if (amount !== null && (amount > row.amount || (answer.outcome === "partially_frozen" && amount >= row.amount))) {
    throw unprocessable(
      "amount_exceeds_request",
      `amount: ${amount} ${answer.outcome === "partially_frozen" ? "must be less than" : "cannot exceed"} the ${row.amount} ${row.currency} requested`,
      [{ path: "amount", message: "more than requested" }],
    );
  }
  const now = new Date();
  const updated = await services.cases.updateFreeze(id, { state: answer.outcome, answeredAt: now, frozenAmount: amount, answerReason: reason });
  await services.cases.appendEvent({
    caseId: row.caseId,
    type: "freeze_answered",
    actorKeyId: caller.keyId,
    actorRole: caller.role,
    text: `${row.institutionId}: ${answer.outcome.replaceAll("_", " ")}${amount !== null ? ` ${amount} ${row.currency}` : ""}${reason ? ` (${reason})` : ""}`,
    data: { freezeRequestId: id, outcome: answer.outcome, amount, reason, late: now.getTime() > row.deadlineAt.getTime() },
  });
  return presentFreeze(updated, now.getTime());
}

/** @throws 404 `freeze_request_not_found` (missing or not the caller's) */
export async function getFreeze(services: Services, id: string, caller: Principal): Promise<FreezeRequest> {
  return presentFreeze(await visibleFreeze(services, id, caller, false), Date.now());
}

/** Staff: every request; a bank: those addressed to its institution (an unbound key: none). Newest first. */
export async function listFreezes(services: Services, query: FreezeRequestListQuery, caller: Principal): Promise<FreezeRequestListResponse> {
  const after = decodeCursor(query.cursor, ["date", "text"]);
  const rows = await services.cases.listFreezes(
    {
      ...(seesAll(caller) ? {} : { institutionId: caller.institution ?? null }),
      ...(query.caseId ? { caseId: query.caseId } : {}),
      ...(query.state ? { state: query.state } : {}),
      ...(query.overdue ? { overdue: query.overdue === "true" } : {}),
    },
    after,
    query.limit + 1,
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const now = Date.now();
  return {
    items: page.map((row) => presentFreeze(row, now)),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.createdAt, last.id]) : null,
  };
}
