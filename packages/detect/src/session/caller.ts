/**
 * What the guard needs to know about a caller: official or not, and which institution the caller
 * presents as. The directory's `analyzeCaller` is injected by whoever composes the engine; without it a
 * small fallback (official short numbers and institution words of rules.json) keeps the guard useful.
 */
import type { CallChannel, Caller } from "@scamguard/contracts";
import { officialContactOwner } from "../directory/lookup.js";
import { resolveClaim } from "../directory/mentions.js";
import { SETTINGS } from "./rules.js";

/** The part of the directory's caller analysis the guard reads. */
export interface CallerAnalysis {
  official: boolean;
  /** Institution the caller claims to be (directory id, name, or entry); absent when none. */
  claimedInstitution?: unknown;
  /** The caller claims an institution but is not one of its official contacts. */
  mismatch: boolean;
}

export type AnalyzeCaller = (input: { channel: CallChannel; caller: Caller; displayName?: string }) => CallerAnalysis;

const digitsOf = (value: string): string => value.replace(/\D/g, "").replace(/^(0086|86)(?=\d{3,})/, "");

/**
 * Fallback caller analysis from rules.json settings.
 * @example fallbackAnalyzeCaller({ channel: "facetime", caller: { kind: "email", value: "a@icloud.com" }, displayName: "微粒贷客服" })
 *   // { official: false, claimedInstitution: "微粒贷客服", mismatch: true }
 */
export const fallbackAnalyzeCaller: AnalyzeCaller = ({ caller, displayName }) => {
  const official = caller.kind === "phone" && SETTINGS.fallbackOfficialNumbers.includes(digitsOf(caller.value));
  const name = (displayName ?? "").toLowerCase();
  const claims = name !== "" && SETTINGS.fallbackInstitutionNames.some((word) => name.includes(word.toLowerCase()));
  return { official, claimedInstitution: claims ? displayName : undefined, mismatch: claims && !official };
};

/** A readable name, in both languages, for whatever `claimedInstitution` the directory returned. */
export function institutionName(claimed: unknown): { zh: string; en: string } | null {
  if (claimed === undefined || claimed === null) return null;
  if (typeof claimed === "string") return { zh: claimed, en: claimed };
  if (typeof claimed === "object") {
    const o = claimed as { name?: unknown; id?: unknown };
    if (o.name && typeof o.name === "object") {
      const n = o.name as Record<string, unknown>;
      if (typeof n.zh === "string" && typeof n.en === "string") return { zh: n.zh, en: n.en };
    }
    if (typeof o.name === "string") return { zh: o.name, en: o.name };
    if (typeof o.id === "string") return { zh: o.id, en: o.id };
  }
  return null;
}

/**
 * The default caller analysis: the official directory decides whether the contact is official and which
 * institution a display name claims; the fallback's generic words ("客服", "police") catch claims the
 * directory cannot name. A caller is official only when its contact belongs to the institution it claims.
 * @example directoryAnalyzeCaller({ channel: "phone", caller: { kind: "phone", value: "95588" }, displayName: "工商银行" }).official // true
 * @example directoryAnalyzeCaller({ channel: "facetime", caller: { kind: "email", value: "x@icloud.com" }, displayName: "京东客服" }).mismatch // true
 */
export const directoryAnalyzeCaller: AnalyzeCaller = (input) => {
  const fallback = fallbackAnalyzeCaller(input);
  let owner: ReturnType<typeof officialContactOwner>;
  let claimed: ReturnType<typeof resolveClaim>;
  try {
    owner = officialContactOwner(input.caller.kind, input.caller.value);
    claimed = input.displayName ? resolveClaim(input.displayName) : undefined;
  } catch {
    return fallback; // one failing helper never stops the guard
  }
  const official = (owner !== undefined || fallback.official) && (claimed === undefined || owner === undefined || claimed.id === owner.id);
  const claimedInstitution = claimed ?? fallback.claimedInstitution;
  return { official, claimedInstitution, mismatch: claimedInstitution !== undefined && !official };
};
