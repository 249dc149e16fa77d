/**
 * Every identifier in a text, with offsets: phones, e-mails and Apple IDs, bank cards and accounts, URLs,
 * bare domains, meeting IDs and known apps. All patterns are compiled once at module load.
 */
import type { IdentifierKind } from "@scamguard/contracts";
import { AliasMatcher } from "./alias-matcher.js";
import { findDomainSpans, findEmailSpans } from "./anchored.js";
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
/** Private copy of DIGIT_RUN, driven by exec + lastIndex: matchAll would clone the regex on every call. */
const DIGIT_RUN_SCAN = new RegExp(DIGIT_RUN.source, DIGIT_RUN.flags);
// E-mails and domains are ASCII only (see anchored.ts): homoglyph hosts ("аlipay.com") are caught by the
// link detector, which also reads the normalised text where they are folded to ASCII.
const TRAILING_PUNCT = /[.,;:!?)\]}'"。，；：！？）】」]+$/;
/** File names that happen to end in a country-code TLD (`readme.md`, `run.sh`). */
const FILE_EXTENSIONS = new Set(["md", "sh", "py", "pl", "rs", "js", "so", "rb", "pm", "mk", "zip", "mov", "cs", "ps"]);
// Aliases only, not display names: "LINE" and "Signal" are everyday words, their aliases say "line app".
const APPS = new AliasMatcher<KnownApp>(KNOWN_APPS.flatMap((app) => app.aliases.map((alias) => [alias, app] as const)));

/** Options of {@link extractIdentifiers}. */
export interface ExtractOptions {
  /** Only these kinds (passes for other kinds are skipped, except e-mails when domains are wanted). */
  kinds?: readonly IdentifierKind[];
}

/**
 * Find every identifier in `text`, in order of position. Overlaps are resolved by precedence: URL, e-mail,
 * then digit runs (meeting ID, bank account, phone), bare domains, apps.
 * @example extractIdentifiers("加我 random@icloud.com 或拨 138 0013 8000")
 *   // [{ kind: "email", value: "random@icloud.com", normalized: "random@icloud.com", start: 3, end: 20 },
 *   //  { kind: "phone", value: "138 0013 8000", normalized: "+8613800138000", start: 24, end: 37 }]
 */
export function extractIdentifiers(text: string, options: ExtractOptions = {}): ExtractedIdentifier[] {
  const want = options.kinds ? new Set(options.kinds) : undefined;
  const found: ExtractedIdentifier[] = [];
  // Characters already claimed by an earlier (higher-precedence) identifier: linear in the text, where a
  // list scan per candidate made a 300 KB text of phone numbers take ~1 s.
  const taken = claimMap(text.length);

  // Every URL match contains "://" or "www." (any case): texts with neither skip the regex pass.
  URL_RE.lastIndex = 0;
  for (let m = (wants(want, "url") || wants(want, "domain")) && mayHaveUrl(text) ? URL_RE.exec(text) : null; m !== null; m = URL_RE.exec(text)) {
    const value = m[0].replace(TRAILING_PUNCT, "");
    const normalized = canonicalUrl(value);
    if (normalized) take(found, taken, { kind: "url", value, normalized, start: m.index, end: m.index + value.length });
  }
  // E-mails also run when only domains are wanted, so the host of an address is never taken for a domain.
  if ((wants(want, "email") || wants(want, "domain")) && text.includes("@")) {
    for (const { start, end } of findEmailSpans(text)) {
      if (!isFree(taken, start, end)) continue;
      const value = text.slice(start, end);
      const at = value.lastIndexOf("@");
      const host = hostToAscii(value.slice(at + 1));
      if (host) take(found, taken, { kind: "email", value, normalized: `${value.slice(0, at).toLowerCase()}@${host}`, start, end });
    }
  }
  DIGIT_RUN_SCAN.lastIndex = 0;
  const digits = wants(want, "phone") || wants(want, "bank_account") || wants(want, "meeting_id");
  for (let m = digits ? DIGIT_RUN_SCAN.exec(text) : null; m !== null; m = DIGIT_RUN_SCAN.exec(text)) {
    if (!isFree(taken, m.index, m.index + m[0].length)) continue;
    for (const n of classifyDigitRun(text, m.index, m.index + m[0].length)) take(found, taken, n);
  }
  if ((wants(want, "url") || wants(want, "domain")) && text.includes(".")) {
    for (const span of findDomainSpans(text)) {
      const start = span.start;
      const value = text.slice(start, span.end).replace(TRAILING_PUNCT, "");
      const end = start + value.length;
      if (!isFree(taken, start, end)) continue;
      const slash = value.indexOf("/");
      const host = slash < 0 ? value : value.slice(0, slash);
      const writtenTld = host.slice(host.lastIndexOf(".") + 1);
      const tld = writtenTld.toLowerCase();
      if (FILE_EXTENSIONS.has(tld) || isSentenceBreak(host, writtenTld)) continue;
      const domain = registrableDomain(host);
      if (!domain) continue;
      const url = slash < 0 ? undefined : canonicalUrl(value);
      if (url) take(found, taken, { kind: "url", value, normalized: url, start, end });
      else take(found, taken, { kind: "domain", value: host, normalized: domain, start, end: start + host.length });
    }
  }
  for (const m of wants(want, "app") ? APPS.findAll(text) : []) {
    if (isFree(taken, m.start, m.end)) take(found, taken, { kind: "app", value: text.slice(m.start, m.end), normalized: m.value.id, start: m.start, end: m.end });
  }
  const sorted = found.sort((a, b) => a.start - b.start);
  return want ? sorted.filter((f) => want.has(f.kind)) : sorted;
}

/** "others.In the end" is two sentences missing a space, not the host others.in: a capitalised TLD after a lower-case name. */
function isSentenceBreak(host: string, writtenTld: string): boolean {
  const first = writtenTld.charCodeAt(0);
  return first >= 65 && first <= 90 && writtenTld !== writtenTld.toUpperCase() && host !== host.toUpperCase();
}

/** Whether extraction is asked for `kind` (all kinds without a filter). A module-level function rather than a closure
 * per call: under tsx (esbuild keepNames) every named closure costs a defineProperty (~0.3 µs) when created. */
function wants(want: ReadonlySet<IdentifierKind> | undefined, kind: IdentifierKind): boolean {
  return want === undefined || want.has(kind);
}

/** Whether the text can hold a URL_RE match: "://" or "www." with the w's in either case. */
function mayHaveUrl(text: string): boolean {
  if (text.includes("://")) return true;
  for (let dot = text.indexOf("."); dot >= 0; dot = text.indexOf(".", dot + 1)) {
    if (dot >= 3 && (text.charCodeAt(dot - 1) | 0x20) === 0x77 && (text.charCodeAt(dot - 2) | 0x20) === 0x77 && (text.charCodeAt(dot - 3) | 0x20) === 0x77) return true;
  }
  return false;
}

/**
 * Which characters are claimed: `map[i] === stamp`. One buffer reused by every call (extraction is
 * synchronous and never re-entered) with a fresh stamp per call, so nothing is allocated or cleared per text.
 */
interface ClaimMap {
  map: Uint32Array;
  stamp: number;
}
let claims: ClaimMap = { map: new Uint32Array(4096), stamp: 0 };

function claimMap(length: number): ClaimMap {
  if (claims.map.length < length) claims = { map: new Uint32Array(Math.max(length, claims.map.length * 2)), stamp: 0 };
  if (claims.stamp === 0xffffffff) {
    claims.map.fill(0);
    claims.stamp = 0;
  }
  claims.stamp++;
  return claims;
}

function isFree(taken: ClaimMap, start: number, end: number): boolean {
  const { map, stamp } = taken;
  for (let i = start; i < end; i++) if (map[i] === stamp) return false;
  return true;
}

function take(found: ExtractedIdentifier[], taken: ClaimMap, id: ExtractedIdentifier): void {
  found.push(id);
  taken.map.fill(taken.stamp, id.start, id.end);
}
