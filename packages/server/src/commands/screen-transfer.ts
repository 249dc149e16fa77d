/**
 * `POST /v1/transfers/screen`: the decision for one transfer. With a `sessionId` the transfer is fed to that
 * kill-chain session (stored like any session event); without, to the payer's recent history. Holds and
 * blocks raise a guardian alert for the session's subject or the payer.
 */
import { randomBytes } from "node:crypto";
import { actionRank, type SessionEventOf, type TransferScreenRequest, type TransferScreenResponse } from "@scamguard/contracts";
import type { Principal } from "../auth/principal.js";
import type { AppContext } from "../context.js";
import { AppError, notFound } from "../errors.js";

export async function screenTransfer(ctx: AppContext, input: TransferScreenRequest, principal: Principal): Promise<TransferScreenResponse> {
  // The payee is validated exactly as a lookup validates it (422 naming `payee.value`): a transfer to
  // "hello" as a phone number is a caller's mistake, not a payee without reputation.
  const verdict = (await ctx.services.reputation.lookup({ kind: input.payee.kind, value: input.payee.value }, "payee")).verdict;
  const event: SessionEventOf<"transfer.initiated"> = {
    type: "transfer.initiated",
    at: input.at ?? new Date().toISOString(),
    amount: input.amount,
    currency: input.currency,
    payee: input.payee,
    ...(input.payeeKnown !== undefined ? { payeeKnown: input.payeeKnown } : {}),
  };
  const deps = { lang: "zh" as const, payeeReputation: () => verdict };
  const payeeReputation = verdict ?? "unknown";
  const payer = input.payer ? input.payer.value.replace(/\s/g, "") : null;

  if (input.sessionId !== undefined) {
    const sessionId = input.sessionId;
    const response = await ctx.transaction(async (services) => {
      if (!(await services.sessions.stateFor(sessionId, principal)))
        throw notFound("session_not_found", `sessionId: no session ${sessionId}`);
      const r = await services.sessions.append({ sessionId, event, principal, deps });
      if (actionRank(r.decision.decision) >= actionRank("hold")) {
        await services.guardians.raiseAlert({
          subject: r.subject ?? payer,
          source: "transfer",
          sourceId: sessionId,
          ownerKeyId: r.ownerKeyId,
          decision: r.decision,
        });
      }
      return { ...r.decision, payeeReputation, sessionId };
    });
    if (actionRank(response.decision) >= actionRank("hold")) ctx.services.webhooks.kick();
    return response;
  }

  const screening = ctx.services.transfers;
  const { decision } = screening.history.apply(screening.payerKey(principal, input.payer), event, deps);
  const row = {
    actorKeyId: principal.keyId,
    sessionId: null,
    payer,
    payee: `${input.payee.kind}:${input.payee.value}`,
    amount: input.amount,
    currency: input.currency,
    decision: decision.decision,
    reasons: decision.reasons.map((r) => r.id),
  };
  if (actionRank(decision.decision) >= actionRank("hold")) {
    // A hold or block raises a guardian alert: committed before we answer, so an acknowledged hold is
    // never lost (group commit keeps that to one transaction per burst). If it cannot be written the
    // caller gets a 503 rather than a decision nobody will find again.
    const alert = {
      subject: payer,
      source: "transfer" as const,
      sourceId: `ts_${randomBytes(12).toString("base64url")}`,
      ownerKeyId: principal.keyId,
      decision,
    };
    try {
      await screening.writer.persist(row, alert);
    } catch {
      throw new AppError(503, "screening_not_recorded", "the hold could not be recorded; retry the screening");
    }
  } else {
    screening.writer.log(row);
  }
  return { ...decision, payeeReputation, sessionId: null };
}
