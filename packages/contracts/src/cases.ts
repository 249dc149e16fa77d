/**
 * Cases of the anti-fraud centre (`/v1/cases`): opened by an analyst from reports, with the victim, the loss,
 * a timeline and the scammer's identifiers. Every action on a case is an append-only audit event (actor,
 * time, text) shown on the case; the case itself is the projection of its events. Naming an identifier in a
 * case confirms it as a scam (see review.ts); states only move forward: `open` → `closed`.
 */
import { z } from "zod";
import { RoleSchema } from "./auth.js";
import { FreezeRequestSchema } from "./freezes.js";
import { IdentifierInputSchema, NormalizedIdentifierSchema } from "./identifiers.js";
import { LookupResultSchema } from "./lookup.js";
import { PageQuerySchema, pageSchema } from "./pagination.js";
import { LossSchema, ReportSchema } from "./reports.js";
import { IsoTimeSchema } from "./sessions.js";
import { VerdictSchema } from "./verdict.js";

/** Most reports and identifiers one case may hold. */
export const MAX_CASE_REPORTS = 200;
export const MAX_CASE_IDENTIFIERS = 100;

/** @example CaseStatusSchema.parse("open") */
export const CaseStatusSchema = z.enum(["open", "closed"]);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

/**
 * One step of what happened, as the victim tells it.
 * @example { at: "2026-11-20T09:30:00+08:00", what: "FaceTime call from 'JD Finance', asked to share screen" }
 */
export const TimelineEntrySchema = z.object({
  at: IsoTimeSchema,
  what: z.string().trim().min(1).max(2000),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/**
 * The victim, as much as the police and the bank need: a name, optionally a contact and a note.
 * @example { name: "张女士", contact: "+8613900139000", note: "elderly, lives alone" }
 */
export const VictimSchema = z.object({
  name: z.string().trim().min(1).max(200),
  contact: z.string().trim().max(200).nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
});
export type Victim = z.infer<typeof VictimSchema>;

/**
 * Body of `POST /v1/cases` (analyst, admin). `identifiers` are the scammer's (the console pre-fills them from
 * the reports; leave a victim's own account out): each is confirmed as a scam by opening the case.
 * @example { title: "JD Finance loan-cancellation scam", reportIds: ["rpt_…"], victim: { name: "张女士" },
 *   loss: { amount: 50000, currency: "CNY" }, timeline: [{ at: "…", what: "…" }],
 *   identifiers: [{ kind: "bank_account", value: "6222020200112233445" }] }
 */
export const CreateCaseRequestSchema = z.object({
  title: z.string().trim().min(1).max(200),
  reportIds: z.array(z.string().min(1).max(64)).min(1, "at least 1 report").max(MAX_CASE_REPORTS),
  victim: VictimSchema,
  loss: LossSchema.optional(),
  timeline: z.array(TimelineEntrySchema).max(500).optional(),
  identifiers: z.array(IdentifierInputSchema).max(MAX_CASE_IDENTIFIERS).optional(),
});
export type CreateCaseRequest = z.infer<typeof CreateCaseRequestSchema>;

/**
 * Kinds of case event. `opened`, `closed`; `note`; `timeline` (an entry added); `report_linked`;
 * `identifier_added` (and confirmed); `freeze_requested`, `freeze_acknowledged`, `freeze_answered` (from the
 * freeze requests of the case, `data.freezeRequestId` names which).
 */
export const CaseEventTypeSchema = z.enum([
  "opened",
  "note",
  "timeline",
  "report_linked",
  "identifier_added",
  "freeze_requested",
  "freeze_acknowledged",
  "freeze_answered",
  "closed",
]);
export type CaseEventType = z.infer<typeof CaseEventTypeSchema>;

/**
 * One audit event of a case: who (key id and role), when, what (`type`, a human `text`, and `data`).
 * @example { seq: 3, type: "freeze_answered", at: "…", actorKeyId: "k_…", actorRole: "institution",
 *   text: "frozen 50000 CNY", data: { freezeRequestId: "frz_…", outcome: "frozen", amount: 50000 } }
 */
export const CaseEventSchema = z.object({
  seq: z.number().int().positive(),
  type: CaseEventTypeSchema,
  at: z.string(),
  actorKeyId: z.string(),
  actorRole: RoleSchema,
  text: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type CaseEvent = z.infer<typeof CaseEventSchema>;

/** A case as listed. */
export const CaseSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: CaseStatusSchema,
  victim: z.object({ name: z.string(), contact: z.string().nullable(), note: z.string().nullable() }),
  loss: LossSchema.nullable(),
  reportIds: z.array(z.string()),
  identifiers: z.array(NormalizedIdentifierSchema),
  timeline: z.array(TimelineEntrySchema),
  openedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type Case = z.infer<typeof CaseSchema>;

/** `GET /v1/cases/:id`: the case with its audit trail (oldest first) and its freeze requests. */
export const CaseDetailSchema = CaseSchema.extend({
  events: z.array(CaseEventSchema),
  freezeRequests: z.array(FreezeRequestSchema),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

/** Path parameters of `/v1/cases/:id…`. */
export const CaseParamsSchema = z.object({ id: z.string().min(1).max(64) });

/** Query of `GET /v1/cases`: newest first, keyset pages, optionally by status. */
export const CaseListQuerySchema = PageQuerySchema.extend({ status: CaseStatusSchema.optional() });
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

/** @example { items: [ … ], nextCursor: null } */
export const CaseListResponseSchema = pageSchema(CaseSchema);
export type CaseListResponse = z.infer<typeof CaseListResponseSchema>;

/**
 * Body of `POST /v1/cases/:id/actions` (analyst, admin): one audited action. Linking a report or adding an
 * identifier already there changes nothing (200, no event); closing a closed case answers it as it is; any
 * other action on a closed case is 409 `case_closed`.
 * @example { type: "note", text: "called the victim back, bank informed" }
 * @example { type: "close", reason: "money frozen and returned" }
 */
export const CaseActionRequestSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("note"), text: z.string().trim().min(1).max(4000) }),
  z.object({ type: z.literal("timeline"), entry: TimelineEntrySchema }),
  z.object({ type: z.literal("link_report"), reportId: z.string().min(1).max(64) }),
  z.object({ type: z.literal("add_identifier"), identifier: IdentifierInputSchema }),
  z.object({ type: z.literal("close"), reason: z.string().trim().min(3).max(2000) }),
]);
export type CaseActionRequest = z.infer<typeof CaseActionRequestSchema>;

/** A report inside an evidence packet: with the filer's role and the engine's verdict on its text. */
export const PacketReportSchema = ReportSchema.extend({ filerRole: RoleSchema, verdict: VerdictSchema.nullable() });
export type PacketReport = z.infer<typeof PacketReportSchema>;

/**
 * `GET /v1/cases/:id/packet` (analyst, admin): everything the police or the bank need in one JSON document —
 * the case, its timeline and audit trail, every report with the engine's verdict, every identifier with its
 * evidence level, and the freeze requests with their answers. `generatedAt` dates the snapshot.
 */
export const EvidencePacketSchema = z.object({
  format: z.literal("scamguard-evidence-packet/1"),
  generatedAt: z.string(),
  case: CaseSchema,
  timeline: z.array(TimelineEntrySchema),
  events: z.array(CaseEventSchema),
  reports: z.array(PacketReportSchema),
  identifiers: z.array(NormalizedIdentifierSchema.extend({ lookup: LookupResultSchema })),
  freezeRequests: z.array(FreezeRequestSchema),
});
export type EvidencePacket = z.infer<typeof EvidencePacketSchema>;
