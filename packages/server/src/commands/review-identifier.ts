/**
 * The centre's review of an identifier (evidence levels, ARCHITECTURE.md flow 9): `confirm` makes it `scam`
 * (transfer screening may block), `withdraw` returns it to its crowd level (reports: `suspicious` at most).
 * Every action is an appended event with actor, time and reason; the standing status is its projection.
 *
 * - confirming what is confirmed changes nothing (no event, `changed: false`): retries are safe;
 * - withdrawing what is not confirmed is 409 `not_confirmed`;
 * - an official directory contact can never be confirmed as a scam: 409 `official_contact`.
 * Run `applyReview` inside `ctx.transaction`; after the commit, `reputation.applyReviews()` moves the index.
 */
import type { CreateReviewResponse, IdentifierKind, IdentifierReview, ReviewAction, ReviewEvent } from "@scamguard/contracts";
import { institutionByKey } from "@scamguard/detect";
import type { Principal } from "../auth/principal.js";
import type { AppContext } from "../context.js";
import type { IdentifierReviewEventRow } from "../db/schema/review.js";
import { conflict } from "../errors.js";
import { normalizedOrThrow } from "../services/identifier-keys.js";
import type { Services } from "../services/index.js";

export interface ReviewTarget {
  kind: IdentifierKind;
  normalized: string;
}

/** @throws AppError 409 `official_contact` when the identifier belongs to the official directory */
export function refuseOfficial(target: ReviewTarget, field: string): void {
  const owner = institutionByKey(target.kind, target.normalized);
  if (owner) {
    throw conflict(
      "official_contact",
      `${field}: ${target.kind} ${target.normalized} is an official contact of ${owner.name.zh} ${owner.name.en}; official contacts are never flagged (scammers spoof them)`,
    );
  }
}

/** Appends one review action if it changes the standing status; returns whether it did. */
export async function applyReview(
  services: Services,
  target: ReviewTarget,
  action: ReviewAction,
  reason: string,
  caseId: string | null,
  actor: Principal,
): Promise<boolean> {
  if (action === "confirm") refuseOfficial(target, "identifier");
  await services.reviews.lock(target.kind, target.normalized);
  const current = await services.reviews.current(target.kind, target.normalized);
  const confirmed = current?.status === "confirmed";
  if (action === "confirm" && confirmed) return false;
  if (action === "withdraw" && !confirmed) {
    throw conflict("not_confirmed", `identifier: ${target.kind} ${target.normalized} has no standing confirmation to withdraw`);
  }
  await services.reviews.append({
    kind: target.kind,
    normalized: target.normalized,
    action,
    status: action === "confirm" ? "confirmed" : "none",
    reason,
    caseId,
    actorKeyId: actor.keyId,
    actorRole: actor.role,
  });
  return true;
}

export const presentReviewEvent = (row: IdentifierReviewEventRow): ReviewEvent => ({
  seq: row.seq,
  action: row.action,
  reason: row.reason,
  caseId: row.caseId,
  actorKeyId: row.actorKeyId,
  actorRole: row.actorRole as ReviewEvent["actorRole"],
  at: row.createdAt.toISOString(),
});

/** The review of one identifier as it stands, with its history and the lookup answer that follows. */
export async function readReview(ctx: AppContext, services: Services, kind: IdentifierKind, value: string, normalized: string): Promise<IdentifierReview> {
  const [current, history] = await Promise.all([services.reviews.current(kind, normalized), services.reviews.history(kind, normalized)]);
  const confirmed = current?.status === "confirmed";
  return {
    kind,
    normalized,
    status: confirmed ? "confirmed" : "none",
    confirmedAt: confirmed ? (current?.confirmedAt?.toISOString() ?? null) : null,
    caseId: confirmed ? (current?.caseId ?? null) : null,
    events: history.map(presentReviewEvent),
    lookup: await ctx.services.reputation.answer(kind, value, normalized),
  };
}

/** `POST /v1/reviews`: one review action, committed, then the index moved, then the answer. */
export async function reviewIdentifier(
  ctx: AppContext,
  input: { identifier: { kind: IdentifierKind; value: string }; action: ReviewAction; reason: string },
  actor: Principal,
): Promise<CreateReviewResponse> {
  const normalized = normalizedOrThrow(input.identifier.kind, input.identifier.value, "identifier");
  const target = { kind: input.identifier.kind, normalized };
  const changed = await ctx.transaction((services) => applyReview(services, target, input.action, input.reason, null, actor));
  if (changed) await ctx.services.reputation.applyReviews();
  return { ...(await readReview(ctx, ctx.services, target.kind, input.identifier.value, normalized)), changed };
}
