/**
 * The link detector: every URL and bare domain of a text through `analyzeUrl`, each risk fact a
 * `url:<fact>` signal (family `channel`, stage `channel_switch`) with evidence in the original text.
 */
import type { Signal } from "@scamguard/contracts";
import { extractIdentifiers } from "../identifiers/extract.js";
import { identifiersOf } from "../identifiers/per-text.js";
import { toOriginalSpan } from "../text/normalize.js";
import { signalLabel } from "../signals/labels.js";
import type { DetectContext, Detector } from "../types.js";
import { analyzeUrl, type UrlAnalysis, type UrlFact, type UrlFactId } from "./analyze-url.js";
import { borrowedName, letterheadNames } from "./own-domain.js";

/** Weight per fact; ≥ 0.8 places the stage on its own (see signals/playbook.ts). */
const WEIGHTS: Record<Exclude<UrlFactId, "official">, number> = {
  lookalike: 0.85,
  "brand-subdomain": 0.8,
  punycode: 0.5,
  "ip-host": 0.5,
  shortener: 0.3,
  "suspicious-tld": 0.3,
};
const DESCRIPTIONS: Record<Exclude<UrlFactId, "official">, string> = {
  lookalike: "Link imitates an official domain",
  "brand-subdomain": "Link puts a brand name in front of an unrelated domain",
  punycode: "Link uses an internationalised (punycode) name that can imitate a brand",
  "ip-host": "Link points to a raw IP address",
  shortener: "Shortened link hides where it goes",
  "suspicious-tld": "Link on a top-level domain favoured by phishing sites",
};

const MAX_DISTINCT = 256;
const LINK_GIVEN = "channel:link-given";
/**
 * A host written without a scheme or "www." and followed by a token path, one with a digit or mixed case, the shape of a
 * campaign or tracking link: "qvo5j.com/VYOCGL2SUT", "f94.us/VrVwq", "chs-alerts.com/r/29x". A path of words
 * ("att.com/pay", "spectrum.net/account") is an address a company prints in its notices, and gives nothing.
 */
const BARE_WITH_PATH = /^(?!https?:|www\.)[^\s/:]+\.[a-z]{2,}\/[^\s]*(\d|[a-z][A-Z]|[A-Z][a-z]*[A-Z])/;
const LINK_KINDS = { kinds: ["url", "domain"] } as const;
/** Evidence spans kept per signal: enough to show, bounded for 1 MB inputs. */
const MAX_EVIDENCE = 64;

interface LinkSpan {
  value: string;
  start: number;
  end: number;
}

/**
 * URLs and domains in original-text coordinates, `value` as written in the original. Both texts are read:
 * normalisation folds what look-alikes are made of (Cyrillic а → a, full-width ｊｄ → jd), so the
 * normalised text finds them whole and the original span shows what the person was really sent; the
 * original adds what folding may have broken. Overlaps keep the longer span.
 * @example findLinks(normalize("打开 аlipay.com")) // [{ value: "аlipay.com", start: 3, end: 13 }]
 */
export function findLinks(text: DetectContext["text"]): LinkSpan[] {
  const candidates: LinkSpan[] = [];
  for (const id of identifiersOf(text)) {
    if (id.kind === "url" || id.kind === "domain") candidates.push({ value: id.value, start: id.start, end: id.end });
  }
  if (text.normalized !== text.original) {
    for (const id of extractIdentifiers(text.normalized, LINK_KINDS)) {
      if (id.kind !== "url" && id.kind !== "domain") continue;
      const span = toOriginalSpan(text, id.start, id.end);
      // A spoken domain ("amazon dot com") has no dot in the original: the written one is its value.
      candidates.push({ value: /\sdot\s/i.test(span.text) ? text.normalized.slice(id.start, id.end) : span.text, start: span.start, end: span.end });
    }
  }
  const out: LinkSpan[] = [];
  const taken = new Uint8Array(text.original.length);
  for (const c of candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (taken.subarray(c.start, c.end).includes(1)) continue;
    taken.fill(1, c.start, c.end);
    out.push(c);
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The analysis with a look-alike fact added when the link borrows the name the text is headed with ("Evri: …
 * evri-rebook-parcel.com"): the directory's look-alike test knows only its own institutions.
 */
function withBorrowedName(analysis: UrlAnalysis, names: ReadonlySet<string>): UrlAnalysis {
  if (analysis.facts.some((f) => f.id === "lookalike" || f.id === "brand-subdomain" || f.id === "official")) return analysis;
  const borrowed = borrowedName(analysis, names);
  if (borrowed === null) return analysis;
  const host = analysis.displayHost ?? analysis.host ?? analysis.input;
  const fact: UrlFact =
    borrowed.where === "label"
      ? { id: "lookalike", detail: `${host} borrows the name "${borrowed.name}" the message is signed with, but is not that sender's own site` }
      : { id: "brand-subdomain", detail: `"${borrowed.name}", the name the message is signed with, is only a subdomain of ${analysis.domain}, which has nothing to do with it` };
  return { ...analysis, facts: [...analysis.facts, fact] };
}

/**
 * `url:lookalike`, `url:brand-subdomain`, `url:punycode`, `url:ip-host`, `url:shortener`,
 * `url:suspicious-tld`; official domains give no signal.
 * @example linkDetector.detect({ text: normalize("登录 jd-kefu.com 办理注销"), lang: "zh" })
 *   // [{ id: "url:lookalike", family: "channel", stage: "channel_switch", weight: 0.85, evidence: [{ start: 3, end: 14, text: "jd-kefu.com" }], … }]
 */
export const linkDetector: Detector = {
  id: "link",
  applies: (ctx) => /[.:．。]/.test(ctx.text.original) || ctx.text.normalized.includes("."),
  detect(ctx) {
    const byId = new Map<string, Signal>();
    // One analysis per distinct link, and at most MAX_DISTINCT of them: a 1 MB text of links stays bounded.
    const analyses = new Map<string, UrlAnalysis>();
    let names: ReadonlySet<string> | undefined;
    for (const link of findLinks(ctx.text)) {
      const key = link.value.toLowerCase();
      let analysis = analyses.get(key);
      if (!analysis) {
        if (analyses.size >= MAX_DISTINCT) continue;
        names ??= letterheadNames(ctx.text.original);
        analysis = withBorrowedName(analyzeUrl(link.value), names);
        analyses.set(key, analysis);
      }
      for (const fact of analysis.facts) {
        if (fact.id === "official") continue;
        const evidence = { start: link.start, end: link.end, text: ctx.text.original.slice(link.start, link.end) };
        const id = `url:${fact.id}`;
        const seen = byId.get(id);
        if (seen) {
          // Links are visited in order of position and once each, so no duplicate spans; cap the list.
          if (seen.evidence.length < MAX_EVIDENCE) seen.evidence.push(evidence);
          continue;
        }
        byId.set(id, {
          id,
          family: "channel",
          stage: "channel_switch",
          weight: WEIGHTS[fact.id],
          // The fact's detail is English prose; a Chinese verdict names the link instead.
          description: ctx.lang === "zh" ? `${signalLabel(id, "zh", DESCRIPTIONS[fact.id])}：${link.value}` : `${signalLabel(id, "en", DESCRIPTIONS[fact.id])}: ${fact.detail}`,
          evidence: [evidence],
        });
      }
      // A bare domain with a path ("qvo5j.com/VYOCGL2SUT") is a web address given to open as much as an
      // "http://…" one, which the lexicon's channel:link-given reads; an official domain is no ask.
      if (ctx.lang === "en" && !analysis.official && BARE_WITH_PATH.test(link.value)) {
        const evidence = { start: link.start, end: link.end, text: ctx.text.original.slice(link.start, link.end) };
        const seen = byId.get(LINK_GIVEN);
        if (!seen) byId.set(LINK_GIVEN, { id: LINK_GIVEN, family: "channel", stage: "channel_switch", weight: 0.2, description: signalLabel(LINK_GIVEN, "en", "Gives a web address to open"), evidence: [evidence] });
        else if (seen.evidence.length < MAX_EVIDENCE) seen.evidence.push(evidence);
      }
    }
    return [...byId.values()];
  },
};
