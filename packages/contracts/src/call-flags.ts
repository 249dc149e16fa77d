/**
 * Calling-pattern flags from call-detail records (`scamguard ingest-cdr`, `scamguard stream`) and their
 * audit trail (`GET /v1/flags/{caller}`, `POST /v1/flags/{caller}/clear`). A flag is a *signal*, never a
 * `scam` verdict on its own: lookup shows it among the reasons and caps it at `suspicious`.
 */
import { z } from "zod";

/**
 * - `scam_like`: the shape of impersonation call centres — strangers dialled in bursts, hang-ups, almost
 *   nobody calls back; also quiet numbers doing the same (low-and-slow) and blocks of numbers acting
 *   as one (SIM farms).
 * - `harassing`: high-volume cold calling with real conversations (telemarketing), unwanted but not
 *   the scam pattern.
 * @example CallFlagKindSchema.parse("scam_like")
 */
export const CallFlagKindSchema = z.enum(["scam_like", "harassing"]);
export type CallFlagKind = z.infer<typeof CallFlagKindSchema>;

/** The window a flag was computed over: a 24 h local day, ISO 8601 instants, end exclusive. */
export const CallFlagWindowSchema = z.object({
  start: z.string(),
  end: z.string(),
  length: z.literal("24h"),
});
export type CallFlagWindow = z.infer<typeof CallFlagWindowSchema>;

/**
 * What the caller did in the window. Ratios in [0, 1]: `unansweredRatio` of all calls, `shortCallRatio`
 * of answered calls under 10 s, `nightShare` of calls 22:00–07:00 local, `reciprocity` of a sample of
 * distinct callees who called back in the window, `repeatRatio` of calls to someone already called.
 * `peakHourCalls` is the busiest 1 h bucket, `burstiness` its calls over the mean of active hours.
 * `simBlock` names the block of sequential numbers when the caller is one of many acting alike.
 */
export const CallEvidenceSchema = z.object({
  calls: z.number().int().nonnegative(),
  distinctCallees: z.number().int().nonnegative(),
  unansweredRatio: z.number().min(0).max(1),
  shortCallRatio: z.number().min(0).max(1),
  nightShare: z.number().min(0).max(1),
  reciprocity: z.number().min(0).max(1),
  repeatRatio: z.number().min(0).max(1),
  meanTalkSeconds: z.number().nonnegative(),
  peakHourCalls: z.number().int().nonnegative(),
  peakHourStart: z.string(),
  activeHours: z.number().int().min(0).max(24),
  burstiness: z.number().nonnegative(),
  simBlock: z.object({ prefix: z.string(), members: z.number().int().positive() }).nullable(),
});
export type CallEvidence = z.infer<typeof CallEvidenceSchema>;

/**
 * One flagged caller, as `ingest-cdr` prints it (one JSON line each) and the store keeps it.
 * @example { caller: "+8613912345678", score: 0.93, kind: "scam_like",
 *   reasons: ["812 calls to 790 different numbers in 24 h", "64% unanswered", "71% of answered calls under 10 s",
 *   "none of 64 sampled callees called back"], window: { start: "2026-11-30T16:00:00.000Z",
 *   end: "2026-12-01T16:00:00.000Z", length: "24h" }, evidence: { calls: 812, distinctCallees: 790, ... } }
 */
export const CallFlagSchema = z.object({
  caller: z.string(),
  score: z.number().min(0).max(1),
  kind: CallFlagKindSchema,
  reasons: z.array(z.string()),
  window: CallFlagWindowSchema,
  evidence: CallEvidenceSchema,
});
export type CallFlag = z.infer<typeof CallFlagSchema>;

/**
 * One entry of a flag's audit trail: raised by a CDR run, or cleared by an analyst with a reason.
 * @example { type: "cleared", at: "2026-12-02T09:00:00.000Z", reason: "courier company, verified by phone", flag: null }
 */
export const CallFlagEventSchema = z.object({
  type: z.enum(["raised", "cleared"]),
  at: z.string(),
  flag: CallFlagSchema.nullable(),
  reason: z.string().nullable(),
});
export type CallFlagEvent = z.infer<typeof CallFlagEventSchema>;

/**
 * `GET /v1/flags/{caller}`: the latest flag, whether it still stands, and every event, newest first.
 * @example { caller: "+8613912345678", status: "active", raisedAt: "2026-12-02T01:00:00.000Z", flag: {...}, events: [...] }
 */
export const CallFlagRecordSchema = z.object({
  caller: z.string(),
  status: z.enum(["active", "cleared"]),
  raisedAt: z.string(),
  flag: CallFlagSchema,
  events: z.array(CallFlagEventSchema),
});
export type CallFlagRecord = z.infer<typeof CallFlagRecordSchema>;

/** Path of the flag routes: the caller as any phone spelling (normalised like lookups). */
export const CallFlagParamsSchema = z.object({ caller: z.string().min(1).max(64) });
export type CallFlagParams = z.infer<typeof CallFlagParamsSchema>;

/**
 * Body of `POST /v1/flags/{caller}/clear` (analysts): why the flag is wrong or no longer holds.
 * @example { reason: "courier depot, numbers verified with the operator" }
 */
export const ClearCallFlagRequestSchema = z.object({
  reason: z.string().trim().min(5, "at least 5 characters").max(500, "at most 500 characters"),
});
export type ClearCallFlagRequest = z.infer<typeof ClearCallFlagRequestSchema>;
