/**
 * Width- and case-folding for names, aliases and search queries. Kept here (not in text/) so identifiers,
 * the directory and links share one definition without depending on the full text normaliser.
 */

// The same set text/char-tables.ts drops (bidi controls included): a link or name sprinkled with them is the same link.
const INVISIBLE = /[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u20e3\ufeff]/g;

/**
 * The value without invisible characters.
 * @example dropInvisible("app\u202aleid.com") // "appleid.com"
 */
export function dropInvisible(value: string): string {
  return value.replace(INVISIBLE, "");
}

const SPACES = /[\s\u3000]+/g;

/**
 * NFKC (full width → half width), lower case, invisible characters removed, runs of spaces collapsed.
 * @example foldText("ＪＤ　客服") // "jd 客服"
 */
export function foldText(value: string): string {
  return value.normalize("NFKC").replace(INVISIBLE, "").toLowerCase().replace(SPACES, " ").trim();
}

/**
 * `foldText` without any spaces: for comparing names written with or without spacing tricks.
 * @example foldKey("京 东 客 服") // "京东客服"
 */
export function foldKey(value: string): string {
  return foldText(value).replace(/ /g, "");
}
