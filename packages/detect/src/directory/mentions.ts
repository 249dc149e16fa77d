/**
 * Which institutions a text names: one alternation of every name, alias and product alias of the
 * directory, compiled once, longest first (so "京东金融" wins over "京东").
 */
import type { DirectoryEntry } from "@scamguard/contracts";
import { AliasMatcher } from "../identifiers/alias-matcher.js";
import { foldKey } from "../identifiers/fold.js";
import type { NormalizedText } from "../types.js";
import { DIRECTORY } from "./data.js";

/** One mention of an institution: [start, end) in the text searched, and the directory alias it matched. */
export interface InstitutionMention {
  id: string;
  start: number;
  end: number;
  alias: string;
}

/** Names that are lists or carry brackets ("淘宝/天猫", "腾讯（微信/QQ）") are for display; aliases cover them. */
const DISPLAY_ONLY = /[/／(（]/;

const ALIAS_OWNER = new Map<string, { id: string; alias: string }>();
for (const entry of DIRECTORY) {
  for (const alias of [entry.name.zh, entry.name.en, ...entry.aliases]) {
    if (DISPLAY_ONLY.test(alias)) continue;
    const key = foldKey(alias);
    if (key.length >= 2 && !ALIAS_OWNER.has(key)) ALIAS_OWNER.set(key, { id: entry.id, alias });
  }
}
const MATCHER = new AliasMatcher([...ALIAS_OWNER.values()].map((owner) => [owner.alias, owner] as const));

/**
 * Every mention of a directory institution in a (normalised) text, in order, non-overlapping, leftmost-longest,
 * case- and width-insensitive; latin aliases match whole words only ("JD" not in "JDK").
 * @example findInstitutionMentions("您好，我是京东金融客服")
 *   // [{ id: "jd", start: 5, end: 11, alias: "京东金融客服" }]
 */
export function findInstitutionMentions(normalizedText: string): InstitutionMention[] {
  return MATCHER.findAll(normalizedText).map((m) => ({ id: m.value.id, start: m.start, end: m.end, alias: m.value.alias }));
}

const MENTIONS = new WeakMap<NormalizedText, readonly InstitutionMention[]>();

/**
 * `findInstitutionMentions(text.normalized)`, computed once per NormalizedText object: the contact detector
 * and the playbook inference both read it for the same text. Callers must not modify the result.
 * @example mentionsOf(normalize("我是京东客服"))[0].id // "jd"
 */
export function mentionsOf(text: NormalizedText): readonly InstitutionMention[] {
  let mentions = MENTIONS.get(text);
  if (mentions === undefined) {
    mentions = findInstitutionMentions(text.normalized);
    MENTIONS.set(text, mentions);
  }
  return mentions;
}

/**
 * The institution a claimed identity names ("京东客服", "ICBC customer service", "工商银行95588"):
 * an exact alias first, else the longest alias mentioned in it.
 * @example resolveClaim("京东客服")?.id // "jd"
 * @example resolveClaim("某某科技") // undefined
 */
export function resolveClaim(claimed: string): DirectoryEntry | undefined {
  const exact = ALIAS_OWNER.get(foldKey(claimed));
  const mentions = exact ? [] : findInstitutionMentions(claimed.normalize("NFKC"));
  const best = exact ?? mentions.reduce<InstitutionMention | undefined>((a, b) => (!a || b.end - b.start > a.end - a.start ? b : a), undefined);
  return best ? DIRECTORY.find((e) => e.id === best.id) : undefined;
}
