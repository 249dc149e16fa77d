/**
 * Every identifier in a text, with offsets: phones, e-mails and Apple IDs, bank cards and accounts, URLs,
 * bare domains, meeting IDs and known apps. All patterns are compiled once at module load.
 */
import type { IdentifierKind } from "@scamguard/contracts";
import { AliasMatcher } from "./alias-matcher.js";
import { KNOWN_APPS, type KnownApp } from "./apps.js";
import { classifyDigitRun, DIGIT_RUN } from "./numbers.js";
import { canonicalUrl, hostToAscii, registrableDomain } from "./normalize.js";

/**
 * One identifier found in a text. `value` is exactly as written (`text.slice(start, end)`), `normalized`
 * is the key of `normalizeIdentifier(kind, value)`.
 */
export interface ExtractedIdentifier {
  kind: IdentifierKind;
  value: string;
  normalized: string;
  start: number;
  end: number;
}

const STOP = "\\s<>\"'`\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\u4e00-\\u9fff";
const URL_RE = new RegExp(`(?:https?://|www\\.)[^${STOP}]+`, "giu");
const EMAIL_RE = /(?<![a-z0-9._%+-])[a-z0-9](?:[a-z0-9._%+-]{0,63})@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}(?![a-z0-9-])/gi;
// ASCII only: a Unicode-script class made this pass ~7× slower. Homoglyph hosts ("аlipay.com") are
// caught by the link detector, which also reads the normalised text where they are folded to ASCII.
const DOMAIN_RE = new RegExp(
  `(?<![a-z0-9@._/-])(?:[a-z0-9]+(?:-+[a-z0-9]+)*\\.)+(?:xn--[a-z0-9-]{2,59}|[a-z]{2,24})(?![a-z0-9@-])(?:/[^${STOP}]*)?`,
  "giu",
);
const TRAILING_PUNCT = /[.,;:!?)\]}'"。，；：！？）】」]+$/;
/** File names that happen to end in a country-code TLD (`readme.md`, `run.sh`). */
const FILE_EXTENSIONS = new Set(["md", "sh", "py", "pl", "rs", "js", "so", "rb", "pm", "mk", "zip", "mov", "cs", "ps"]);
// Aliases only, not display names: "LINE" and "Signal" are everyday words, their aliases say "line app".
const APPS = new AliasMatcher<KnownApp>(KNOWN_APPS.flatMap((app) => app.aliases.map((alias) => [alias, app] as const)));

/**
 * Find every identifier in `text`, in order of position. Overlaps are resolved by precedence: URL, e-mail,
 * then digit runs (meeting ID, bank account, phone), bare domains, apps.
 * @example extractIdentifiers("加我 random@icloud.com 或拨 138 0013 8000")
 *   // [{ kind: "email", value: "random@icloud.com", normalized: "random@icloud.com", start: 3, end: 20 },
 *   //  { kind: "phone", value: "138 0013 8000", normalized: "+8613800138000", start: 24, end: 37 }]
 */
export function extractIdentifiers(text: string): ExtractedIdentifier[] {
  const found: ExtractedIdentifier[] = [];
  // Characters already claimed by an earlier (higher-precedence) identifier: linear in the text, where a
  // list scan per candidate made a 300 KB text of phone numbers take ~1 s.
  const taken = new Uint8Array(text.length);

  for (const m of text.matchAll(URL_RE)) {
    const value = m[0].replace(TRAILING_PUNCT, "");
    const normalized = canonicalUrl(value);
    if (normalized) take(found, taken, { kind: "url", value, normalized, start: m.index, end: m.index + value.length });
  }
  if (text.includes("@")) {
    for (const m of text.matchAll(EMAIL_RE)) {
      const at = m[0].lastIndexOf("@");
      const host = hostToAscii(m[0].slice(at + 1));
      if (!host || !isFree(taken, m.index, m.index + m[0].length)) continue;
      take(found, taken, { kind: "email", value: m[0], normalized: `${m[0].slice(0, at).toLowerCase()}@${host}`, start: m.index, end: m.index + m[0].length });
    }
  }
  for (const m of text.matchAll(DIGIT_RUN)) {
    if (!isFree(taken, m.index, m.index + m[0].length)) continue;
    for (const n of classifyDigitRun(text, m.index, m.index + m[0].length)) take(found, taken, n);
  }
  if (text.includes(".")) {
    for (const m of text.matchAll(DOMAIN_RE)) {
      const value = m[0].replace(TRAILING_PUNCT, "");
      const end = m.index + value.length;
      if (!isFree(taken, m.index, end)) continue;
      const slash = value.indexOf("/");
      const host = slash < 0 ? value : value.slice(0, slash);
      const tld = host.slice(host.lastIndexOf(".") + 1).toLowerCase();
      if (FILE_EXTENSIONS.has(tld)) continue;
      const domain = registrableDomain(host);
      if (!domain) continue;
      const url = slash < 0 ? undefined : canonicalUrl(value);
      if (url) take(found, taken, { kind: "url", value, normalized: url, start: m.index, end });
      else take(found, taken, { kind: "domain", value: host, normalized: domain, start: m.index, end: m.index + host.length });
    }
  }
  for (const m of APPS.findAll(text)) {
    if (isFree(taken, m.start, m.end)) take(found, taken, { kind: "app", value: text.slice(m.start, m.end), normalized: m.value.id, start: m.start, end: m.end });
  }
  return found.sort((a, b) => a.start - b.start);
}

function isFree(taken: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (taken[i] === 1) return false;
  return true;
}

function take(found: ExtractedIdentifier[], taken: Uint8Array, id: ExtractedIdentifier): void {
  found.push(id);
  taken.fill(1, id.start, id.end);
}
