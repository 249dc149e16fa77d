/**
 * "Is this really them?": a claimed institution checked against the contact that was used. The answer
 * always carries the official numbers to call back, because hanging up and calling back is the advice
 * that works whatever the result.
 */
import type { DirectoryEntry, IdentifierKind, VerifyResponse } from "@scamguard/contracts";
import { findKnownApp } from "../identifiers/apps.js";
import { foldText } from "../identifiers/fold.js";
import { normalizeIdentifier } from "../identifiers/normalize.js";
import { normalizePhone } from "../identifiers/phone.js";
import { institutionByKey, isPublicMailbox } from "./lookup.js";
import { resolveClaim } from "./mentions.js";

/** How the contact reached the person; FaceTime and iMessage are identified by a phone number or an Apple ID. */
export type ContactChannel = "phone" | "sms" | "facetime" | "imessage" | "voip" | "chat" | "email" | "web";

/** What `verifyClaim` checks. `channel` is optional: FaceTime/iMessage make any claim a mismatch. */
export interface VerifyClaimInput {
  claimed: string;
  contact: { kind: IdentifierKind; value: string };
  channel?: ContactChannel;
}

const APPLE_CHANNELS = new Set<ContactChannel>(["facetime", "imessage"]);

const label = (e: DirectoryEntry) => (e.name.zh === e.name.en ? e.name.en : `${e.name.zh} (${e.name.en})`);
const callBackText = (e: DirectoryEntry) =>
  e.numbers.length > 0 ? `hang up and call ${e.numbers.join(" / ")} yourself` : "hang up and contact them through their official app or website";

/**
 * Check a claimed identity against the contact used:
 * `match` when the contact is one of the institution's official ones, `mismatch` when it is not (always for
 * FaceTime/iMessage, Apple IDs and public mailboxes, personal mobiles, "safe" accounts, meeting IDs),
 * a display name alone is never proof;
 * `unknown` when the claim names no institution of the directory.
 * @example verifyClaim({ claimed: "京东客服", contact: { kind: "email", value: "random@icloud.com" }, channel: "facetime" })
 *   // { result: "mismatch", institution: { id: "jd", ... }, callBack: ["950618"], reasons: [...] }
 * @example verifyClaim({ claimed: "工商银行", contact: { kind: "phone", value: "95588" } }).result // "match"
 */
export function verifyClaim(input: VerifyClaimInput): VerifyResponse {
  const institution = resolveClaim(input.claimed);
  if (!institution) {
    return { result: "unknown", institution: null, callBack: [], reasons: [`"${input.claimed}" names no institution in the official directory`] };
  }
  const { result, reasons } = judge(institution, input);
  if (result === "mismatch") reasons.push(`${label(institution)}: ${callBackText(institution)}`);
  return { result, institution, callBack: [...institution.numbers], reasons };
}

function judge(inst: DirectoryEntry, { contact, channel }: VerifyClaimInput): { result: "match" | "mismatch" | "unknown"; reasons: string[] } {
  const name = label(inst);
  const { kind, value } = contact;
  if (channel && APPLE_CHANNELS.has(channel)) {
    return { result: "mismatch", reasons: [`${name} never contacts people through FaceTime or iMessage; anyone can set that display name`] };
  }
  switch (kind) {
    case "phone": {
      const phone = normalizePhone(value);
      if (!phone) return { result: "mismatch", reasons: [`${value} is not a phone number ${name} uses`] };
      const owner = institutionByKey("phone", phone.normalized);
      if (owner?.id === inst.id) {
        return { result: "match", reasons: [`${value} is an official number of ${name}`, "caller ID can be faked: for anything about money, call back the official number yourself"] };
      }
      if (owner) return { result: "mismatch", reasons: [`${value} is the official number of ${label(owner)}, not of ${name}`] };
      if (phone.class === "cn_mobile") return { result: "mismatch", reasons: [`${value} is a personal mobile number; ${name}'s customer service does not call from one`] };
      if (phone.class === "international") return { result: "mismatch", reasons: [`${value} is a foreign number; calls from abroad claiming ${name} are a common scam`] };
      return { result: "mismatch", reasons: [`${value} is not an official number of ${name}`] };
    }
    case "email": {
      const key = normalizeIdentifier("email", value);
      if (key.ok && !isPublicMailbox(key.normalized) && institutionByKey("email", key.normalized)?.id === inst.id) {
        return { result: "match", reasons: [`${value} is at an official domain of ${name}; they still never ask for codes or transfers`] };
      }
      return {
        result: "mismatch",
        reasons: [
          key.ok && isPublicMailbox(key.normalized)
            ? `${value} is a personal mailbox (anyone can open one, and use it as an Apple ID for FaceTime); ${name} never contacts you from one`
            : `${value} is not an official address of ${name}`,
          ...(inst.policy.includes("never_facetime") ? [`${name} never calls through FaceTime`] : []),
        ],
      };
    }
    case "url":
    case "domain": {
      const key = normalizeIdentifier(kind, value);
      const owner = key.ok ? institutionByKey(kind, key.normalized) : undefined;
      if (owner?.id === inst.id) return { result: "match", reasons: [`${value} is on an official domain of ${name}`] };
      const official = inst.domains.length > 0 ? ` (official: ${inst.domains.join(", ")})` : "";
      return { result: "mismatch", reasons: [`${value} is not a website of ${name}${official}`] };
    }
    case "app": {
      if (inst.apps.some((a) => foldText(a) === foldText(value))) return { result: "match", reasons: [`${value} is ${name}'s official app; install it only from the app store`] };
      const known = findKnownApp(foldText(value));
      const why = known && (known.category === "meeting" || known.category === "remote_control") ? `; ${name} never asks you to share your screen or install ${known.name}` : "";
      return { result: "mismatch", reasons: [`${value} is not an app of ${name}${why}`] };
    }
    case "bank_account":
      return { result: "mismatch", reasons: [`${name} never asks you to move money to a "safe", "designated" or "certified" account`] };
    case "meeting_id":
      return { result: "mismatch", reasons: [`${name} never asks you to join a meeting or share your screen`] };
    case "display_name":
      return { result: "mismatch", reasons: [`a display name is not a contact of ${name}: anyone can set it to any name`] };
  }
}
