/**
 * Risk facts about one URL or bare domain, each explainable on its own: official, look-alike of an
 * official domain, brand in the subdomain of an unrelated domain, shortener, raw IP host, punycode,
 * suspicious TLD.
 */
import { parse as parseDomain } from "tldts";
import { institutionByKey } from "../directory/lookup.js";
import { canonicalUrl, hostToUnicode } from "../identifiers/normalize.js";
import { SHORTENERS, SUSPICIOUS_TLDS } from "./brands.js";
import { findBrandToken, findLookalike } from "./lookalike.js";

/** The kinds of fact; each non-official one becomes a `url:<id>` signal. */
export type UrlFactId = "official" | "lookalike" | "brand-subdomain" | "shortener" | "ip-host" | "punycode" | "suspicious-tld";

/** One fact, with a sentence for people and the institution it concerns, if any. */
export interface UrlFact {
  id: UrlFactId;
  detail: string;
  institution?: string;
}

/** Everything `analyzeUrl` found. `risk` is the strongest fact's level. */
export interface UrlAnalysis {
  input: string;
  /** Canonical URL (`https://www.jd.com/a`), null when the input is not an http(s) URL or host. */
  url: string | null;
  /** Host in ASCII (punycode) and as a person sees it. */
  host: string | null;
  displayHost: string | null;
  /** Registrable domain (`jd.com`), or the IP for IP hosts. */
  domain: string | null;
  /** Directory id when the domain is official. */
  official: string | null;
  /** Directory id of the institution imitated, when a look-alike. */
  imitates: string | null;
  facts: UrlFact[];
  risk: "safe" | "low" | "medium" | "high";
}

const RISK_OF: Record<UrlFactId, UrlAnalysis["risk"]> = {
  official: "safe",
  lookalike: "high",
  "brand-subdomain": "high",
  "ip-host": "medium",
  punycode: "medium",
  shortener: "medium",
  "suspicious-tld": "low",
};
const RISK_ORDER: UrlAnalysis["risk"][] = ["safe", "low", "medium", "high"];
/** Public suffixes only governments and schools can register under. */
const RESTRICTED_SUFFIX = /(?:^|\.)(?:gov|mil|edu)(?:\.[a-z]{2})?$|^gov\.cn$|^edu\.cn$/;

/**
 * Analyse a URL or bare host ("jd-kefu.com/login", "https://xn--...com", "http://1.2.3.4/pay").
 * @example analyzeUrl("http://jd-kefu.com/login").facts[0] // { id: "lookalike", institution: "jd", detail: "…" }
 * @example analyzeUrl("https://www.icbc.com.cn/").risk // "safe"
 */
export function analyzeUrl(input: string): UrlAnalysis {
  const base: UrlAnalysis = { input, url: null, host: null, displayHost: null, domain: null, official: null, imitates: null, facts: [], risk: "low" };
  const url = canonicalUrl(input);
  if (!url) return base;
  const host = new URL(url).hostname;
  const parsed = parseDomain(host, { allowPrivateDomains: true });
  const facts: UrlFact[] = [];
  const out: UrlAnalysis = { ...base, url, host, displayHost: hostToUnicode(host), facts };

  if (parsed.isIp) {
    out.domain = host;
    facts.push({ id: "ip-host", detail: `${host} is a raw IP address, not a name: official sites never send you to one` });
    return finish(out);
  }
  const domain = parsed.domain;
  out.domain = domain;
  if (!domain) return finish(out);
  const owner = institutionByKey("domain", domain);
  if (owner) {
    out.official = owner.id;
    facts.push({ id: "official", institution: owner.id, detail: `${domain} is an official domain of ${owner.name.zh} (${owner.name.en})` });
    return finish(out);
  }
  if (SHORTENERS.has(domain) || SHORTENERS.has(host)) {
    facts.push({ id: "shortener", detail: `${domain} is a link shortener: the real destination is hidden` });
  }
  const label = parsed.domainWithoutSuffix ?? domain;
  const unicodeLabel = hostToUnicode(label);
  if (host.split(".").some((l) => l.startsWith("xn--"))) {
    facts.push({ id: "punycode", detail: `${host} is an internationalised name shown as ${out.displayHost}: letters from other scripts can imitate a brand` });
  }
  // Government and education suffixes cannot be registered by anyone: "sh-fanzha.gov.cn" is no look-alike.
  const restricted = RESTRICTED_SUFFIX.test(parsed.publicSuffix ?? "");
  const look = restricted ? undefined : findLookalike(unicodeLabel, hostToUnicode(domain));
  if (look) {
    out.imitates = look.institution;
    facts.push({ id: "lookalike", institution: look.institution, detail: lookalikeDetail(out.displayHost ?? host, look.imitates, look.how) });
  }
  const sub = parsed.subdomain ?? "";
  const subBrand = sub && sub !== "www" && !restricted ? findBrandToken(hostToUnicode(sub)) : undefined;
  if (subBrand) {
    out.imitates ??= subBrand.institution;
    facts.push({ id: "brand-subdomain", institution: subBrand.institution, detail: `"${subBrand.token}" in ${host} is only a subdomain of ${domain}, which has nothing to do with it` });
  }
  const tld = parsed.publicSuffix?.split(".").pop() ?? "";
  if (SUSPICIOUS_TLDS.has(tld)) facts.push({ id: "suspicious-tld", detail: `.${tld} is a top-level domain that phishing sites often use` });
  return finish(out);
}

function lookalikeDetail(host: string, imitates: string, how: string): string {
  switch (how) {
    case "brand-token":
      return `${host} borrows the brand "${imitates}" but is not its official domain`;
    case "homoglyph":
      return `${host} is spelled with look-alike characters to imitate ${imitates}`;
    case "other-suffix":
      return `${host} copies the name of ${imitates} under another suffix`;
    default:
      return `${host} is a misspelling of ${imitates}`;
  }
}

function finish(out: UrlAnalysis): UrlAnalysis {
  let risk: UrlAnalysis["risk"] = out.facts.length === 0 ? "low" : "safe";
  for (const f of out.facts) if (RISK_ORDER.indexOf(RISK_OF[f.id]) > RISK_ORDER.indexOf(risk)) risk = RISK_OF[f.id];
  // Two medium facts (e.g. a shortener on a suspicious TLD, punycode + IP) together are high.
  if (risk === "medium" && out.facts.filter((f) => RISK_OF[f.id] !== "low").length >= 2) risk = "high";
  out.risk = risk;
  return out;
}
