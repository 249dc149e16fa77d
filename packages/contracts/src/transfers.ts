/** Transfer screening for banks and payment apps (`POST /v1/transfers/screen`). */
import { z } from "zod";
import { IdentifierKindSchema } from "./taxonomy.js";
import { CurrencySchema, IsoTimeSchema, PayeeSchema, SessionDecisionSchema, SessionIdSchema } from "./sessions.js";

/** How the payer is moving the money. */
export const TransferChannelSchema = z.enum(["mobile_app", "online_banking", "payment_app", "counter", "atm", "other"]);
export type TransferChannel = z.infer<typeof TransferChannelSchema>;

/**
 * One transfer to screen. `payer` (an opaque customer reference or account) lets the guard see several
 * transfers in minutes and the payer's loan disbursals; `sessionId` links a kill-chain session.
 * @example { payer: { kind: "bank_account", value: "6222...0001" }, payee: { kind: "bank_account", value: "6222...9999" },
 *            amount: 50000, currency: "CNY", channel: "mobile_app", sessionId: "sess-zhang-0001" }
 */
export const TransferScreenRequestSchema = z.strictObject({
  payer: z.strictObject({ kind: IdentifierKindSchema, value: z.string().min(1).max(256) }).optional(),
  payee: PayeeSchema,
  amount: z.number().positive().max(1e12),
  currency: CurrencySchema,
  channel: TransferChannelSchema,
  sessionId: SessionIdSchema.optional(),
  /** Whether the payer has paid this payee before (the bank knows); unknown when absent. */
  payeeKnown: z.boolean().optional(),
  /** When the transfer was initiated; defaults to the server's clock. */
  at: IsoTimeSchema.optional(),
});
export type TransferScreenRequest = z.infer<typeof TransferScreenRequestSchema>;

/** The screening answer: the same decision shape as a session event, plus what was consulted. */
export const TransferScreenResponseSchema = SessionDecisionSchema.extend({
  payeeReputation: z.enum(["official", "clean", "unknown", "suspicious", "scam"]),
  sessionId: z.string().nullable(),
});
export type TransferScreenResponse = z.infer<typeof TransferScreenResponseSchema>;
