/**
 * One session event: reputation looked up, the guard applied in one transaction with the event, its
 * decision and (when the decision rises to hold or block) a guardian alert with its queued deliveries;
 * the delivery worker is woken after the commit.
 */
import { actionRank, type SessionEvent, type SessionEventQuery, type SessionEventResponse } from "@scamguard/contracts";
import type { Principal } from "../auth/principal.js";
import type { AppContext } from "../context.js";
import { guardDeps } from "../services/guard-deps.js";

export async function appendSessionEvent(
  ctx: AppContext,
  input: { sessionId: string; event: SessionEvent; query: SessionEventQuery },
  principal: Principal,
): Promise<SessionEventResponse> {
  const deps = await guardDeps(ctx.services.reputation, input.event, input.query.lang, ctx.services.contacts);
  const { response, alerted } = await ctx.transaction(async (services) => {
    const r = await services.sessions.append({ sessionId: input.sessionId, event: input.event, principal, subject: input.query.subject, deps });
    const rank = actionRank(r.decision.decision);
    const escalated = rank >= actionRank("hold") && rank > actionRank(r.previous);
    if (escalated) {
      await services.guardians.raiseAlert({ subject: r.subject, source: "session", sourceId: input.sessionId, ownerKeyId: r.ownerKeyId, decision: r.decision });
    }
    return { response: { sessionId: input.sessionId, seq: r.seq, decision: r.decision }, alerted: escalated };
  });
  if (alerted) ctx.services.webhooks.kick();
  return response;
}
