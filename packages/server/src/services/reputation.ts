/**
 * The reputation model: evidence about one identifier → verdict and score. Pure; no I/O, no clock of its
 * own (`now` is passed in), so the in-memory index and the tests share one definition.
 *
 * Evidence is counted per DISTINCT reporter (one API key counts once however many reports it sends),
 * weighted by the trust of its role, and decays with a half-life from that reporter's latest report.
 * An imported public list counts as one weak reporter per source (a complaint is not a verdict).
 *
 * Evidence levels (ARCHITECTURE.md flow 9): crowd evidence — reports of any role, imports — makes an
 * identifier `suspicious` at most, however strong; only a standing confirmation by the anti-fraud centre
 * (an analyst's review, or a case naming it) makes it `scam`. Transfer screening holds `suspicious` payees
 * and blocks only `scam` ones, so no number of reporter keys can block an account on their own.
 *
 *   evidence E = Σ_reporters trust(role) · 2^(−age / HALF_LIFE)
 *   score      = 1 − exp(−E / SCORE_SCALE)
 *
 * To keep a lookup O(1) however many reporters an identifier has, an entry keeps the decayed sum
 * relative to a fixed epoch: S = Σ w · 2^((t − EPOCH) / HALF_LIFE), so E(now) = S · 2^(−(now − EPOCH) / HALF_LIFE).
 * Replacing a reporter's mark subtracts its old term and adds the new one.
 */
import type { Role } from "@scamguard/contracts";

/** Trust of one distinct reporter by role (weights the crowd score; an analyst's REPORT is still crowd evidence). */
export const ROLE_TRUST: Readonly<Record<Role, number>> = { reporter: 1, institution: 2, analyst: 4, admin: 4 };
/** Trust of an imported public list, per source (FTC complaints, community block lists). */
export const IMPORT_TRUST = 0.5;
/** Evidence halves every 90 days. */
export const HALF_LIFE_MS = 90 * 24 * 3600 * 1000;
/** E at which the score reaches 1 − 1/e ≈ 0.63. */
export const SCORE_SCALE = 3;
/** score ≥ this → `suspicious` (one reporter within ~8 months, an import within ~5 months). */
export const SUSPICIOUS_THRESHOLD = 0.05;
/** Fixed epoch of the decayed sums (2020-01-01T00:00:00Z); any fixed instant works. */
export const EVIDENCE_EPOCH_MS = Date.UTC(2020, 0, 1);

/** The decayed-sum term of one mark: w · 2^((t − EPOCH) / HALF_LIFE). */
export function evidenceTerm(weight: number, atMs: number): number {
  return weight * 2 ** ((atMs - EVIDENCE_EPOCH_MS) / HALF_LIFE_MS);
}

/** E(now) from a decayed sum S kept relative to the epoch. */
export function evidenceAt(sum: number, nowMs: number): number {
  return sum > 0 ? sum * 2 ** (-(nowMs - EVIDENCE_EPOCH_MS) / HALF_LIFE_MS) : 0;
}

/** Score in [0, 1) from evidence. @example scoreOf(3) // ≈ 0.632 */
export function scoreOf(evidence: number): number {
  return evidence > 0 ? 1 - Math.exp(-evidence / SCORE_SCALE) : 0;
}

export type ReputationVerdict = "unknown" | "suspicious" | "scam";

/**
 * Evidence level from the crowd score and the centre's standing confirmation: only a confirmation is `scam`.
 * @example verdictOf(0.99, false) // "suspicious" (any number of reporters)
 * @example verdictOf(0, true) // "scam"
 * @example verdictOf(0.01, false) // "unknown"
 */
export function verdictOf(score: number, confirmed: boolean): ReputationVerdict {
  if (confirmed) return "scam";
  if (score >= SUSPICIOUS_THRESHOLD) return "suspicious";
  return "unknown";
}

/** Trust of a role; unknown roles (should not happen) count as a plain reporter. */
export function trustOf(role: string): number {
  return ROLE_TRUST[role as Role] ?? ROLE_TRUST.reporter;
}

/** What an imported source is, in words, for reasons. */
export const SOURCE_LABELS: Readonly<Record<string, string>> = {
  "ftc-dnc": "US FTC Do-Not-Call complaints; caller IDs are often spoofed",
  durablenapkin: "community scam-site block list",
};
