/**
 * A notice's own site: a link whose registrable domain is the name the notice is headed with ("Royal Mail: … track it
 * at royalmail.com/track", "Thames Water: … thameswater.co.uk"). A phishing text copies the letterhead but cannot link
 * to the brand's own registered domain: its link adds words ("royalmail-redelivery.info"), moves the brand into a
 * subdomain ("royalmail.com.parcel-fee.top") or takes another suffix. The directory knows a few hundred institutions;
 * this reads the sender's name from the text itself, so it needs no list of brands.
 */
import { parse as parseDomain } from "tldts";
import type { UrlAnalysis } from "./analyze-url.js";
import { SCAM_WORDS } from "./brands.js";

/**
 * A letterhead: the name before the first colon of the text ("Royal Mail:", "Chase Fraud Alert:", "[Evri]"), at most
 * five words of Latin letters, digits, "&", "'", "-" and ".".
 */
const LETTERHEAD = /^\s*(?:[[【(]\s*([A-Za-z][A-Za-z0-9&'.\- ]{0,40}?)\s*[\]】)]|([A-Za-z][A-Za-z0-9&'.\- ]{0,40}?)\s*[:：])/;
const MAX_WORDS = 5;
/**
 * Words of a notice's header that name no one ("Fraud Alert", "Reminder", "Toll Services"): a name made only of these
 * is anyone's to register (tollservices.com), so it never makes a link the sender's own.
 */
const HEADER_WORDS: ReadonlySet<string> = new Set([
  ...SCAM_WORDS,
  "alert", "alerts", "notice", "notification", "reminder", "message", "msg", "free", "fraud", "team", "customer", "customers",
  "toll", "tolls", "parcel", "parcels", "delivery", "post", "mail", "billing", "bill", "tax", "my", "the", "your", "info", "dept",
  "department", "official", "update", "news", "auto", "text", "sms", "subject", "re", "fwd", "from", "to", "dear",
]);
/**
 * Words a scammer joins to a brand to name a domain they can register ("Amazon Refunds: … amazonrefunds.net",
 * "Parcelforce Redelivery: … parcelforceredelivery.com", "USPSHelp: … uspshelp.com"): the letterhead is theirs to
 * write too, so a name that carries one of these is never read as the sender's own site. Genuine letterheads name
 * the company ("Royal Mail", "Thames Water", "Parcelforce"); the service it is about goes in the text. Words that are
 * also parts of company names ("parcel", "deliver", "post") are left out.
 */
const SERVICE_WORDS: readonly string[] = [
  "refund", "redeliver", "reschedul", "secur", "help", "support", "verif", "servic", "billing", "account", "center", "centre",
  "online", "login", "signin", "payment", "care", "claim", "reward", "point", "custom", "fee", "recover", "unlock", "updat",
  "alert", "notice", "team", "desk", "portal", "tracking", "toll", "bonus", "prize", "gift",
  "wallet", "safe", "protect", "confirm", "valid", "resolv", "dispute", "restor", "reactivat",
];
/** Whether a name (letterhead words joined) carries a service word, as a word or glued into one ("uspshelp"). */
const carriesServiceWord = (name: string): boolean => SERVICE_WORDS.some((w) => name.includes(w));

/**
 * Words a scammer adds after a brand to make a name they can register ("Evri UK: … evriuk.com", "Parcelforce Delivery:
 * … parcelforcedelivery.com"): a run of letterhead words ending in one is no name of its own (the brand before it still is).
 */
const QUALIFIERS: ReadonlySet<string> = new Set([
  "uk", "us", "usa", "gb", "eu", "ie", "ca", "au", "intl", "international", "global", "express", "direct", "delivery", "deliveries",
  "shipping", "logistics", "courier", "couriers", "parcel", "parcels", "tracking", "ltd", "inc", "llc", "group", "hq", "official",
]);
/** Suffixes whose names are look-alikes of a common one (".co" for ".com"): no company's notice relies on them. */
const LOOKALIKE_SUFFIXES: ReadonlySet<string> = new Set(["co", "cm", "om", "con"]);

/**
 * The names a text's letterhead can be written as in a domain label: every run of its consecutive words, joined
 * without separators ("Royal Mail" → royal, mail, royalmail; "T-Mobile" → t, mobile, tmobile), leaving out runs made
 * only of header words. Empty without a letterhead.
 * @example letterheadNames("Thames Water: your bill is ready") // Set { "thames", "thameswater", "water" }
 */
export function letterheadNames(original: string): ReadonlySet<string> {
  const m = LETTERHEAD.exec(original);
  const head = m?.[1] ?? m?.[2];
  const names = new Set<string>();
  if (head === undefined) return names;
  const words = head.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== "");
  if (words.length === 0 || words.length > MAX_WORDS) return names;
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j <= words.length; j++) {
      const run = words.slice(i, j);
      if (run.every((w) => HEADER_WORDS.has(w)) || (run.length > 1 && QUALIFIERS.has(run[run.length - 1] as string))) continue;
      const name = run.join("");
      if (!carriesServiceWord(name)) names.add(name);
    }
  }
  return names;
}

/** Shortest label read as a name: two letters ("my", "go") are anyone's. */
const MIN_LABEL = 3;

/**
 * Whether a link or bare domain is the letterhead's own site: its registrable label, without hyphens, is one of
 * `names` (see {@link letterheadNames}), under a public (ICANN) suffix that is no look-alike of another, and the link
 * shows no risk fact at all (no shortener, suspicious suffix, punycode or look-alike of a directory institution).
 * @example isOwnDomain(analyzeUrl("royalmail.com/track"), letterheadNames("Royal Mail: we tried to deliver…")) // true
 * @example isOwnDomain(analyzeUrl("royalmail-redelivery.info"), letterheadNames("Royal Mail: …")) // false
 */
export function isOwnDomain(analysis: UrlAnalysis, names: ReadonlySet<string>): boolean {
  if (names.size === 0 || analysis.host === null || analysis.facts.length > 0) return false;
  const parsed = parseDomain(analysis.host, { allowPrivateDomains: true });
  if (parsed.isIp || parsed.isPrivate || parsed.isIcann !== true || parsed.domainWithoutSuffix === null) return false;
  if (LOOKALIKE_SUFFIXES.has(parsed.publicSuffix ?? "")) return false;
  const label = parsed.domainWithoutSuffix.replace(/-/g, "");
  return label.length >= MIN_LABEL && names.has(label);
}

/**
 * Where a link borrows the letterhead's name without being its site: the name is a run of the registrable label's
 * hyphen-separated words beside others ("Evri: … evri-rebook-parcel.com", "Royal Mail: … royalmail-redelivery.info"),
 * or of a subdomain's ("Verizon: … verizon.billing-center.com"). The directory's look-alike test does this for the
 * institutions it knows; this does it for the name the text is signed with. Null when the link is not such a one.
 * @example borrowedName(analyzeUrl("evri-rebook-parcel.com"), letterheadNames("Evri: we missed you")) // { name: "evri", where: "label" }
 */
export function borrowedName(analysis: UrlAnalysis, names: ReadonlySet<string>): { name: string; where: "label" | "subdomain" } | null {
  if (names.size === 0 || analysis.host === null || analysis.official !== null || isOwnDomain(analysis, names)) return null;
  const parsed = parseDomain(analysis.host, { allowPrivateDomains: true });
  if (parsed.isIp || parsed.domainWithoutSuffix === null) return null;
  const inLabel = nameAmong(parsed.domainWithoutSuffix.split("-"), names, true);
  if (inLabel !== null) return { name: inLabel, where: "label" };
  const sub = parsed.subdomain ?? "";
  const inSub = sub === "" ? null : nameAmong(sub.split(/[.-]/), names, false);
  return inSub === null ? null : { name: inSub, where: "subdomain" };
}

/** A name of at least MIN_LABEL characters that a run of `words` spells, but (when `partial`) not all of them. */
function nameAmong(words: readonly string[], names: ReadonlySet<string>, partial: boolean): string | null {
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j <= words.length; j++) {
      if (partial && i === 0 && j === words.length) continue;
      const run = words.slice(i, j).join("");
      if (run.length >= MIN_LABEL && names.has(run)) return run;
    }
  }
  return null;
}
