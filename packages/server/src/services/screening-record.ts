/** The stored JSON shape of one transfer screening, written by the screening log and by the alert batch alike. */
import type { transferScreenings } from "../db/schema/index.js";

export type ScreeningRow = typeof transferScreenings.$inferInsert;

/** Column names as the `json_populate_recordset` insert statements expect them. */
export function screeningRecord(r: ScreeningRow) {
  return {
    actor_key_id: r.actorKeyId,
    session_id: r.sessionId ?? null,
    payer: r.payer ?? null,
    payee: r.payee,
    amount: r.amount,
    currency: r.currency,
    decision: r.decision,
    reasons: r.reasons,
  };
}
