/** Reputation lookup: `GET /v1/lookup` and `POST /v1/lookup` (batch). */
import { z } from "zod";
import { IdentifierInputSchema } from "./identifiers.js";
import { FraudModeSchema, IdentifierKindSchema } from "./taxonomy.js";

/** Most identifiers one batch lookup may carry. */
export const MAX_LOOKUP_BATCH = 1000;

/**
 * What scamguard knows about an identifier: its evidence level (see review.ts for the whole rule).
 * - `official`: a contact of the official directory; reports can never change this.
 * - `scam`: confirmed by the anti-fraud centre (an analyst's confirmation, or named in a case). Reports
 *   alone never reach it, however many; transfer screening may block only this level.
 * - `suspicious`: crowd evidence (distinct trusted reporters, an imported public complaint list, a call-
 *   pattern flag); transfer screening may hold for review.
 * - `unknown`: nothing, or evidence that has decayed away.
 * @example LookupVerdictSchema.parse("suspicious")
 */
export const LookupVerdictSchema = z.enum(["unknown", "suspicious", "scam", "official"]);
export type LookupVerdict = z.infer<typeof LookupVerdictSchema>;

/**
 * A weak, labelled signal imported from a public list (a complaint is not a verdict).
 * @example { source: "ftc-dnc", reports: 152, firstSeen: "2021-04-14T00:00:00.000Z", lastSeen: "2021-04-21T00:00:00.000Z" }
 */
export const LookupSourceSchema = z.object({
  source: z.string(),
  reports: z.number().int().nonnegative(),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
});
export type LookupSource = z.infer<typeof LookupSourceSchema>;

/**
 * A standing confirmation by the anti-fraud centre: when, and the case it came from (null: a direct review).
 * The analyst's reason stays in the audit trail, never in a public answer.
 * @example { confirmedAt: "2026-12-02T10:00:00.000Z", caseId: "case_…" }
 */
export const LookupConfirmationSchema = z.object({ confirmedAt: z.string(), caseId: z.string().nullable() });
export type LookupConfirmation = z.infer<typeof LookupConfirmationSchema>;

/**
 * The answer for one identifier. `score` ∈ [0, 1) is the strength of the CROWD evidence: it grows with
 * distinct reporters weighted by trust and halves every 90 days (a confirmation sets the verdict, not the
 * score). `distinctReporters` counts the keys behind the reports (never who they are) and is what to show
 * first: one key sending 667 reports is one reporter; `reports` counts reports filed in scamguard; `modes`
 * are the fraud modes those reports were classified as, most frequent first; `confirmation` is non-null
 * exactly when the centre confirmed it (verdict `scam`); dates are ISO 8601 or null.
 * @example { kind: "phone", value: "95588", normalized: "95588", verdict: "official", score: 0,
 *   distinctReporters: 2, reports: 3, modes: [], firstSeen: null, lastSeen: null, sources: [], institution: "icbc",
 *   confirmation: null, reasons: ["official number of 中国工商银行 ICBC"] }
 */
export const LookupResultSchema = z.object({
  kind: IdentifierKindSchema,
  value: z.string(),
  normalized: z.string(),
  verdict: LookupVerdictSchema,
  score: z.number().min(0).max(1),
  distinctReporters: z.number().int().nonnegative(),
  reports: z.number().int().nonnegative(),
  modes: z.array(FraudModeSchema),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
  sources: z.array(LookupSourceSchema),
  /** Directory id when the identifier is an official contact of an institution. */
  institution: z.string().nullable(),
  confirmation: LookupConfirmationSchema.nullable(),
  reasons: z.array(z.string()),
});
export type LookupResult = z.infer<typeof LookupResultSchema>;

/**
 * Query of `GET /v1/lookup`.
 * @example { kind: "phone", value: "+18333041447" }
 */
export const LookupQuerySchema = IdentifierInputSchema;
export type LookupQuery = z.infer<typeof LookupQuerySchema>;

/**
 * Body of `POST /v1/lookup`: 1 to 1,000 identifiers, answered in the same order.
 * @example { items: [{ kind: "phone", value: "95588" }, { kind: "domain", value: "1stireland.com" }] }
 */
export const BatchLookupRequestSchema = z.object({
  items: z.array(IdentifierInputSchema).min(1, "at least 1 item").max(MAX_LOOKUP_BATCH, `at most ${MAX_LOOKUP_BATCH} items`),
});
export type BatchLookupRequest = z.infer<typeof BatchLookupRequestSchema>;

/** @example { items: [{ kind: "phone", value: "95588", verdict: "official", ... }] } */
export const BatchLookupResponseSchema = z.object({ items: z.array(LookupResultSchema) });
export type BatchLookupResponse = z.infer<typeof BatchLookupResponseSchema>;

/**
 * Query of `POST /v1/lookup`: `format=compact` asks for the column form below instead of full answers.
 * @example { format: "compact" }
 */
export const BatchLookupQuerySchema = z.object({ format: z.enum(["full", "compact"]).optional() });
export type BatchLookupQuery = z.infer<typeof BatchLookupQuerySchema>;

/**
 * `POST /v1/lookup?format=compact`: what a screening client decides on, one column per field, entry i
 * answering item i (about 30 bytes an identifier instead of ~350): the verdict, the crowd score rounded to
 * 3 decimals, distinct reporters (show these first) and reports. Details of any one: `GET /v1/lookup`.
 * @example { verdict: ["official", "suspicious", "unknown"], score: [0, 0.412, 0], distinctReporters: [0, 3, 0], reports: [0, 4, 0] }
 */
export const CompactBatchLookupResponseSchema = z.object({
  verdict: z.array(LookupVerdictSchema),
  score: z.array(z.number().min(0).max(1)),
  distinctReporters: z.array(z.number().int().nonnegative()),
  reports: z.array(z.number().int().nonnegative()),
});
export type CompactBatchLookupResponse = z.infer<typeof CompactBatchLookupResponseSchema>;

/**
 * An identifier found in an analysed text (`POST /v1/analyze`), with where it is (UTF-16 offsets into the
 * original text, end exclusive) and its lookup answer.
 * @example { kind: "phone", value: "95588", normalized: "95588", start: 12, end: 17, lookup: { verdict: "official", ... } }
 */
export const FoundIdentifierSchema = z.object({
  kind: IdentifierKindSchema,
  value: z.string(),
  normalized: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  lookup: LookupResultSchema,
});
export type FoundIdentifier = z.infer<typeof FoundIdentifierSchema>;
