/**
 * What the guard needs to know about a caller: official or not, and which institution the caller
 * presents as. The directory's `analyzeCaller` is injected by whoever composes the engine; without it a
 * small fallback (official short numbers and institution words of rules.json) keeps the guard useful.
 */
import type { CallChannel, Caller } from "@scamguard/contracts";
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

/** A readable name for whatever `claimedInstitution` the directory returned. */
export function institutionName(claimed: unknown, lang: "zh" | "en"): string | null {
  if (claimed === undefined || claimed === null) return null;
  if (typeof claimed === "string") return claimed;
  if (typeof claimed === "object") {
    const o = claimed as { name?: unknown; id?: unknown };
    if (o.name && typeof o.name === "object") {
      const n = o.name as Record<string, unknown>;
      if (typeof n[lang] === "string") return n[lang] as string;
    }
    if (typeof o.name === "string") return o.name;
    if (typeof o.id === "string") return o.id;
  }
  return null;
}
