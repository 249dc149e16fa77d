/**
 * The client side of the private range lookup beyond hashing: which hashes one identifier needs (a URL
 * or an e-mail is also judged by its registrable domain, as the server's plain lookup does), and the
 * verdict read from the answers. No I/O: the caller fetches `GET /v1/lookup/range/{prefix}` for each
 * distinct prefix and hands the answers back, so the CLI, the web app and third parties share one rule.
 */
import type { IdentifierKind, RangeEntry, RangeLookupResponse } from "@scamguard/contracts";
import { PUBLIC_MAILBOX_DOMAINS } from "../directory/lookup.js";
import { findInRange, normalizedHash, rangePrefix } from "./hash.js";
import { normalizeIdentifier } from "./normalize.js";

/** One hash to look for, and what a match means. */
export interface RangeProbe {
  kind: IdentifierKind;
  normalized: string;
  hash: string;
  prefix: string;
  /** `self`: the identifier itself; `domain`: its registrable domain (URLs and e-mail addresses). */
  via: "self" | "domain";
}

/** What the range answers say about one identifier. */
export interface PrivateVerdict {
  verdict: "unknown" | RangeEntry["verdict"];
  /** The matching entry (null: unknown), and whether it matched the identifier or its domain. */
  entry: RangeEntry | null;
  via: "self" | "domain" | null;
}

/**
 * The hashes to look up for one normalised identifier: itself, then for a URL or an e-mail its domain;
 * not the domain of an address at a public mailbox (icloud.com, qq.com, gmail.com …): anyone can open one,
 * so Apple's or Tencent's own domain says nothing about a stranger's Apple ID (the server's plain lookup
 * answers the same, directory/lookup.ts).
 * @example rangeProbes("url", "https://jd-kefu.com/login").map((p) => p.via) // ["self", "domain"]
 * @example rangeProbes("email", "jd-kefu@icloud.com").map((p) => p.via) // ["self"]
 */
export function rangeProbes(kind: IdentifierKind, normalized: string): RangeProbe[] {
  const probe = (k: IdentifierKind, n: string, via: RangeProbe["via"]): RangeProbe => {
    const hash = normalizedHash(k, n);
    return { kind: k, normalized: n, hash, prefix: rangePrefix(hash), via };
  };
  const probes = [probe(kind, normalized, "self")];
  if (kind === "url" || kind === "email") {
    const domain = normalizeIdentifier("domain", normalized);
    const publicMailbox = kind === "email" && domain.ok && PUBLIC_MAILBOX_DOMAINS.has(domain.normalized);
    if (domain.ok && !publicMailbox) probes.push(probe("domain", domain.normalized, "domain"));
  }
  return probes;
}

/**
 * The verdict from the answers (by prefix). Its own entry wins; a URL takes its domain's verdict when it
 * has none; an e-mail only its domain's `official` (anyone can own an address on a reported domain's
 * mail host, so a domain's reports do not condemn every address there).
 * @example privateVerdict(rangeProbes("phone", "+8617012345678"), answers).verdict // "suspicious"
 */
export function privateVerdict(probes: readonly RangeProbe[], answers: ReadonlyMap<string, Pick<RangeLookupResponse, "prefix" | "entries">>): PrivateVerdict {
  const [self, ...rest] = probes;
  const own = self ? findIn(answers, self) : null;
  if (own) return { verdict: own.verdict, entry: own, via: "self" };
  for (const probe of rest) {
    const entry = findIn(answers, probe);
    if (entry && (self?.kind === "url" || entry.verdict === "official")) return { verdict: entry.verdict, entry, via: "domain" };
  }
  return { verdict: "unknown", entry: null, via: null };
}

function findIn(answers: ReadonlyMap<string, Pick<RangeLookupResponse, "prefix" | "entries">>, probe: RangeProbe): RangeEntry | null {
  const answer = answers.get(probe.prefix);
  return answer ? findInRange(answer, probe.hash) : null;
}
