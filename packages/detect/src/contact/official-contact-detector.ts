/**
 * Counter-evidence: every contact the text gives belongs to a directory institution ("如有疑问请拨打10086",
 * "call us on 95588"). Genuine notices send people to the official channel; the playbook needs a channel the
 * scammer controls (a personal number, a look-alike link, a meeting app, an account to pay into). A link to the site
 * of the name the text is headed with ("Royal Mail: … royalmail.com/track", link/own-domain.ts) counts as official.
 * One unofficial contact anywhere in the text and this stays silent.
 */
import type { Evidence, Signal } from "@scamguard/contracts";
import { officialContactOwner } from "../directory/lookup.js";
import { identifiersOf } from "../identifiers/per-text.js";
import { analyzeUrl } from "../link/analyze-url.js";
import { findLinks } from "../link/detector.js";
import { isOwnDomain, letterheadNames } from "../link/own-domain.js";
import { signalLabel } from "../signals/labels.js";
import type { Detector } from "../types.js";

export const OFFICIAL_CONTACT_ID = "protective:official-contact";
/**
 * The strongest counter-evidence: the playbook cannot run without a channel the scammer controls. It only
 * lowers risk (the model's sign constraint) and, never seen in the dev sets, scores with its prior (2 × this).
 */
const WEIGHT = -1.0;
/** Kinds that are a way to reach someone; an official app is not ("add me on QQ" is itself a channel switch). */
const CONTACT_KINDS = new Set(["phone", "url", "domain", "email"]);
/**
 * A carrier's own service channels, named without a number or link ("登录手机营业厅", "中国移动APP",
 * "亲临各营业厅"), and a bank's branch visited in person with an ID ("携带身份证到网点办理"; not 手机银行, where a scammer
 * also sends the victim to transfer): a genuine notice sends people there, a
 * phishing SMS needs its own link or number (which, being unofficial, silences this detector).
 */
const OWN_CHANNEL = /(?:手机营业厅|掌上营业厅|网上营业厅|营业厅|掌厅|中国(?:移动|联通|电信)(?:app|客户端)|(?:移动|联通|电信)(?:app|客户端)|(?:携带|持|带上)(?:本人)?(?:有效)?(?:身份证|证件)[^,。!?;\n]{0,8}(?:到|前往|去)[^,。!?;\n]{0,6}网点)/;

/**
 * Whether OWN_CHANNEL can match: each of its matches contains 营业厅, 掌厅, app, 客户端 or 网点. Five native
 * substring searches cost less than the regex tried at every position of a text that has none (most texts).
 */
const mayNameOwnChannel = (s: string): boolean =>
  s.includes("营业厅") || s.includes("掌厅") || s.includes("app") || s.includes("客户端") || s.includes("网点");

/**
 * @example officialContactDetector.detect({ text: normalize("您的手机号将于3日后停机，请及时缴费。如有疑问请拨打10086。"), lang: "zh" })
 *   .map((s) => s.id) // ["protective:official-contact"]
 */
export const officialContactDetector: Detector = {
  id: "contact:official",
  applies: (ctx) => /\d{3}|\.[a-z]|@/.test(ctx.text.normalized) || (mayNameOwnChannel(ctx.text.normalized) && OWN_CHANNEL.test(ctx.text.normalized)),
  detect(ctx) {
    const evidence: Evidence[] = [];
    // A notice headed "Royal Mail:" that links to royalmail.com sends people to its own site, as a directory one does.
    const names = letterheadNames(ctx.text.original);
    const ownSite = (kind: string, value: string): boolean =>
      names.size > 0 && (kind === "url" || kind === "domain" || kind === "email") && isOwnDomain(analyzeUrl(kind === "email" ? value.slice(value.lastIndexOf("@") + 1) : value), names);
    for (const id of identifiersOf(ctx.text)) {
      if (id.kind === "display_name") continue; // a name claims, it does not contact
      const official = officialContactOwner(id.kind, id.normalized) !== undefined || ownSite(id.kind, id.value);
      if (!official) return []; // one unofficial number, link, account, meeting ID or app breaks the rule
      if (!CONTACT_KINDS.has(id.kind)) continue;
      evidence.push({ start: id.start, end: id.end, text: id.value });
    }
    const own = mayNameOwnChannel(ctx.text.normalized) ? OWN_CHANNEL.exec(ctx.text.normalized) : null;
    if (own !== null) {
      const map = ctx.text.toOriginal;
      const start = map[own.index] as number;
      const end = map[own.index + own[0].length] as number;
      evidence.push({ start, end, text: ctx.text.original.slice(start, end) });
      evidence.sort((a, b) => a.start - b.start);
    }
    if (evidence.length === 0) return [];
    // The link finder also reads the normalised text, so it sees look-alike hosts the raw extraction misses
    // ("10086jf.cc", "аlipay.com"); any link that is not official breaks the rule. Run only when needed.
    const links = findLinks(ctx.text);
    const unofficial = (link: { value: string }): boolean => {
      const analysis = analyzeUrl(link.value);
      return !analysis.official && !isOwnDomain(analysis, names);
    };
    if (links.some(unofficial)) return [];
    const signal: Signal = {
      id: OFFICIAL_CONTACT_ID,
      family: "protective",
      stage: null,
      weight: WEIGHT,
      description: signalLabel(OFFICIAL_CONTACT_ID, ctx.lang, "The only contacts given are an institution's official number, site or app"),
      evidence,
    };
    return [signal];
  },
};
