/**
 * Width- and case-folding for names, aliases and search queries. Kept here (not in text/) so identifiers,
 * the directory and links share one definition without depending on the full text normaliser.
 */
import { INVISIBLE_RE } from "../text/invisible.js";

/**
 * The value without invisible characters.
 * @example dropInvisible("app\u202aleid.com") // "appleid.com"
 */
export function dropInvisible(value: string): string {
  return value.replace(INVISIBLE_RE, "");
}

const SPACES = /[\s\u3000]+/g;

/**
 * NFKC (full width → half width), lower case, invisible characters removed, runs of spaces collapsed.
 * @example foldText("ＪＤ　客服") // "jd 客服"
 */
export function foldText(value: string): string {
  return value.normalize("NFKC").replace(INVISIBLE_RE, "").toLowerCase().replace(SPACES, " ").trim();
}

/**
 * `foldText` without any spaces: for comparing names written with or without spacing tricks.
 * @example foldKey("京 东 客 服") // "京东客服"
 */
export function foldKey(value: string): string {
  return foldText(value).replace(/ /g, "");
}
