/**
 * Evidence levels and the anti-fraud centre's review of crowd flags (`POST /v1/reviews`, `GET /v1/reviews`).
 *
 * One rule for lookup, transfer screening and the console:
 * - imported lists and call-pattern flags are signals: `suspicious` at most;
 * - distinct trusted reporters make an identifier `suspicious` (screening may HOLD a transfer to it for review),
 *   never `scam`, however many there are;
 * - only an analyst's confirmation (directly, or by naming it in a case) makes it `scam` (screening may BLOCK);
 * - a confirmation can be withdrawn on dispute, with a reason; the identifier falls back to its crowd level;
 * - official directory contacts are never flagged (confirming one answers 409 `official_contact`).
 * Every review action is an append-only event (actor, time, reason); the standing status is derived from them.
 */
import { z } from "zod";
import { RoleSchema } from "./auth.js";
import { IdentifierInputSchema } from "./identifiers.js";
import { LookupResultSchema } from "./lookup.js";
import { IdentifierKindSchema } from "./taxonomy.js";

/**
 * What an analyst does to an identifier: `confirm` it as a scam, or `withdraw` a standing confirmation.
 * @example ReviewActionSchema.parse("confirm")
 */
export const ReviewActionSchema = z.enum(["confirm", "withdraw"]);
export type ReviewAction = z.infer<typeof ReviewActionSchema>;

/**
 * The standing review of an identifier, derived from its review events: `confirmed` (scam, by the centre)
 * or `none` (never confirmed, or the confirmation was withdrawn: the crowd level applies).
 * @example ReviewStatusSchema.parse("none")
 */
export const ReviewStatusSchema = z.enum(["confirmed", "none"]);
export type ReviewStatus = z.infer<typeof ReviewStatusSchema>;

/** Why: required on every review action, shown in the audit trail (never in public lookups). */
export const ReviewReasonSchema = z.string().trim().min(3, "at least 3 characters").max(2000, "at most 2000 characters");

/**
 * Body of `POST /v1/reviews` (analyst, admin).
 * @example { identifier: { kind: "bank_account", value: "6222020200112233445" }, action: "confirm",
 *   reason: "three victims, same payee, verified with the bank" }
 */
export const CreateReviewRequestSchema = z.object({
  identifier: IdentifierInputSchema,
  action: ReviewActionSchema,
  reason: ReviewReasonSchema,
});
export type CreateReviewRequest = z.infer<typeof CreateReviewRequestSchema>;

/**
 * One review event, as the audit trail shows it. `caseId` is set when the confirmation came from a case.
 * @example { seq: 12, action: "confirm", reason: "…", caseId: null, actorKeyId: "k_…", actorRole: "analyst",
 *   at: "2026-12-02T10:00:00.000Z" }
 */
export const ReviewEventSchema = z.object({
  seq: z.number().int().positive(),
  action: ReviewActionSchema,
  reason: z.string(),
  caseId: z.string().nullable(),
  actorKeyId: z.string(),
  actorRole: RoleSchema,
  at: z.string(),
});
export type ReviewEvent = z.infer<typeof ReviewEventSchema>;

/**
 * An identifier's review: standing status, its events oldest first, and the lookup answer that follows.
 * `changed` (only in the answer of `POST /v1/reviews`) is false when the action changed nothing (confirming a
 * confirmed identifier): no event is appended, the answer is the same.
 * @example { kind: "phone", normalized: "+8613800138000", status: "confirmed", confirmedAt: "…", caseId: null,
 *   events: [ … ], lookup: { verdict: "scam", … } }
 */
export const IdentifierReviewSchema = z.object({
  kind: IdentifierKindSchema,
  normalized: z.string(),
  status: ReviewStatusSchema,
  confirmedAt: z.string().nullable(),
  caseId: z.string().nullable(),
  events: z.array(ReviewEventSchema),
  lookup: LookupResultSchema,
});
export type IdentifierReview = z.infer<typeof IdentifierReviewSchema>;

/** Answer of `POST /v1/reviews`: 201 when an event was appended, 200 when nothing changed. */
export const CreateReviewResponseSchema = IdentifierReviewSchema.extend({ changed: z.boolean() });
export type CreateReviewResponse = z.infer<typeof CreateReviewResponseSchema>;

/**
 * Query of `GET /v1/reviews`: the review of one identifier.
 * @example { kind: "phone", value: "+8613800138000" }
 */
export const ReviewQuerySchema = IdentifierInputSchema;
export type ReviewQuery = z.infer<typeof ReviewQuerySchema>;
