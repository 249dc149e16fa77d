/**
 * "Is this really them?": a claimed institution checked against the contact that was used. The answer
 * always carries the official numbers to call back, because hanging up and calling back is the advice
 * that works whatever the result.
 */
import type { DirectoryEntry, IdentifierKind, Lang, VerifyResponse } from "@scamguard/contracts";
import { findKnownApp } from "../identifiers/apps.js";
import { foldText } from "../identifiers/fold.js";
import { normalizeIdentifier } from "../identifiers/normalize.js";
import { callingCode, type NormalizedPhone, normalizePhone } from "../identifiers/phone.js";
import { institutionByKey, isPublicMailbox } from "./lookup.js";
import { resolveClaim } from "./mentions.js";
import { institutionLabel, message } from "./messages.js";

/** How the contact reached the person; FaceTime and iMessage are identified by a phone number or an Apple ID. */
export type ContactChannel = "phone" | "sms" | "facetime" | "imessage" | "voip" | "chat" | "email" | "web";

/**
 * What `verifyClaim` checks. `channel` is optional: FaceTime/iMessage make any claim a mismatch.
 * `lang` picks the language of the reasons (default en).
 */
export interface VerifyClaimInput {
  claimed: string;
  contact: { kind: IdentifierKind; value: string };
  channel?: ContactChannel;
  lang?: Lang;
}

const APPLE_CHANNELS = new Set<ContactChannel>(["facetime", "imessage"]);

/**
 * "Hang up and call …" for an institution, in the given language.
 * @example callBackAdvice(getInstitution("jd")!, "en") // "JD.com: hang up and call 950618 yourself"
 */
export function callBackAdvice(e: DirectoryEntry, lang: Lang): string {
  const name = institutionLabel(e, lang);
  return e.numbers.length > 0 ? message(lang, "callBack", name, e.numbers.join(" / ")) : message(lang, "callBackApp", name);
}

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
  const lang = input.lang ?? "en";
  const institution = resolveClaim(input.claimed);
  if (!institution) return { result: "unknown", institution: null, callBack: [], reasons: [message(lang, "unknownClaim", input.claimed)] };
  const { result, reasons } = judge(institution, input, lang);
  if (result === "mismatch") reasons.push(callBackAdvice(institution, lang));
  return { result, institution, callBack: [...institution.numbers], reasons };
}

type Judged = { result: "match" | "mismatch"; reasons: string[] };

function judge(inst: DirectoryEntry, { contact, channel }: VerifyClaimInput, lang: Lang): Judged {
  const name = institutionLabel(inst, lang);
  const say = (id: Parameters<typeof message>[1], ...args: string[]) => message(lang, id, ...args);
  const { kind, value } = contact;
  if (channel && APPLE_CHANNELS.has(channel)) return { result: "mismatch", reasons: [say("appleChannel", name)] };
  switch (kind) {
    case "phone": {
      const phone = normalizePhone(value);
      if (!phone) return { result: "mismatch", reasons: [say("notPhone", value, name)] };
      const owner = institutionByKey("phone", phone.normalized);
      if (owner?.id === inst.id) return { result: "match", reasons: [say("officialNumber", value, name), say("callerIdFaked")] };
      if (owner) return { result: "mismatch", reasons: [say("otherOwner", value, institutionLabel(owner, lang), name)] };
      if (phone.class === "cn_mobile") return { result: "mismatch", reasons: [say("personalMobile", value, name)] };
      // "Foreign" is foreign to the institution: a +1 number claiming Amazon or the IRS is a US number that is not
      // theirs, not a call from abroad (a person in the US heard "foreign number" for a number of their own country).
      if (phone.class === "international" && !sameCountry(phone, inst)) return { result: "mismatch", reasons: [say("foreign", value, name)] };
      return { result: "mismatch", reasons: [say("notOfficialNumber", value, name)] };
    }
    case "email": {
      const key = normalizeIdentifier("email", value);
      const publicBox = key.ok && isPublicMailbox(key.normalized);
      if (key.ok && !publicBox && institutionByKey("email", key.normalized)?.id === inst.id) return { result: "match", reasons: [say("officialEmail", value, name)] };
      const first = publicBox ? say("personalMailbox", value, name) : say("notOfficialEmail", value, name);
      return { result: "mismatch", reasons: inst.policy.includes("never_facetime") ? [first, say("neverFacetime", name)] : [first] };
    }
    case "url":
    case "domain": {
      const key = normalizeIdentifier(kind, value);
      if (key.ok && institutionByKey(kind, key.normalized)?.id === inst.id) return { result: "match", reasons: [say("officialSite", value, name)] };
      return { result: "mismatch", reasons: [say("notSite", value, name, inst.domains.join(", "))] };
    }
    case "app": {
      if (inst.apps.some((a) => foldText(a) === foldText(value))) return { result: "match", reasons: [say("officialApp", value, name)] };
      const known = findKnownApp(foldText(value));
      const remote = known && (known.category === "meeting" || known.category === "remote_control");
      return { result: "mismatch", reasons: remote ? [say("notApp", value, name), say("screenShareApp", name, known.name)] : [say("notApp", value, name)] };
    }
    case "bank_account":
      return { result: "mismatch", reasons: [say("safeAccount", name)] };
    case "meeting_id":
      return { result: "mismatch", reasons: [say("meeting", name)] };
    case "display_name":
      return { result: "mismatch", reasons: [say("displayName", name)] };
  }
}

/** Whether `phone` has the calling code of one of the institution's official numbers (none listed: never). */
function sameCountry(phone: NormalizedPhone, inst: DirectoryEntry): boolean {
  const code = callingCode(phone);
  return code !== undefined && inst.numbers.some((n) => {
    const own = normalizePhone(n);
    return own !== undefined && callingCode(own) === code;
  });
}
