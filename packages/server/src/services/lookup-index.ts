/**
 * The in-memory reputation index: one entry per identifier, keyed by (kind, normalized) — one Map per kind,
 * so the key is the normalised string itself (the memoised string from identifier-keys.ts, whose hash V8
 * has already computed) rather than a `kind:normalized` string built per lookup — answering in O(1)
 * whatever the number of reports behind it. Pure data structure: the database sync
 * (reputation-sync.ts) feeds it report marks and imported source marks; the official directory is
 * consulted through a resolver so official contacts always answer `official`.
 *
 * Applying the same mark twice is the caller's concern for reports (the sync keeps the applied set);
 * source marks replace the previous mark of the same source, so re-imports are idempotent.
 */
import type { CallFlag, FraudMode, IdentifierKind, LookupResult, LookupSource } from "@scamguard/contracts";
import { FRAUD_MODES } from "@scamguard/contracts";
import { evidenceAt, evidenceTerm, IMPORT_TRUST, SOURCE_LABELS, scoreOf, trustOf, verdictOf } from "./reputation.js";

/** One identifier named in one stored report. */
export interface ReportMark {
  kind: IdentifierKind;
  normalized: string;
  /** The API key that filed it: counted, never shown. */
  reporterId: string;
  role: string;
  atMs: number;
  mode: FraudMode | null;
}

/** One identifier listed by one imported public source. */
export interface SourceMark {
  kind: IdentifierKind;
  normalized: string;
  source: string;
  /** Complaints behind the listing in the source itself (1 for plain block lists). */
  reports: number;
  firstSeenMs: number | null;
  lastSeenMs: number | null;
  /** When it was imported: evidence from a list decays from the day we took it in. */
  importedAtMs: number;
}

/**
 * The standing review of one identifier after a review event: `confirmed` (with when and the case it came
 * from) or `none` (withdrawn). Applied in event order; the latest wins.
 */
export interface ReviewMark {
  kind: IdentifierKind;
  normalized: string;
  status: "confirmed" | "none";
  atMs: number;
  caseId: string | null;
}

/** The institution an official contact belongs to, or null. */
export type OfficialResolver = (kind: IdentifierKind, normalized: string) => { id: string; label: string } | null;

interface ReporterMark {
  weight: number;
  atMs: number;
}

interface Entry {
  reports: number;
  reporters: Map<string, ReporterMark> | null;
  sources: Map<string, SourceMark> | null;
  /** Decayed evidence sum relative to EVIDENCE_EPOCH_MS (see reputation.ts). */
  evidence: number;
  modes: Map<FraudMode, number> | null;
  firstMs: number;
  lastMs: number;
  /** The centre's standing confirmation (verdict `scam`), or null. */
  confirmation: { atMs: number; caseId: string | null } | null;
  /** When a confirmation was last withdrawn (shown as a reason), or null. */
  withdrawnAtMs: number | null;
  /** The standing calling-pattern flag from call records (a signal, weighted like an imported list). */
  callFlag: CallFlagMark | null;
  /** The presented answer, reused until evidence changes or ANSWER_TTL_MS passes. */
  cached: CachedAnswer | null;
}

/** A calling-pattern flag as the index keeps it: the flag and when it was raised. */
export interface CallFlagMark {
  flag: CallFlag;
  raisedAtMs: number;
}

/** Source name of calling-pattern flags in lookup answers. */
export const CALL_FLAG_SOURCE = "cdr";

/**
 * A presented answer with `value` left out: `result` to copy, and its JSON split around `value` so a
 * batch is serialised by concatenation instead of JSON.stringify of every object.
 */
interface CachedAnswer {
  atMs: number;
  result: LookupResult;
  jsonHead: string;
  jsonTail: string;
}

/**
 * How long a presented answer is reused. Evidence changes clear it at once; only decay is deferred, and
 * in a minute a score decays by a factor of 2^(−1 min / 90 days) ≈ 1 − 5·10⁻⁶: invisible.
 */
export const ANSWER_TTL_MS = 60_000;

const newEntry = (): Entry => ({
  reports: 0,
  reporters: null,
  sources: null,
  evidence: 0,
  modes: null,
  firstMs: Infinity,
  lastMs: -Infinity,
  confirmation: null,
  withdrawnAtMs: null,
  callFlag: null,
  cached: null,
});

function cache(result: LookupResult, atMs: number): CachedAnswer {
  // Shared by every answer copied from it: nobody may change them.
  for (const source of result.sources) Object.freeze(source);
  Object.freeze(result.sources);
  Object.freeze(result.modes);
  Object.freeze(result.reasons);
  const { kind, value: _value, ...rest } = result;
  return {
    atMs,
    result,
    jsonHead: `{"kind":${JSON.stringify(kind)},"value":`,
    jsonTail: `,${JSON.stringify(rest).slice(1)}`,
  };
}

const NO_REPORTS = Object.freeze(["no reports"]) as unknown as string[];
const EMPTY = Object.freeze([]) as unknown as never[];
const UNKNOWN_TAIL = `,"verdict":"unknown","score":0,"distinctReporters":0,"reports":0,"modes":[],"firstSeen":null,"lastSeen":null,"sources":[],"institution":null,"confirmation":null,"reasons":["no reports"]}`;

const iso = (ms: number | null): string | null => (ms === null || !Number.isFinite(ms) ? null : new Date(ms).toISOString());
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);


export class LookupIndex {
  private readonly entries = new Map<IdentifierKind, Map<string, Entry>>();
  /** Answers for official contacts nobody reported (bounded by the directory's size). */
  private readonly officialCache = new Map<IdentifierKind, Map<string, CachedAnswer>>();
  /** Keys whose evidence changed since the last drain (`kind\u0000normalized`); null until tracked. */
  private changed: Set<string> | null = null;

  /**
   * @param official who owns an official contact (always answers `official`)
   * @param domainOf the registrable domain of a normalised URL: a URL nobody reported answers with its
   *   domain's evidence (block lists and reports name domains; scam pages change paths every day)
   */
  constructor(
    private readonly official: OfficialResolver,
    private readonly domainOf: (url: string) => string | null = () => null,
  ) {}

  /** Identifiers with any evidence. */
  get size(): number {
    let n = 0;
    for (const map of this.entries.values()) n += map.size;
    return n;
  }

  private entriesOf(kind: IdentifierKind): Map<string, Entry> {
    let map = this.entries.get(kind);
    if (map === undefined) {
      map = new Map();
      this.entries.set(kind, map);
    }
    return map;
  }

  clear(): void {
    for (const [kind, map] of this.entries) for (const normalized of map.keys()) this.changed?.add(`${kind}\u0000${normalized}`);
    this.entries.clear();
    this.officialCache.clear();
  }

  /**
   * Starts recording which keys change (the range lookup's table follows them); every mutation goes
   * through entryFor, so it is recorded there.
   */
  trackChanges(): void {
    this.changed ??= new Set();
  }

  /** The keys changed since the previous call, as [kind, normalized]. */
  *drainChanged(): Generator<readonly [IdentifierKind, string]> {
    if (this.changed === null || this.changed.size === 0) return;
    const keys = [...this.changed];
    this.changed.clear();
    for (const key of keys) {
      const at = key.indexOf("\u0000");
      yield [key.slice(0, at) as IdentifierKind, key.slice(at + 1)];
    }
  }

  /** Every key with evidence, in no particular order. */
  forEachKey(visit: (kind: IdentifierKind, normalized: string) => void): void {
    for (const [kind, map] of this.entries) for (const normalized of map.keys()) visit(kind, normalized);
  }

  private entryFor(kind: IdentifierKind, normalized: string): Entry {
    this.changed?.add(`${kind}\u0000${normalized}`);
    const map = this.entriesOf(kind);
    let entry = map.get(normalized);
    if (!entry) {
      entry = newEntry();
      map.set(normalized, entry);
    }
    return entry;
  }

  /** Counts one report: its reporter once (latest time, highest trust), its mode, its dates. */
  applyReport(mark: ReportMark): void {
    const entry = this.entryFor(mark.kind, mark.normalized);
    entry.cached = null;
    entry.reports += 1;
    entry.reporters ??= new Map();
    const previous = entry.reporters.get(mark.reporterId);
    const next: ReporterMark = {
      weight: Math.max(previous?.weight ?? 0, trustOf(mark.role)),
      atMs: Math.max(previous?.atMs ?? -Infinity, mark.atMs),
    };
    if (previous) entry.evidence -= evidenceTerm(previous.weight, previous.atMs);
    entry.evidence = Math.max(0, entry.evidence + evidenceTerm(next.weight, next.atMs));
    entry.reporters.set(mark.reporterId, next);
    if (mark.mode) {
      entry.modes ??= new Map();
      entry.modes.set(mark.mode, (entry.modes.get(mark.mode) ?? 0) + 1);
    }
    entry.firstMs = Math.min(entry.firstMs, mark.atMs);
    entry.lastMs = Math.max(entry.lastMs, mark.atMs);
  }

  /**
   * Recounts a key's reports from `marks`, the reports still standing (a filer withdrew one). Imported
   * listings, the call flag and the centre's review are kept as they are.
   */
  replaceReports(kind: IdentifierKind, normalized: string, marks: readonly ReportMark[]): void {
    const entry = this.entryFor(kind, normalized);
    entry.cached = null;
    for (const reporter of entry.reporters?.values() ?? []) entry.evidence -= evidenceTerm(reporter.weight, reporter.atMs);
    entry.evidence = Math.max(0, entry.evidence);
    entry.reports = 0;
    entry.reporters = null;
    entry.modes = null;
    entry.firstMs = Infinity;
    entry.lastMs = -Infinity;
    for (const source of entry.sources?.values() ?? []) {
      entry.firstMs = Math.min(entry.firstMs, source.firstSeenMs ?? source.importedAtMs);
      entry.lastMs = Math.max(entry.lastMs, source.lastSeenMs ?? source.importedAtMs);
    }
    if (entry.callFlag) {
      entry.firstMs = Math.min(entry.firstMs, Date.parse(entry.callFlag.flag.window.start));
      entry.lastMs = Math.max(entry.lastMs, Date.parse(entry.callFlag.flag.window.end));
    }
    for (const mark of marks) this.applyReport(mark);
  }

  /** Records (or replaces) one imported source's listing of an identifier. */
  applySource(mark: SourceMark): void {
    const entry = this.entryFor(mark.kind, mark.normalized);
    entry.cached = null;
    entry.sources ??= new Map();
    const previous = entry.sources.get(mark.source);
    if (previous) entry.evidence -= evidenceTerm(IMPORT_TRUST, previous.importedAtMs);
    entry.evidence = Math.max(0, entry.evidence + evidenceTerm(IMPORT_TRUST, mark.importedAtMs));
    entry.sources.set(mark.source, mark);
    const first = mark.firstSeenMs ?? mark.importedAtMs;
    const last = mark.lastSeenMs ?? mark.importedAtMs;
    entry.firstMs = Math.min(entry.firstMs, first);
    entry.lastMs = Math.max(entry.lastMs, last);
  }

  /**
   * Applies a review event's outcome: a confirmation makes the identifier `scam` until withdrawn; a
   * withdrawal returns it to its crowd level. Callers apply review events in order (the sync walks seq).
   */
  applyReview(mark: ReviewMark): void {
    const entry = this.entryFor(mark.kind, mark.normalized);
    entry.cached = null;
    if (mark.status === "confirmed") {
      entry.confirmation = { atMs: mark.atMs, caseId: mark.caseId };
    } else {
      if (entry.confirmation !== null) entry.withdrawnAtMs = mark.atMs;
      entry.confirmation = null;
    }
  }

  /**
   * Sets (a raise) or removes (a clear, `null`) the calling-pattern flag of a phone number. A flag counts
   * like one imported list: a signal that makes a number `suspicious` at most on its own.
   */
  applyCallFlag(normalized: string, mark: CallFlagMark | null): void {
    const entry = this.entryFor("phone", normalized);
    entry.cached = null;
    if (entry.callFlag) entry.evidence -= evidenceTerm(IMPORT_TRUST, entry.callFlag.raisedAtMs);
    entry.callFlag = mark;
    if (mark) {
      entry.evidence += evidenceTerm(IMPORT_TRUST, mark.raisedAtMs);
      entry.firstMs = Math.min(entry.firstMs, Date.parse(mark.flag.window.start));
      entry.lastMs = Math.max(entry.lastMs, Date.parse(mark.flag.window.end));
    }
    entry.evidence = Math.max(0, entry.evidence);
  }

  /** True when the index holds any evidence for the key (used by fast paths). */
  has(kind: IdentifierKind, normalized: string): boolean {
    return this.entries.get(kind)?.has(normalized) ?? false;
  }

  /**
   * The lookup answer for an identifier already normalised.
   * @example index.answer("phone", "95588", "95588", Date.now()).verdict // "official"
   */
  answer(kind: IdentifierKind, value: string, normalized: string, nowMs: number): LookupResult {
    const cached = this.cachedAnswer(kind, normalized, nowMs);
    if (cached === null) return unknownAnswer(kind, value, normalized);
    return { ...cached.result, value };
  }

  /**
   * The same answer as JSON text, for HTTP: concatenation of cached parts around the quoted `value`.
   * @example JSON.parse(index.answerJson("phone", "95588", "95588", Date.now())).verdict // "official"
   */
  answerJson(kind: IdentifierKind, value: string, normalized: string, nowMs: number): string {
    const cached = this.cachedAnswer(kind, normalized, nowMs);
    if (cached === null) return `{"kind":"${kind}","value":${JSON.stringify(value)},"normalized":${JSON.stringify(normalized)}${UNKNOWN_TAIL}`;
    return cached.jsonHead + JSON.stringify(value) + cached.jsonTail;
  }

  /**
   * The answer's shared parts without the caller's spelling (`value` is ""), not copied: for the compact
   * batch form, which reads a few fields. null means unknown, no reports.
   */
  evidence(kind: IdentifierKind, normalized: string, nowMs: number): LookupResult | null {
    return this.cachedAnswer(kind, normalized, nowMs)?.result ?? null;
  }

  /** The presented answer for a key with evidence or an official owner; null means "unknown, no reports". */
  private cachedAnswer(kind: IdentifierKind, normalized: string, nowMs: number): CachedAnswer | null {
    const entry = this.entries.get(kind)?.get(normalized);
    if (entry?.cached && nowMs - entry.cached.atMs < ANSWER_TTL_MS) return entry.cached;
    if (entry === undefined) {
      const official = this.officialCache.get(kind)?.get(normalized);
      if (official) return official;
    }
    const institution = this.official(kind, normalized);
    if (institution) {
      const answer = cache(officialAnswer(kind, "", normalized, institution, entry), nowMs);
      if (entry) entry.cached = answer;
      else {
        const byKind = this.officialCache.get(kind) ?? new Map<string, CachedAnswer>();
        this.officialCache.set(kind, byKind.set(normalized, answer));
      }
      return answer;
    }
    if (entry === undefined) return kind === "url" ? this.viaDomain(normalized, nowMs) : null;
    entry.cached = cache(evidenceAnswer(kind, normalized, entry, nowMs), nowMs);
    return entry.cached;
  }
  /** A URL's answer from its registrable domain's evidence (not cached: URLs are unbounded). */
  private viaDomain(url: string, nowMs: number): CachedAnswer | null {
    const domain = this.domainOf(url);
    if (domain === null || !this.has("domain", domain)) return null;
    const parent = this.cachedAnswer("domain", domain, nowMs);
    if (parent === null || parent.result.verdict === "unknown") return null;
    const result: LookupResult = {
      ...parent.result,
      kind: "url",
      normalized: url,
      reasons: [`no reports of this URL; its domain ${domain} is ${parent.result.verdict}:`, ...parent.result.reasons],
    };
    return cache(result, nowMs);
  }

}

function unknownAnswer(kind: IdentifierKind, value: string, normalized: string): LookupResult {
  return {
    kind,
    value,
    normalized,
    verdict: "unknown",
    score: 0,
    distinctReporters: 0,
    reports: 0,
    modes: EMPTY,
    firstSeen: null,
    lastSeen: null,
    sources: EMPTY,
    institution: null,
    confirmation: null,
    reasons: NO_REPORTS,
  };
}

function evidenceAnswer(kind: IdentifierKind, normalized: string, entry: Entry, nowMs: number): LookupResult {
  const value = "";
  const distinct = entry.reporters?.size ?? 0;
  const score = scoreOf(evidenceAt(entry.evidence, nowMs));
  const confirmation = entry.confirmation;
  const verdict = verdictOf(score, confirmation !== null);
  const modes = rankModes(entry.modes);
  const sources = sourcesOf(entry.sources);
  const flag = entry.callFlag?.flag ?? null;
  const reasons: string[] = [];
  if (confirmation !== null) {
    reasons.push(
      confirmation.caseId === null
        ? `confirmed as a scam by the anti-fraud centre on ${day(confirmation.atMs)}`
        : `confirmed as a scam by the anti-fraud centre on ${day(confirmation.atMs)} (case ${confirmation.caseId})`,
    );
  }
  if (distinct > 0) {
    // Distinct reporters first: one key sending 667 reports is one reporter, not 667.
    reasons.push(
      `${distinct} distinct reporter${distinct === 1 ? "" : "s"} (${entry.reports} report${entry.reports === 1 ? "" : "s"}), last on ${day(entry.lastMs)}`,
    );
    if (modes[0]) reasons.push(`most reported as: ${FRAUD_MODES.names[modes[0]].en}`);
  }
  for (const source of sources) {
    const label = SOURCE_LABELS[source.source] ?? "an imported public list";
    const span = source.firstSeen && source.lastSeen ? `, ${source.firstSeen.slice(0, 10)} to ${source.lastSeen.slice(0, 10)}` : "";
    reasons.push(
      `listed by ${source.source} (${label}): ${source.reports} ${source.reports === 1 ? "listing" : "complaints"}${span}; a complaint is not a verdict`,
    );
  }
  if (flag) {
    const why = flag.reasons.slice(0, 4).join("; ");
    reasons.push(
      `call records show a ${flag.kind === "scam_like" ? "scam-like" : "harassing"} calling pattern in the 24 h from ${flag.window.start.slice(0, 16)}Z: ${why}; a calling pattern is a signal, not a verdict`,
    );
    sources.push({ source: CALL_FLAG_SOURCE, reports: 1, firstSeen: flag.window.start, lastSeen: flag.window.end });
  }
  if (confirmation === null && distinct === 0 && sources.length > 0)
    reasons.push(flag ? "only signals (imported lists, call patterns) mention it: suspicious at most" : "only imported public lists mention it: suspicious at most");
  else if (confirmation === null && verdict === "suspicious") {
    reasons.push("not confirmed by the anti-fraud centre: reports and lists alone make it suspicious, never a confirmed scam");
  }
  if (confirmation === null && entry.withdrawnAtMs !== null) {
    reasons.push(`a confirmation was withdrawn on ${day(entry.withdrawnAtMs)} after review`);
  }
  if (verdict === "unknown" && (distinct > 0 || sources.length > 0)) reasons.push("the evidence has decayed (half-life 90 days)");
  if (reasons.length === 0) reasons.push("no reports");
  return {
    kind,
    value,
    normalized,
    verdict,
    score: Math.round(score * 1000) / 1000,
    distinctReporters: distinct,
    reports: entry.reports,
    modes,
    firstSeen: iso(entry.firstMs),
    lastSeen: iso(entry.lastMs),
    sources,
    institution: null,
    confirmation: confirmation === null ? null : { confirmedAt: new Date(confirmation.atMs).toISOString(), caseId: confirmation.caseId },
    reasons,
  };
}

function officialAnswer(
  kind: IdentifierKind,
  value: string,
  normalized: string,
  institution: { id: string; label: string },
  entry: Entry | undefined,
): LookupResult {
  const reasons = [`official contact of ${institution.label} in the directory`];
  if (entry && entry.reports > 0) {
    const distinct = entry.reporters?.size ?? 0;
    reasons.push(
      `${distinct} distinct reporter${distinct === 1 ? "" : "s"} (${entry.reports} report${entry.reports === 1 ? "" : "s"}) against it are ignored: scammers spoof official numbers, so hang up and call it back yourself`,
    );
  }
  return {
    kind,
    value,
    normalized,
    verdict: "official",
    score: 0,
    distinctReporters: entry?.reporters?.size ?? 0,
    reports: entry?.reports ?? 0,
    modes: [],
    firstSeen: null,
    lastSeen: null,
    sources: [],
    institution: institution.id,
    confirmation: null,
    reasons,
  };
}

function rankModes(modes: Map<FraudMode, number> | null): FraudMode[] {
  if (!modes) return [];
  return [...modes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([mode]) => mode);
}

function sourcesOf(sources: Map<string, SourceMark> | null): LookupSource[] {
  if (!sources) return [];
  return [...sources.values()]
    .sort((a, b) => (a.source < b.source ? -1 : 1))
    .map((s) => ({
      source: s.source,
      reports: s.reports,
      firstSeen: iso(s.firstSeenMs),
      lastSeen: iso(s.lastSeenMs),
    }));
}
