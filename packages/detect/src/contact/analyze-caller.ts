/**
 * Who is calling, really? For the scam-in-progress guard: is the caller an official contact, which
 * institution does the display name claim, and do the two disagree.
 */
import type { CallChannel, Caller, Lang } from "@scamguard/contracts";
import { isPublicMailbox, officialContactOwner } from "../directory/lookup.js";
import { resolveClaim } from "../directory/mentions.js";
import { institutionLabel, message } from "../directory/messages.js";
import { verifyClaim } from "../directory/verify.js";

/** Input of {@link analyzeCaller}: the channel, the caller identifier, and the name the call shows. */
export interface AnalyzeCallerInput {
  channel: CallChannel;
  caller: Caller;
  displayName?: string;
  /** Language of the reasons (default en). */
  lang?: Lang;
}

/**
 * The caller analysis. `official`: the caller is an institution's official contact on a channel that
 * institution uses; `claimedInstitution`: directory id the display name claims; `mismatch`: it claims
 * one and is not its official contact. Compatible with the session guard's `CallerAnalysis`.
 */
export interface CallerVerdict {
  official: boolean;
  /** Directory id whose official contact the caller is (even when the channel makes it unofficial). */
  officialInstitution?: string;
  claimedInstitution?: string;
  mismatch: boolean;
  /** Official numbers to call back: the claimed institution's, else the owner's. */
  callBack: string[];
  reasons: string[];
}

/**
 * Analyse an incoming call or chat.
 * @example analyzeCaller({ channel: "facetime", caller: { kind: "email", value: "random@icloud.com" }, displayName: "微粒贷客服" })
 *   // { official: false, claimedInstitution: "webank", mismatch: true, callBack: ["95384"], reasons: [...] }
 * @example analyzeCaller({ channel: "phone", caller: { kind: "phone", value: "95588" } })
 *   // { official: true, officialInstitution: "icbc", mismatch: false, callBack: ["95588"], reasons: [...] }
 */
export function analyzeCaller({ channel, caller, displayName, lang = "en" }: AnalyzeCallerInput): CallerVerdict {
  const owner = caller.kind === "phone" || caller.kind === "email" ? officialContactOwner(caller.kind, caller.value) : undefined;
  // Institutions call from their numbers over the phone network; a FaceTime, VoIP or chat "call" from the
  // same digits is someone else (FaceTime never carries short service numbers; VoIP caller IDs are forged).
  const official = owner !== undefined && channel === "phone";
  const claimed = displayName ? resolveClaim(displayName) : undefined;
  const verdict: CallerVerdict = { official, mismatch: false, callBack: [], reasons: [] };
  if (owner) verdict.officialInstitution = owner.id;

  if (claimed) {
    verdict.claimedInstitution = claimed.id;
    const check = verifyClaim({ claimed: claimed.name.zh, contact: caller, channel, lang });
    verdict.mismatch = !(official && owner?.id === claimed.id);
    verdict.callBack = check.callBack;
    verdict.reasons = check.reasons;
    if (verdict.mismatch && check.result === "match") verdict.reasons.unshift(message(lang, "wrongChannel", channel, institutionLabel(claimed, lang)));
    return verdict;
  }
  verdict.callBack = owner ? [...owner.numbers] : [];
  if (owner && official) verdict.reasons.push(message(lang, "officialNumber", caller.value, institutionLabel(owner, lang)));
  else if (owner) verdict.reasons.push(message(lang, "belongsNotChannel", caller.value, institutionLabel(owner, lang), channel));
  if (channel === "facetime") {
    verdict.reasons.push(message(lang, caller.kind === "email" && isPublicMailbox(caller.value) ? "facetimeAppleId" : "facetimeStranger"));
  }
  return verdict;
}
