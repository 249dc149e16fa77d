/**
 * Does a domain imitate an official one? Three tests on the registrable label: edit distance to an
 * official label, equal "skeletons" after folding homoglyphs (Cyrillic а → a, 0 → o, rn → m), and a brand
 * token carried inside an unrelated name.
 */
import { officialDomains } from "../directory/lookup.js";
import { BRANDS, SCAM_WORDS } from "./brands.js";

/** Why a label looks like an institution's, and whose. */
export interface Lookalike {
  institution: string;
  /** The official domain or brand token imitated. */
  imitates: string;
  how: "edit-distance" | "homoglyph" | "brand-token" | "other-suffix";
}

const HOMOGLYPHS: Record<string, string> = {
  "0": "o", "1": "l", "3": "e", "5": "s", "7": "t", "8": "b", "9": "g", i: "l", "|": "l",
  а: "a", е: "e", о: "o", р: "p", с: "c", у: "y", х: "x", к: "k", м: "m", т: "t", н: "h", в: "b", і: "l", ј: "j", ԁ: "d", ѕ: "s",
  ɑ: "a", α: "a", ο: "o", ρ: "p", ν: "v", τ: "t", κ: "k", ι: "l", ı: "l", ł: "l",
};

/**
 * A label folded so that visually confusable spellings collide: lower case, diacritics dropped,
 * homoglyphs and digit look-alikes mapped, "rn" → "m", "vv" → "w", hyphens dropped.
 * @example skeleton("paypa1") === skeleton("paypal") // true
 * @example skeleton("аlipay") === skeleton("alipay") // true (Cyrillic а)
 */
export function skeleton(label: string): string {
  let out = "";
  for (const ch of label.normalize("NFKD").toLowerCase()) {
    if (/\p{M}/u.test(ch) || ch === "-") continue;
    out += HOMOGLYPHS[ch] ?? ch;
  }
  return out.replace(/rn/g, "m").replace(/vv/g, "w").replace(/cl/g, "d");
}

/**
 * Levenshtein distance, giving up early once it exceeds `max` (returns max + 1).
 * @example editDistance("webank", "webamk", 2) // 1
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** Everyday words that happen to be official labels: no fuzzy matching against them. */
const NO_FUZZY = new Set(["live", "outlook", "court", "mps", "spp", "miit", "pbc", "ssa", "irs", "ftc", "qq", "jd", "boc", "ccb", "cib", "hxb"]);

interface OfficialLabel {
  label: string;
  skeleton: string;
  domain: string;
  institution: string;
}

const LABELS: OfficialLabel[] = [];
for (const [domain, entry] of officialDomains()) {
  const label = domain.slice(0, domain.indexOf("."));
  if (/^\d+$/.test(label)) continue;
  LABELS.push({ label, skeleton: skeleton(label), domain, institution: entry.id });
}

/** Edits allowed for a label of this length: none for ≤ 3 letters, 1 up to 5, 2 beyond. */
const allowedEdits = (length: number) => (length <= 3 ? 0 : length <= 5 ? 1 : 2);

/**
 * The official domain a registrable label (without its suffix; Unicode allowed) imitates, if any.
 * `domain` is the full registrable domain, used to tell "webank.top" (other suffix) from "webank.com".
 * @example findLookalike("jd-kefu", "jd-kefu.com") // { institution: "jd", imitates: "jd", how: "brand-token" }
 * @example findLookalike("webamk", "webamk.com") // { institution: "webank", imitates: "webank.com", how: "edit-distance" }
 */
export function findLookalike(label: string, domain: string): Lookalike | undefined {
  const lower = label.toLowerCase();
  const skel = skeleton(lower);
  for (const o of LABELS) {
    if (lower === o.label) return domain === o.domain ? undefined : { institution: o.institution, imitates: o.domain, how: "other-suffix" };
  }
  for (const o of LABELS) {
    if (NO_FUZZY.has(o.label)) continue;
    if (skel === o.skeleton && skel.length >= 3) return { institution: o.institution, imitates: o.domain, how: "homoglyph" };
  }
  const brand = findBrandToken(lower);
  if (brand) return { institution: brand.institution, imitates: brand.token, how: "brand-token" };
  for (const o of LABELS) {
    if (NO_FUZZY.has(o.label)) continue;
    const max = allowedEdits(o.label.length);
    // Typo-squats keep the first letter ("webamk", "alipey"); requiring it spares "small" (tmall) and "cloud" (icloud).
    if (max > 0 && lower[0] === o.label[0] && editDistance(lower, o.label, max) <= max) return { institution: o.institution, imitates: o.domain, how: "edit-distance" };
  }
  return undefined;
}

/**
 * A brand token inside a label: as a whole token ("jd-kefu", "icbc-cn"), glued to a scam word ("jdkefu"),
 * or, for distinctive brands, anywhere ("myalipayhelp").
 * @example findBrandToken("webank-service")?.institution // "webank"
 * @example findBrandToken("jdk") // undefined
 */
export function findBrandToken(label: string): { token: string; institution: string } | undefined {
  const lower = label.toLowerCase();
  const tokens = lower.split(/[-_.]+/).filter(Boolean);
  for (const b of BRANDS) {
    if (tokens.includes(b.token)) return b;
    if (b.match === "sub" && lower.includes(b.token)) return b;
    for (const t of tokens) {
      if (t.startsWith(b.token) && (SCAM_WORDS.has(t.slice(b.token.length)) || /^\d+$/.test(t.slice(b.token.length)))) return b;
      if (t.endsWith(b.token) && SCAM_WORDS.has(t.slice(0, -b.token.length))) return b;
    }
  }
  return undefined;
}
