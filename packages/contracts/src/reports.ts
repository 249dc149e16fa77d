/** Reports of scam contacts: `POST /v1/reports`, `GET /v1/reports/:id`, `GET /v1/reports`. */
import { z } from "zod";
import { aliasedEnum } from "./aliased-enum.js";
import { RoleSchema } from "./auth.js";
import { IdentifierInputSchema, NormalizedIdentifierSchema } from "./identifiers.js";
import { LookupResultSchema } from "./lookup.js";
import { PageQuerySchema, pageSchema } from "./pagination.js";
import { CurrencySchema, IsoTimeSchema } from "./sessions.js";
import { FraudModeSchema, IdentifierKindSchema, StageSchema } from "./taxonomy.js";
import { VerdictSchema } from "./verdict.js";

/** Most identifiers one report may name. */
export const MAX_REPORT_IDENTIFIERS = 50;
/** Longest story accepted with a report, in characters. */
export const MAX_REPORT_TEXT_CHARS = 65_536;

/**
 * How the scammer reached the person. `meeting_app`: a meeting or screen-sharing app (Zoom, Tencent Meeting,
 * 会议软件) the person was talked into joining.
 * @example ReportChannelSchema.parse("facetime")
 */
export const ReportChannelSchema = z.enum([
  "phone_call",
  "facetime",
  "video_call",
  "meeting_app",
  "sms",
  "chat",
  "email",
  "web",
  "app",
  "in_person",
  "other",
]);
export type ReportChannel = z.infer<typeof ReportChannelSchema>;

/**
 * Other names clients send for a report channel, and the channel each means: the contacts API's own names
 * (`phone`, `video`, `app_chat`), hyphenated spellings, and the plain words a person types.
 * @example REPORT_CHANNEL_ALIASES.phone // "phone_call"
 */
export const REPORT_CHANNEL_ALIASES = {
  phone: "phone_call",
  call: "phone_call",
  "phone-call": "phone_call",
  telephone: "phone_call",
  video: "video_call",
  "video-call": "video_call",
  meeting: "meeting_app",
  "meeting-app": "meeting_app",
  text: "sms",
  app_chat: "chat",
  wechat: "chat",
  whatsapp: "chat",
  mail: "email",
  "e-mail": "email",
  website: "web",
  "in-person": "in_person",
} as const satisfies Record<string, ReportChannel>;

/**
 * A report channel as a request may spell it: a {@link ReportChannelSchema} value or one of its
 * {@link REPORT_CHANNEL_ALIASES}, answered as the canonical channel; anything else is refused with the list.
 * @example ReportChannelInputSchema.parse("phone") // "phone_call"
 */
export const ReportChannelInputSchema = aliasedEnum(ReportChannelSchema.options, REPORT_CHANNEL_ALIASES);

/**
 * Money lost: a non-negative amount in an ISO 4217 currency.
 * @example { amount: 20000, currency: "CNY" }
 */
export const LossSchema = z.object({
  amount: z.number().nonnegative().max(1e12),
  currency: CurrencySchema,
});
export type Loss = z.infer<typeof LossSchema>;

/**
 * Body of `POST /v1/reports`.
 * @example { identifiers: [{ kind: "phone", value: "+8613800138000" }], text: "自称京东客服，要求共享屏幕",
 *   channel: "phone_call", loss: { amount: 20000, currency: "CNY" }, occurredAt: "2026-11-20T09:30:00Z" }
 */
export const CreateReportRequestSchema = z.object({
  identifiers: z
    .array(IdentifierInputSchema)
    .min(1, "at least 1 identifier")
    .max(MAX_REPORT_IDENTIFIERS, `at most ${MAX_REPORT_IDENTIFIERS} identifiers`),
  text: z.string().max(MAX_REPORT_TEXT_CHARS, `at most ${MAX_REPORT_TEXT_CHARS} characters`).optional(),
  channel: ReportChannelInputSchema.optional(),
  loss: LossSchema.optional(),
  occurredAt: IsoTimeSchema.optional(),
});
export type CreateReportRequest = z.infer<typeof CreateReportRequestSchema>;

/**
 * Answer of `POST /v1/reports`: 201 with a new id, or 200 with the id of the same report sent by the
 * same key within the deduplication window (`duplicate: true`).
 * @example { id: "rpt_01JD3Z8V6N4X2W0Q9T7R5M1K8C", duplicate: false }
 */
export const CreateReportResponseSchema = z.object({ id: z.string(), duplicate: z.boolean() });
export type CreateReportResponse = z.infer<typeof CreateReportResponseSchema>;

/**
 * Where a report stands, derived (never stored): `in_case` once an analyst linked it to a case; `confirmed`
 * when the centre confirmed at least one identifier it names as a scam; `new` otherwise.
 * @example ReportStatusSchema.parse("new")
 */
export const ReportStatusSchema = z.enum(["new", "confirmed", "in_case"]);
export type ReportStatus = z.infer<typeof ReportStatusSchema>;

/**
 * A stored report as its owner or an analyst reads it (the reporter's identity is never shown).
 * `mode` and `stage` are what the engine classified the text as when it was filed.
 */
export const ReportSchema = z.object({
  id: z.string(),
  identifiers: z.array(NormalizedIdentifierSchema),
  text: z.string().nullable(),
  channel: ReportChannelSchema.nullable(),
  loss: LossSchema.nullable(),
  occurredAt: z.string().nullable(),
  createdAt: z.string(),
  mode: FraudModeSchema.nullable(),
  stage: StageSchema.nullable(),
  status: ReportStatusSchema,
  /** When its filer withdrew it (it then counts nowhere); shown on `GET /v1/reports/{id}`. */
  withdrawnAt: z.string().nullable().optional(),
});
export type Report = z.infer<typeof ReportSchema>;

/** Path parameters of `GET /v1/reports/:id`. */
export const ReportParamsSchema = z.object({ id: z.string().min(1).max(64) });

/**
 * Query of `GET /v1/reports` (the analyst queue; a reporter gets the same filters over their own reports):
 * newest first, keyset-paginated by the opaque `nextCursor` of the previous page (limit 1–500, default 50).
 * Filters combine with AND: `status`, `mode` (engine classification), `channel`, `kind` (names at least one
 * identifier of this kind), `from` / `to` (filing time, ISO 8601; from inclusive, to exclusive).
 * A cursor belongs to the filters it was returned with.
 * @example { status: "new", mode: "impersonate_customer_service", kind: "bank_account", limit: 50 }
 */
export const ReportListQuerySchema = PageQuerySchema.extend({
  status: ReportStatusSchema.optional(),
  mode: FraudModeSchema.optional(),
  channel: ReportChannelInputSchema.optional(),
  kind: IdentifierKindSchema.optional(),
  from: IsoTimeSchema.optional(),
  to: IsoTimeSchema.optional(),
});
export type ReportListQuery = z.infer<typeof ReportListQuerySchema>;

/** @example { items: [...], nextCursor: null } */
export const ReportListResponseSchema = pageSchema(ReportSchema);
export type ReportListResponse = z.infer<typeof ReportListResponseSchema>;

/**
 * Another report naming the same identifier (no text, no filer: the analyst opens it by id).
 * @example { id: "rpt_…", createdAt: "…", mode: "loan_finance", channel: "facetime", status: "new" }
 */
export const RelatedReportSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  mode: FraudModeSchema.nullable(),
  channel: ReportChannelSchema.nullable(),
  status: ReportStatusSchema,
});
export type RelatedReport = z.infer<typeof RelatedReportSchema>;

/**
 * One identifier of a report as the analyst reviews it: its lookup answer (evidence level, distinct
 * reporters), the other reports naming it (newest first, at most 20; `otherReportCount` counts them all),
 * and the other identifiers those reports name (`coNamed`, at most 20: the scammer's other numbers and accounts).
 */
export const RelatedIdentifierSchema = NormalizedIdentifierSchema.extend({
  lookup: LookupResultSchema,
  otherReportCount: z.number().int().nonnegative(),
  otherReports: z.array(RelatedReportSchema),
  coNamed: z.array(NormalizedIdentifierSchema),
});
export type RelatedIdentifier = z.infer<typeof RelatedIdentifierSchema>;

/**
 * `GET /v1/reports/:id/detail` (analyst, admin): the report, the role of the key that filed it (never the
 * key), what the engine says about its text now (`verdict`, with evidence spans and advice) and said when it
 * was filed (`filedScore`, `filedModelVersion`), every identifier with its related reports, and the cases it is in.
 */
export const ReportDetailSchema = ReportSchema.extend({
  filerRole: RoleSchema,
  verdict: VerdictSchema.nullable(),
  filedScore: z.number().nullable(),
  filedModelVersion: z.string().nullable(),
  related: z.array(RelatedIdentifierSchema),
  caseIds: z.array(z.string()),
});
export type ReportDetail = z.infer<typeof ReportDetailSchema>;

/** Longest reason a filer may give for withdrawing a report. */
export const MAX_WITHDRAWAL_REASON_CHARS = 500;

/**
 * Body of `POST /v1/reports/{id}/withdrawal`: the filer takes their report back (optional reason).
 * @example { reason: "I mistyped the number" }
 */
export const WithdrawReportRequestSchema = z.strictObject({
  reason: z.string().trim().max(MAX_WITHDRAWAL_REASON_CHARS, `at most ${MAX_WITHDRAWAL_REASON_CHARS} characters`).optional(),
});
export type WithdrawReportRequest = z.infer<typeof WithdrawReportRequestSchema>;

/**
 * A withdrawn report: it no longer counts in any identifier's reputation; the report itself stays
 * (append-only) as the audit trail, readable by its filer and analysts.
 * @example { id: "rpt_…", withdrawnAt: "2026-12-02T13:00:00.000Z", reason: "I mistyped the number" }
 */
export const ReportWithdrawalSchema = z.object({
  id: z.string(),
  withdrawnAt: z.string(),
  reason: z.string().nullable(),
});
export type ReportWithdrawal = z.infer<typeof ReportWithdrawalSchema>;
