/**
 * Runs of digits in free text → phone, bank account or meeting ID, decided by shape (Luhn, E.164),
 * by the words just before ("会议号", "卡号") and by the unit just after ("10000元" is money, not 中国电信).
 */
import type { IdentifierKind } from "@scamguard/contracts";
import { isCardNumber } from "./luhn.js";
import { normalizePhone } from "./phone.js";

/** A digit run classified as one identifier. */
export interface NumberMatch {
  kind: IdentifierKind;
  value: string;
  normalized: string;
  start: number;
  end: number;
}

/**
 * Digit groups with single separators between them, optionally "+"-prefixed; never part of a decimal or a path.
 * @example "拨打 138 0013 8000 或 95588".match(DIGIT_RUN) // ["138 0013 8000", "95588"]
 */
export const DIGIT_RUN = /(?<![\d.@/+\-_%¥￥$＄])[+＋]?\(?\d+\)?(?:(?:[ \-\u00a0\u3000]|(?<=\)))\(?\d+\)?)*(?![\d%％])/g;
const MEETING_CONTEXT = /(?:会议号码?|会议id|会议码|会议室号|房间号|入会|meeting\s*(?:id|number|no\.?)|zoom|腾讯会议|会议)[^\d\n]{0,6}$/i;
const ACCOUNT_CONTEXT = /(?:卡号|账号|帐号|账户|帐户|收款|转账到|转入|银行卡|account(?:\s*(?:no\.?|number))?|card\s*(?:no\.?|number)|iban)[^\d\n]{0,8}$/i;
const UNIT_AFTER = /^\s?(?:元|块|万|千|百|亿|人民币|rmb|美元|刀|次|天|个|分|秒|年|月|日|号楼|期|条|笔|人|户|倍|岁|km|kg|ml|cm|mm|usd|cny|号(?!码)|平方|平米|米|公里|克|斤|度|dollars?|yuan|minutes?|mins?|hours?|days?|weeks?|months?|years?|people|times|percent|miles?|points?)(?![a-z])/i;
/** Numbers that are labelled as something else: staff, case and order numbers, codes, US state + ZIP. */
const OTHER_LABEL = /(?:工号|编号|员工号|警号|证号|单号|订单号|案件号|案号|卡号|验证码|密码|邮编|staff\s*(?:id|no\.?|number)|badge|case\s*(?:id|no\.?|number)|order\s*(?:id|no\.?|number)|code|zip|\b[A-Z]{2},?)(?:[:：#\s]|是|为){0,3}$|[A-Za-z]$/;
const MONEY_BEFORE = /[¥￥$＄]\s?$|(?:金额|转账|汇款|充值|借款|贷款|额度|余额|amount|rmb|usd|cny)[:：\s]{0,2}$/i;
/**
 * Short numbers accepted in free text, where "12345" is more often a placeholder or staff number and
 * "95014" a ZIP code: the public hotlines by name, 5–6 digit 95/96 numbers, 400/800 and 1010xxxx.
 * (normalizeIdentifier, given an explicit phone, accepts every service shape.)
 */
const SHORT_IN_TEXT =
  /^(?:110|119|120|122|12110|12306|12309|12315|12321|12333|12345|12348|12366|12368|12377|12378|12381|12386|10086|10010|10000|9[56]\d{3,4}|[48]00\d{7}|1010\d{4})$/;
/**
 * A street address after the number ("110 N Interstate 35", "120 Main Street"): in a letter's footer a short run such
 * as 110 or 120 is a house number, not China's police or ambulance line (which would read as an official contact).
 */
const STREET_AFTER = /^\s(?:[NSEW]\.?\s|(?:North|South|East|West)\s|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Lane|Ln|Way|Pkwy|Parkway|Ct|Court|Pl|Place|Hwy|Highway)\b)/;
/**
 * How card numbers are written in groups: fours ("6222 0212 3456 7890 123"), the 6-digit bank prefix then the rest
 * ("622202 1234567890123"), or Amex's 4-6-5. Numbers written side by side ("95588 13912345678": a hotline and a
 * mobile) can pass Luhn by chance when read together; without account words before them they stay apart.
 * @example cardGrouped("6222 0212 3456 7890 123") // true
 * @example cardGrouped("95588 13912345678") // false
 */
function cardGrouped(value: string): boolean {
  const groups = value.split(/[ \-\u00a0\u3000]+/);
  if (groups.length === 1) return true;
  const lengths = groups.map((g) => g.length);
  if (lengths.slice(0, -1).every((n) => n === 4)) return true;
  return (lengths.length === 2 && lengths[0] === 6) || lengths.join("-") === "4-6-5";
}
const GROUP = /\d+/g;
const MAX_RUN = 48;
const MAX_GROUPS = 12;

/**
 * Classify one run of digits as written in `text` at [start, end); segments runs that are several numbers
 * written next to each other ("95588 13800138000").
 * @example classifyDigitRun("会议号 123 456 789", 4, 15) // [{ kind: "meeting_id", normalized: "123456789", ... }]
 */
export function classifyDigitRun(text: string, start: number, end: number): NumberMatch[] {
  // No identifier is longer than ~40 characters as written; longer runs are lists of numbers (≤ 12 parts).
  const whole = end - start <= MAX_RUN ? classify(text, start, end) : undefined;
  if (whole) return [whole];
  const groups: Array<[number, number]> = [];
  const written = text.slice(start, Math.min(end, start + 16 * MAX_GROUPS));
  GROUP.lastIndex = 0;
  for (let m = GROUP.exec(written); m && groups.length <= MAX_GROUPS; m = GROUP.exec(written)) groups.push([start + m.index, start + m.index + m[0].length]);
  if (groups.length < 2 || groups.length > MAX_GROUPS) return [];
  const out: NumberMatch[] = [];
  let i = 0;
  while (i < groups.length) {
    let found: NumberMatch | undefined;
    let j = groups.length;
    for (; j > i && !found; j--) {
      if (i === 0 && j === groups.length) continue;
      found = classify(text, i === 0 ? start : (groups[i] as [number, number])[0], (groups[j - 1] as [number, number])[1]);
    }
    if (found) {
      out.push(found);
      i = j + 1;
    } else i++;
  }
  return out;
}

function classify(text: string, start: number, end: number): NumberMatch | undefined {
  let s = start;
  let e = end;
  // A bracket that opens or closes outside the run belongs to the sentence, not the number.
  if (text[e - 1] === ")" && !text.slice(s, e - 1).includes("(")) e--;
  if (text[s] === "(" && !text.slice(s + 1, e).includes(")")) s++;
  const value = text.slice(s, e);
  const digits = value.replace(/\D/g, "");
  const plus = value.startsWith("+") || value.startsWith("＋");
  const before = text.slice(Math.max(0, s - 16), s);
  const after = text.slice(e, e + 6);

  if (!plus && digits.length >= 9 && digits.length <= 11 && MEETING_CONTEXT.test(before)) return { kind: "meeting_id", value, normalized: digits, start: s, end: e };
  if (!plus && isCardNumber(digits) && cardGrouped(value)) return { kind: "bank_account", value, normalized: digits, start: s, end: e };
  if (!plus && digits.length >= 12 && digits.length <= 25 && ACCOUNT_CONTEXT.test(before)) {
    return { kind: "bank_account", value, normalized: digits, start: s, end: e };
  }
  if (digits.length < 3 || UNIT_AFTER.test(after) || MONEY_BEFORE.test(before) || OTHER_LABEL.test(before)) return undefined;
  const phone = normalizePhone(value);
  if (!phone) return undefined;
  if (phone.class === "cn_service" && (!SHORT_IN_TEXT.test(phone.normalized) || STREET_AFTER.test(text.slice(e, e + 32)))) return undefined;
  return { kind: "phone", value, normalized: phone.normalized, start: s, end: e };
}
