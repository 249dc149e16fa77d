/**
 * Dataset-artefact stripping: remove or neutralise what tells a model WHICH SOURCE a text came from
 * instead of whether it is a scam. Twitter: @handles, agent sign-off initials (`*SR`, `^JS`), HTML
 * entities and the support-article links every conversation ends with (scam sets have almost no
 * links, so a link would become a "legitimate" shortcut). JDDC: `[订单x]`-style anonymisation
 * placeholders are replaced by realistic surface values (order numbers, amounts, dates, names) drawn
 * deterministically from the text itself, so a real chat keeps its numbers but no placeholder token
 * survives; `#E-s[数字x]` emoji codes are dropped. The real SMS/e-mail sets: FBS `<NUM>/<PHONE>/<URL>/…`
 * anonymisation tokens and SpamHunter/80W `X`/`x` digit masks become plain surface values the same way
 * (a masked "XXXXXXXXXX" is a phone number to the engine, not a source fingerprint). Links of every
 * source become one neutral token, `<url>` ({@link URL_TOKEN}): deleting them removed the ask from SMS and
 * e-mail ("click <url> to verify" is the tactic), while keeping the address would let a model learn which
 * source a domain comes from (every Twitter reply ends with a support-article link).
 */
import { fnv1a } from "@scamguard/detect/model/hash";
import { seededRandom } from "@scamguard/detect/model/rng";

const digits = (r: () => number, n: number): string => {
  let s = "";
  for (let i = 0; i < n; i++) s += String(Math.floor(r() * 10));
  return s;
};
const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
const pad2 = (n: number): string => String(n).padStart(2, "0");

const NAMES = ["张先生", "李女士", "王先生", "刘女士", "陈先生", "杨女士", "赵先生", "黄女士"];
const SITES = ["北京朝阳站", "上海浦东站", "广州天河站", "成都武侯站", "武汉洪山站", "杭州西湖站"];
const ADDRESSES = ["北京市朝阳区建国路88号", "上海市浦东新区世纪大道100号", "广州市天河区体育西路12号", "成都市武侯区人民南路4段"];
const ORGS = ["京东物流", "顺丰速运", "德邦物流", "售后服务中心"];

type Filler = (r: () => number) => string;

/**
 * What a link becomes in cleaned text: the lexicons read it as a link ("点击<url>", "verify at <url>"), the
 * link detector sees no address in it (no look-alike or official facts from a source's own links).
 */
export const URL_TOKEN = "<url>";
const FILLERS: Record<string, Filler> = {
  数字: (r) => String(1 + Math.floor(r() * 30)),
  订单: (r) => `8${digits(r, 10)}`,
  订单编号: (r) => `8${digits(r, 10)}`,
  金额: (r) => `${10 + Math.floor(r() * 990)}.${digits(r, 2)}`,
  姓名: (r) => pick(r, NAMES),
  日期: (r) => `2018-${pad2(1 + Math.floor(r() * 12))}-${pad2(1 + Math.floor(r() * 28))}`,
  时间: (r) => `${pad2(8 + Math.floor(r() * 14))}:${pad2(Math.floor(r() * 60))}:${pad2(Math.floor(r() * 60))}`,
  站点: (r) => pick(r, SITES),
  地址: (r) => pick(r, ADDRESSES),
  电话: (r) => `1${pick(r, ["38", "39", "58", "86", "37"])}${digits(r, 8)}`,
  组织机构: (r) => pick(r, ORGS),
  身份证号: (r) => `${pick(r, ["110105", "310115", "440106"])}19${digits(r, 2)}${pad2(1 + Math.floor(r() * 12))}${pad2(1 + Math.floor(r() * 28))}${digits(r, 4)}`,
  链接: () => URL_TOKEN,
  邮箱: () => "",
};

/**
 * Replace JDDC anonymisation placeholders with realistic values; the same text always gets the
 * same values.
 * @example replacePlaceholders("订单号:[订单x] 金额:[金额x]") // "订单号:8xxxxxxxxxx 金额:123.45" (digits vary by text)
 */
export function replacePlaceholders(text: string): string {
  const r = seededRandom(fnv1a(text, 0, text.length));
  return text
    .replace(/#E-s\[数字x\]/g, "")
    .replace(/\[USERID_\[数字x\]\]?/g, "")
    .replace(/\[订单编号:\[(订单|数字)x\]\]?/g, (_m, kind: string) => `订单编号:${(FILLERS[kind] as Filler)(r)}`)
    .replace(/\[([\u4e00-\u9fff]{2,4})x\]/g, (_m, kind: string) => (FILLERS[kind] ? (FILLERS[kind] as Filler)(r) : ""))
    .replace(/\[Q\[数字x\]\]?/g, "");
}

/** Surface value of each anonymisation token of the real SMS/e-mail sets ("" = drop it). */
const TOKENS: Record<string, Filler> = {
  NUM: (r) => String(1 + Math.floor(r() * 99)),
  PHONE: (r) => `1${pick(r, ["38", "39", "58", "86", "37"])}${digits(r, 8)}`,
  BANKACCT: (r) => `62${digits(r, 14)}`,
  WECHAT: (r) => `wx${digits(r, 6)}`,
  URL: () => URL_TOKEN,
  EMAIL: () => "",
  NAME: () => "",
  PLACE: () => "",
};

/**
 * Replace `<NUM>`-style tokens (FBS, phishing e-mail) and runs of `X`/`x` standing for masked digits
 * (SpamHunter, 80W SMS) with deterministic surface values.
 * @example replaceMasks("call XXXXXXXXXX or <URL>") // "call 4821730956 or " (digits vary by text)
 */
export function replaceMasks(text: string): string {
  if (!text.includes("<") && !/[Xx]{2}/.test(text)) return text;
  const r = seededRandom(fnv1a(text, 0, text.length) ^ 0x5bd1e995);
  return text
    .replace(/<(NUM|PHONE|BANKACCT|WECHAT|URL|EMAIL|NAME|PLACE)>/g, (_m, kind: string) => (TOKENS[kind] as Filler)(r))
    .replace(/(?<![A-Za-z])(?:X{2,}|x{3,})(?![A-Za-z])/g, (m) => digits(r, m.length));
}

/**
 * Twitter source artefacts out: handles, trailing agent initials, HTML entities.
 * @example stripTwitter("A: @AppleSupport help &amp; thanks\nB: @jo Sure, DM us. *SR") // "A: help & thanks\nB: Sure, DM us."
 */
export function stripTwitter(text: string): string {
  return text
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/(^|[^\w@])@\w{1,15}\b:?/gm, "$1")
    .replace(/[ \t]+[*^~\-–][ \t]?[A-Z]{1,3}[a-z]?[ \t]*$/gm, "")
    .replace(/^([AB]:)[ \t]+/gm, "$1 ");
}

/**
 * Links of every kind (web.archive.org copies, SpamHunter's broken "http //host") as {@link URL_TOKEN}.
 * @example neutraliseUrls("verify at http //bit.ly/x now") // "verify at <url> now"
 */
export function neutraliseUrls(text: string): string {
  return text.replace(/\bhttps?[ \t]?:?[ \t]?\/\/\S*|\bwww\.\S+/gi, URL_TOKEN).replace(/[ \t]{2,}/g, " ");
}

/**
 * All artefact stripping, applied identically to training and evaluation text of every source.
 * @example stripArtefacts("A: @Google reset link https://web.archive.org/web/2020/https://support.google.com ^JS") // "A: reset link <url>"
 */
export function stripArtefacts(text: string): string {
  return neutraliseUrls(stripTwitter(replaceMasks(replacePlaceholders(text))))
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/, ""))
    .join("\n")
    .trim();
}
