/**
 * Cases of the anti-fraud centre: open one from reports, act on it (note, timeline, link a report, add an
 * identifier, close), read it with its audit trail. Every change appends a case event in the same
 * transaction as the projection it explains; naming an identifier in a case confirms it (a review event
 * carrying the case id), so lookup says `scam` and screening may block.
 * Run the writes inside `ctx.transaction`; the route then moves the reputation index (`applyReviews`).
 */
import { randomBytes } from "node:crypto";
import type { CaseActionRequest, CaseDetail, CaseListQuery, CaseListResponse, CreateCaseRequest, IdentifierInput, NormalizedIdentifier, TimelineEntry } from "@scamguard/contracts";
import type { Principal } from "../auth/principal.js";
import type { CaseRow } from "../db/schema/cases.js";
import { decodeCursor, encodeCursor } from "../db/pagination.js";
import { conflict, notFound, unprocessable } from "../errors.js";
import { normalizedOrThrow } from "../services/identifier-keys.js";
import type { Services } from "../services/index.js";
import { presentCase, presentCaseEvent, presentFreeze } from "./present-centre.js";
import { applyReview, refuseOfficial } from "./review-identifier.js";

export const newCaseId = (): string => `case_${randomBytes(12).toString("base64url")}`;

const byTime = (a: TimelineEntry, b: TimelineEntry) => Date.parse(a.at) - Date.parse(b.at);

/** Normalises the scammer's identifiers, dropping repeats; an official contact is 409 (never flagged). */
function scammerIdentifiers(items: readonly IdentifierInput[], field: string): NormalizedIdentifier[] {
  const seen = new Set<string>();
  const out: NormalizedIdentifier[] = [];
  items.forEach((item, i) => {
    const normalized = normalizedOrThrow(item.kind, item.value, `${field}.${i}`);
    refuseOfficial({ kind: item.kind, normalized }, `${field}.${i}`);
    const key = `${item.kind}:${normalized}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ kind: item.kind, value: item.value, normalized });
  });
  return out;
}

async function requireReports(services: Services, ids: readonly string[], field: string): Promise<void> {
  const found = new Set((await services.reports.findByIds(ids)).map((r) => r.event.id));
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) {
    throw unprocessable("unknown_report", `${field}.${missing}: report ${ids[missing]} does not exist`, [
      { path: `${field}.${missing}`, message: "no such report" },
    ]);
  }
}

const confirmationReason = (row: Pick<CaseRow, "id" | "title">) => `named in case ${row.id}: ${row.title}`;

/** Opens a case; returns its id. Every identifier named is confirmed as a scam with the case as its reason. */
export async function openCase(services: Services, input: CreateCaseRequest, actor: Principal): Promise<string> {
  const reportIds = [...new Set(input.reportIds)];
  await requireReports(services, reportIds, "reportIds");
  const identifiers = scammerIdentifiers(input.identifiers ?? [], "identifiers");
  const timeline = [...(input.timeline ?? [])].sort(byTime);
  const row = await services.cases.insertCase(
    {
      id: newCaseId(),
      title: input.title,
      victimName: input.victim.name,
      victimContact: input.victim.contact ?? null,
      victimNote: input.victim.note ?? null,
      lossAmount: input.loss?.amount ?? null,
      lossCurrency: input.loss?.currency ?? null,
      identifiers,
      timeline,
      openedByKeyId: actor.keyId,
    },
    reportIds,
  );
  await services.cases.appendEvent({
    caseId: row.id,
    type: "opened",
    actorKeyId: actor.keyId,
    actorRole: actor.role,
    text: input.title,
    data: { reportIds, identifiers: identifiers.map(({ kind, normalized }) => ({ kind, normalized })), timelineEntries: timeline.length },
  });
  for (const identifier of identifiers) await applyReview(services, identifier, "confirm", confirmationReason(row), row.id, actor);
  return row.id;
}

/**
 * One audited action on a case. Returns whether an event was appended (false: it changed nothing).
 * @throws AppError 404 `case_not_found`, 409 `case_closed` (anything but `close` on a closed case)
 */
export async function actOnCase(services: Services, caseId: string, action: CaseActionRequest, actor: Principal): Promise<boolean> {
  const row = await services.cases.findCase(caseId, true);
  if (row === null) throw notFound("case_not_found", `case ${caseId} does not exist`);
  if (row.status === "closed") {
    if (action.type === "close") return false;
    throw conflict("case_closed", `case ${caseId} is closed; nothing more can be added to it`);
  }
  const event = { caseId, actorKeyId: actor.keyId, actorRole: actor.role };
  const now = new Date();
  switch (action.type) {
    case "note":
      await services.cases.appendEvent({ ...event, type: "note", text: action.text, data: {} });
      break;
    case "timeline":
      await services.cases.updateCase(caseId, { timeline: [...row.timeline, action.entry].sort(byTime), updatedAt: now });
      await services.cases.appendEvent({ ...event, type: "timeline", text: action.entry.what, data: { at: action.entry.at } });
      break;
    case "link_report": {
      await requireReports(services, [action.reportId], "reportId");
      if ((await services.cases.reportIdsOf(caseId)).includes(action.reportId)) return false;
      await services.cases.linkReport(caseId, action.reportId);
      await services.cases.updateCase(caseId, { updatedAt: now });
      await services.cases.appendEvent({ ...event, type: "report_linked", text: null, data: { reportId: action.reportId } });
      break;
    }
    case "add_identifier": {
      const [identifier] = scammerIdentifiers([action.identifier], "identifier");
      if (identifier === undefined) return false;
      if (row.identifiers.some((i) => i.kind === identifier.kind && i.normalized === identifier.normalized)) return false;
      await services.cases.updateCase(caseId, { identifiers: [...row.identifiers, identifier], updatedAt: now });
      await services.cases.appendEvent({
        ...event,
        type: "identifier_added",
        text: null,
        data: { kind: identifier.kind, normalized: identifier.normalized },
      });
      await applyReview(services, identifier, "confirm", confirmationReason(row), caseId, actor);
      break;
    }
    case "close":
      await services.cases.updateCase(caseId, { status: "closed", closedAt: now, updatedAt: now });
      await services.cases.appendEvent({ ...event, type: "closed", text: action.reason, data: {} });
      break;
  }
  return true;
}

/** @throws AppError 404 `case_not_found` */
export async function getCase(services: Services, caseId: string): Promise<CaseDetail> {
  const row = await services.cases.findCase(caseId);
  if (row === null) throw notFound("case_not_found", `case ${caseId} does not exist`);
  const [reportIds, events, freezes] = await Promise.all([
    services.cases.reportIdsOf(caseId),
    services.cases.events(caseId),
    services.cases.freezesOfCase(caseId),
  ]);
  const now = Date.now();
  return {
    ...presentCase(row, reportIds),
    events: events.map(presentCaseEvent),
    freezeRequests: freezes.map((f) => presentFreeze(f, now)),
  };
}

/** Newest first; keyset on (created_at, id). */
export async function listCases(services: Services, query: CaseListQuery): Promise<CaseListResponse> {
  const after = decodeCursor(query.cursor, ["date", "text"]);
  const rows = await services.cases.listCases(query.status, after, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const reportIds = await services.cases.reportIdsOfMany(page.map((r) => r.id));
  const last = page[page.length - 1];
  return {
    items: page.map((row) => presentCase(row, reportIds.get(row.id) ?? [])),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.createdAt, last.id]) : null,
  };
}
