/**
 * Phone numbers → one key per number: E.164 for dialable numbers (libphonenumber-js/max), digits as
 * written for Chinese short service numbers (95588, 110, 96110, 400-810-8866) that libphonenumber rejects.
 */
import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/** Separators people put inside numbers, incl. full-width and dots. */
const SEPARATORS = /[\s\u3000\-‐‑–—().·•/]/g;
const CN_MOBILE = /^1[3-9]\d{9}$/;
/** Trunk-prefixed Chinese fixed line: 010 / 02x + 8 digits, 0xxx + 7–8 digits (E.164 drops the 0). */
const CN_FIXED = /^0(?:10|2\d)\d{8}$|^0[3-9]\d{2}\d{7,8}$/;
const CN_MOBILE_WITH_CC = /^(?:\+?86|0086)(1[3-9]\d{9})$/;
/**
 * Chinese service numbers: 1xx emergency/public (110, 120), 1xxxx public and carrier numbers (12378, 10086,
 * 10010, 12309), 101xxxxx platform numbers (10107888), 95xxx/96xxx nationwide short numbers (4–8 digits
 * after the prefix), and 400/800 corporate numbers (10 digits).
 */
const CN_SERVICE = /^(?:1\d{2}|1[0-2]\d{3}|10[1-9]\d{5}|9[56]\d{3,6}|[48]00\d{7})$/;
/** +1 NANP and +86 fixed lines are common enough in text to skip libphonenumber's ~12 µs parse. */
const NANP_E164 = /^\+1[2-9]\d{2}[2-9]\d{6}$/;
const CN_FIXED_E164 = /^\+86(?:10|2\d)\d{8}$|^\+86[3-9]\d{2}\d{7,8}$/;
/** "1-800-829-1040", "1 (800) 829 1040": a NANP number written with its country prefix but no "+". */
const NANP_WRITTEN = /^1[\s.-]\(?[2-9]\d{2}\)?[\s.-]?\d{3}[\s.-]?\d{4}$/;
/**
 * "(202) 555-0148", "202-555-0148", "202.555.0148": how Americans write a number without its +1. A bracketed
 * area code or 3-3-4 groups joined by the same dash or dot is no Chinese shape (fixed lines start with 0,
 * mobiles have 11 digits, 400/800 numbers are read as Chinese service numbers before this); bare ten digits
 * and space-separated groups stay ambiguous (a meeting ID is written "123 456 7890").
 */
const NANP_LOCAL = /^(?:\([2-9]\d{2}\)[\s.-]?[2-9]\d{2}[\s.-]\d{4}|[2-9]\d{2}([.-])[2-9]\d{2}\1\d{4})$/;

/** What kind of number a normalised phone key is. */
export type PhoneClass = "cn_mobile" | "cn_service" | "cn_fixed" | "international";

/** A normalised phone number. */
export interface NormalizedPhone {
  /** `+8613800138000`, or the digits of a short service number (`95588`, `4008108866`). */
  normalized: string;
  class: PhoneClass;
}

/**
 * Normalise a phone number as a person writes it, or `undefined` when it is not one.
 * Bare 11-digit numbers 1[3-9]… are Chinese mobiles; numbers without a country code default to CN;
 * a US number needs its `+1`, a written `1-` prefix or the US shape `(202) 555-0148` / `202-555-0148`.
 * @example normalizePhone("+86 138 0013 8000") // { normalized: "+8613800138000", class: "cn_mobile" }
 * @example normalizePhone("400-810-8866") // { normalized: "4008108866", class: "cn_service" }
 * @example normalizePhone("(202) 555-0148") // { normalized: "+12025550148", class: "international" }
 */
export function normalizePhone(value: string): NormalizedPhone | undefined {
  const written = value.normalize("NFKC").trim();
  if (written.length === 0 || written.length > 40) return undefined;
  if (NANP_WRITTEN.test(written)) return parseE164(`+${written.replace(SEPARATORS, "")}`);
  let compact = written.replace(SEPARATORS, "");
  if (compact.startsWith("00")) compact = `+${compact.slice(2)}`;
  const plus = compact.startsWith("+");
  const digits = plus ? compact.slice(1) : compact;
  if (!/^\d+$/.test(digits)) return undefined;
  if (!plus && CN_MOBILE.test(digits)) return { normalized: `+86${digits}`, class: "cn_mobile" };
  const withCc = CN_MOBILE_WITH_CC.exec(compact);
  if (withCc) return { normalized: `+86${withCc[1]}`, class: "cn_mobile" };
  if (!plus && CN_SERVICE.test(digits)) return { normalized: digits, class: "cn_service" };
  if (plus && digits.startsWith("86") && CN_SERVICE.test(digits.slice(2))) return { normalized: digits.slice(2), class: "cn_service" };
  if (plus) return parseE164(compact);
  if (NANP_LOCAL.test(written)) return parseE164(`+1${digits}`);
  if (!plus && CN_FIXED.test(digits)) return { normalized: `+86${digits.slice(1)}`, class: "cn_fixed" };
  // Without "+", only a trunk-prefixed Chinese fixed line (010-…, 0571-…): bare 10 digits are ambiguous.
  return digits.startsWith("0") && digits.length >= 10 && digits.length <= 12 ? parseE164(digits, true) : undefined;
}

/** Ten digits of NANP shape (area code and exchange 2-9), written with no country code and no US grouping. */
const NANP_BARE = /^[2-9]\d{2}[2-9]\d{6}$/;

/**
 * Why a value that looks like a US number without its +1 was not read as a phone, for the error a person
 * sees (lookup, report): bare ten digits or space-separated groups are ambiguous here (a meeting ID, a
 * Chinese number), so say how to write it. `undefined` for anything else.
 * @example phoneHint("2025550148") // 'ten digits without a country code: write a US or Canadian number as +1 2025550148 or (202) 555-0148'
 */
export function phoneHint(value: string): string | undefined {
  const written = value.normalize("NFKC").trim();
  if (written.startsWith("+") || written.startsWith("00")) return undefined;
  const digits = written.replace(SEPARATORS, "");
  if (!NANP_BARE.test(digits) || /^[48]00/.test(digits)) return undefined;
  return `ten digits without a country code: write a US or Canadian number as +1 ${digits} or (${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
}

function parseE164(text: string, defaultCn = false): NormalizedPhone | undefined {
  if (NANP_E164.test(text)) return { normalized: text, class: "international" };
  if (CN_FIXED_E164.test(text)) return { normalized: text, class: "cn_fixed" };
  const parsed = defaultCn ? parsePhoneNumberFromString(text, "CN") : parsePhoneNumberFromString(text);
  // With an explicit "+", a number of possible length is kept even if unassigned: spoofed caller IDs
  // (+1 201 162 7732, exchange starting with 1) are exactly what gets reported.
  if (!parsed || !(parsed.isValid() || (!defaultCn && parsed.isPossible()))) return undefined;
  const normalized = parsed.number;
  if (parsed.countryCallingCode !== "86") return { normalized, class: "international" };
  return { normalized, class: CN_MOBILE.test(parsed.nationalNumber) ? "cn_mobile" : "cn_fixed" };
}

/**
 * The country calling code of a normalised phone key: "86" for every Chinese class (short service numbers
 * included), else the code of the E.164 number; undefined when it cannot be read.
 * @example callingCode({ normalized: "+12025550134", class: "international" }) // "1"
 * @example callingCode({ normalized: "95588", class: "cn_service" }) // "86"
 */
export function callingCode(phone: NormalizedPhone): string | undefined {
  if (phone.class !== "international") return "86";
  if (phone.normalized.startsWith("+1")) return "1";
  return parsePhoneNumberFromString(phone.normalized)?.countryCallingCode;
}
