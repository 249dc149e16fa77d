/**
 * The `from` of a contact (what the person sees: a number, an Apple ID / e-mail, an app account) as one
 * key, so a declaration and a verification written differently ("+86 950618", "950618") still meet.
 */
import type { DirectoryEntry } from "@scamguard/contracts";
import { institutionByKey } from "../directory/lookup.js";
import { resolveClaim } from "../directory/mentions.js";
import { foldKey } from "../identifiers/fold.js";
import { normalizeIdentifier } from "../identifiers/normalize.js";
import { normalizePhone } from "../identifiers/phone.js";

/** A normalised `from`: a phone number, an e-mail address / Apple ID, or an account name in an app. */
export interface ContactFrom {
  kind: "phone" | "email" | "account";
  normalized: string;
}

/**
 * Normalise a `from`: an address with `@` is an e-mail, something a phone parser accepts is a phone
 * number (E.164 or a short service number), anything else an app account folded for width, case and spacing.
 * @example normalizeContactFrom("+86 950618") // { kind: "phone", normalized: "950618" }
 * @example normalizeContactFrom("JD-Kefu@iCloud.com") // { kind: "email", normalized: "jd-kefu@icloud.com" }
 * @example normalizeContactFrom("京东金融 官方客服") // { kind: "account", normalized: "京东金融官方客服" }
 */
export function normalizeContactFrom(from: string): ContactFrom {
  const value = from.normalize("NFKC").trim();
  if (value.includes("@")) {
    const email = normalizeIdentifier("email", value);
    if (email.ok) return { kind: "email", normalized: email.normalized };
  } else if (/\d{3}/.test(value) && !/[a-z]/i.test(value.replace(/^tel:/i, ""))) {
    const phone = normalizePhone(value.replace(/^tel:/i, ""));
    if (phone) return { kind: "phone", normalized: phone.normalized };
  }
  return { kind: "account", normalized: foldKey(value) };
}

/**
 * The key a `from` is stored and matched under: `phone:950618`, `email:…`, `account:…`.
 * @example contactFromKey("95 06 18") // "phone:950618"
 */
export function contactFromKey(from: string): string {
  const { kind, normalized } = normalizeContactFrom(from);
  return `${kind}:${normalized}`;
}

/**
 * The institution of the directory whose contact or name a `from` is: an official number, an address at
 * its own domain, an account named after it ("京东金融官方客服"). Declaring from another institution's is
 * refused, so a key can never make a call from someone else's number look verified.
 * @example contactFromOwner("950618")?.id // "jd"
 * @example contactFromOwner("工商银行客服")?.id // "icbc"
 * @example contactFromOwner("+8613800000001") // undefined
 */
export function contactFromOwner(from: string): DirectoryEntry | undefined {
  const { kind, normalized } = normalizeContactFrom(from);
  if (kind === "account") return resolveClaim(from);
  return institutionByKey(kind, normalized);
}
