/**
 * Emergency freeze / stop-payment requests (`/v1/freeze-requests`): from a case, the anti-fraud centre asks a
 * bank to freeze a payee account for an amount within a deadline in minutes; the bank answers.
 *
 * States only move forward: `sent` → `acknowledged` (optional) → one final answer: `frozen` (amount),
 * `partially_frozen` (amount), `rejected` (reason) or `not_our_account`. Answering is idempotent: the same
 * answer again returns the same request (200, nothing appended); a different answer after a final one is
 * 409 `freeze_already_answered`. `overdue` is derived when read: not answered and past `deadlineAt`.
 * The bank is addressed by its official-directory id (`institution`: `icbc`, `ccb`, `webank`, …); every
 * institution key BOUND to that id (`scamguard keys create --role institution --institution icbc`) sees and
 * answers the requests addressed to it; other keys get 404, as for a request that does not exist.
 */
import { z } from "zod";
import { IdentifierInputSchema, NormalizedIdentifierSchema } from "./identifiers.js";
import { LossSchema } from "./reports.js";
import { PageQuerySchema, pageSchema } from "./pagination.js";

/** Longest deadline a freeze request may carry, in minutes (7 days). */
export const MAX_FREEZE_DEADLINE_MINUTES = 10_080;

/**
 * Every state of a freeze request, in order; the last four are final.
 * @example FreezeStateSchema.parse("sent")
 */
export const FREEZE_STATES = ["sent", "acknowledged", "frozen", "partially_frozen", "rejected", "not_our_account"] as const;
export const FreezeStateSchema = z.enum(FREEZE_STATES);
export type FreezeState = z.infer<typeof FreezeStateSchema>;

/** The bank's final answers. @example FreezeOutcomeSchema.parse("frozen") */
export const FreezeOutcomeSchema = z.enum(["frozen", "partially_frozen", "rejected", "not_our_account"]);
export type FreezeOutcome = z.infer<typeof FreezeOutcomeSchema>;

/** Whether a state is a final answer (nothing may follow it). @example isFinalFreezeState("rejected") // true */
export const isFinalFreezeState = (state: FreezeState): state is FreezeOutcome => FreezeOutcomeSchema.safeParse(state).success;

/**
 * Body of `POST /v1/freeze-requests` (analyst, admin).
 * @example { caseId: "case_…", institution: "icbc", payee: { kind: "bank_account", value: "6222020200112233445" },
 *   amount: { amount: 50000, currency: "CNY" }, deadlineMinutes: 30, note: "victim transferred 09:41" }
 */
export const CreateFreezeRequestSchema = z.object({
  caseId: z.string().min(1).max(64),
  /** The bank's official-directory id (`GET /v1/directory?q=` lists them); 422 `unknown_institution` otherwise. */
  institution: z.string().min(1).max(64),
  payee: IdentifierInputSchema,
  amount: LossSchema.refine((loss) => loss.amount > 0, { message: "must be more than 0", path: ["amount"] }),
  deadlineMinutes: z.number().int().min(1).max(MAX_FREEZE_DEADLINE_MINUTES),
  note: z.string().trim().max(2000).optional(),
});
export type CreateFreezeRequest = z.infer<typeof CreateFreezeRequestSchema>;

/**
 * Body of `POST /v1/freeze-requests/:id/answer` (a key bound to the addressed institution).
 * @example { outcome: "partially_frozen", amount: 12000 }
 * @example { outcome: "rejected", reason: "account already closed by court order" }
 */
export const FreezeAnswerRequestSchema = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.literal("frozen"), amount: z.number().positive().max(1e12) }),
  z.object({ outcome: z.literal("partially_frozen"), amount: z.number().positive().max(1e12) }),
  z.object({ outcome: z.literal("rejected"), reason: z.string().trim().min(3).max(2000) }),
  z.object({ outcome: z.literal("not_our_account"), reason: z.string().trim().max(2000).optional() }),
]);
export type FreezeAnswerRequest = z.infer<typeof FreezeAnswerRequestSchema>;

/**
 * The bank's answer as stored: `amount` for frozen / partially_frozen, `reason` when given;
 * `minutesToAnswer` from the request to the answer, `late` when after the deadline.
 */
export const FreezeAnswerSchema = z.object({
  outcome: FreezeOutcomeSchema,
  amount: z.number().nullable(),
  reason: z.string().nullable(),
  answeredAt: z.string(),
  minutesToAnswer: z.number().nonnegative(),
  late: z.boolean(),
});
export type FreezeAnswer = z.infer<typeof FreezeAnswerSchema>;

/**
 * A freeze request as the centre and the addressed bank read it.
 * @example { id: "frz_…", caseId: "case_…", institution: "icbc", payee: { kind: "bank_account", … },
 *   amount: { amount: 50000, currency: "CNY" }, deadlineMinutes: 30, deadlineAt: "…", state: "sent",
 *   overdue: false, acknowledgedAt: null, answer: null, note: null, requestedBy: "k_…", createdAt: "…" }
 */
export const FreezeRequestSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  institution: z.string(),
  payee: NormalizedIdentifierSchema,
  amount: LossSchema,
  deadlineMinutes: z.number().int().positive(),
  deadlineAt: z.string(),
  state: FreezeStateSchema,
  overdue: z.boolean(),
  acknowledgedAt: z.string().nullable(),
  answer: FreezeAnswerSchema.nullable(),
  note: z.string().nullable(),
  requestedBy: z.string(),
  createdAt: z.string(),
});
export type FreezeRequest = z.infer<typeof FreezeRequestSchema>;

/** Path parameters of `/v1/freeze-requests/:id…`. */
export const FreezeRequestParamsSchema = z.object({ id: z.string().min(1).max(64) });

/**
 * Query of `GET /v1/freeze-requests`: newest first, keyset pages; staff see all, a bank its own.
 * `overdue=true` keeps only unanswered requests past their deadline.
 * @example { state: "sent", overdue: "true", limit: 50 }
 */
export const FreezeRequestListQuerySchema = PageQuerySchema.extend({
  caseId: z.string().min(1).max(64).optional(),
  state: FreezeStateSchema.optional(),
  overdue: z.enum(["true", "false"]).optional(),
});
export type FreezeRequestListQuery = z.infer<typeof FreezeRequestListQuerySchema>;

/** @example { items: [ … ], nextCursor: null } */
export const FreezeRequestListResponseSchema = pageSchema(FreezeRequestSchema);
export type FreezeRequestListResponse = z.infer<typeof FreezeRequestListResponseSchema>;
