/** Reports of scam contacts: `POST /v1/reports`, `GET /v1/reports/:id`, `GET /v1/reports`. */
import { z } from "zod";
import { IdentifierInputSchema, NormalizedIdentifierSchema } from "./identifiers.js";
import { PageQuerySchema, pageSchema } from "./pagination.js";
import { FraudModeSchema, StageSchema } from "./taxonomy.js";

/** Most identifiers one report may name. */
export const MAX_REPORT_IDENTIFIERS = 50;
/** Longest story accepted with a report, in characters. */
export const MAX_REPORT_TEXT_CHARS = 65_536;

/**
 * How the scammer reached the person.
 * @example ReportChannelSchema.parse("facetime")
 */
export const ReportChannelSchema = z.enum(["phone_call", "facetime", "video_call", "sms", "chat", "email", "web", "app", "in_person", "other"]);
export type ReportChannel = z.infer<typeof ReportChannelSchema>;

/**
 * Money lost: a non-negative amount in an ISO 4217 currency.
 * @example { amount: 20000, currency: "CNY" }
 */
export const LossSchema = z.object({
  amount: z.number().nonnegative().max(1e12),
  currency: z.string().regex(/^[A-Z]{3}$/, "expected an ISO 4217 code such as CNY"),
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
  channel: ReportChannelSchema.optional(),
  loss: LossSchema.optional(),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
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
});
export type Report = z.infer<typeof ReportSchema>;

/** Path parameters of `GET /v1/reports/:id`. */
export const ReportParamsSchema = z.object({ id: z.string().min(1).max(64) });

/**
 * Query of `GET /v1/reports`: newest first, keyset-paginated by the opaque `nextCursor` of the previous
 * page (the shared PageQuerySchema: limit 1–500, default 50).
 * @example { limit: 50, cursor: "WzEyM10" }
 */
export const ReportListQuerySchema = PageQuerySchema;
export type ReportListQuery = z.infer<typeof ReportListQuerySchema>;

/** @example { items: [...], nextCursor: null } */
export const ReportListResponseSchema = pageSchema(ReportSchema);
export type ReportListResponse = z.infer<typeof ReportListResponseSchema>;
