/**
 * Compiles lexicon entries once into an anchored scanner: every pattern's leading literal alternatives
 * go into a first-code-unit index, so one pass over the text tries only the patterns whose literal
 * starts at that position, and only those run their (sticky) regular expression.
 */
import type { LexiconEntry } from "./lexicon-types.js";

/** A match in normalised coordinates. */
export interface LexiconHit {
  entry: number;
  start: number;
  end: number;
}

interface CompiledPattern {
  entry: number;
  re: RegExp;
}

interface Anchor {
  literal: string;
  pattern: number;
}

/** Options of {@link compileLexicon}. */
export interface CompileOptions {
  /** Require matches to start at a word start (ASCII letters/digits), for English. */
  wordStart?: boolean;
  /** Regex source of negators; see LexiconEntry.negatable. */
  negators?: string;
  /** How many characters before a match are searched for a negator. */
  negationWindow?: number;
}

/** A compiled lexicon: `scan(text)` returns every (entry, span) hit in text order. */
export interface CompiledLexicon {
  entries: readonly LexiconEntry[];
  scan(text: string): LexiconHit[];
}

const META = new Set("\\^$.|?*+()[]{}");
const QUANT = new Set("?*+{");

/** Split `s` on top-level `|` (outside groups and classes). */
function splitTopLevel(s: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === "\\") {
      cur += ch + (s[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === "(" || ch === "[") depth++;
    if (ch === ")" || ch === "]") depth--;
    if (ch === "|" && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

/**
 * Leading literal alternatives of a regex source, or null when it cannot be anchored.
 * @example leadingLiterals("(注销|关闭).{0,6}账户") // ["注销", "关闭"]
 * @example leadingLiterals("安全账户") // ["安全账户"]
 */
export function leadingLiterals(source: string): string[] | null {
  if (source.startsWith("(") && !source.startsWith("(?")) {
    let depth = 0;
    let close = -1;
    for (let i = 0; i < source.length; i++) {
      if (source[i] === "\\") {
        i++;
        continue;
      }
      if (source[i] === "(") depth++;
      if (source[i] === ")" && --depth === 0) {
        close = i;
        break;
      }
    }
    if (close < 0 || QUANT.has(source[close + 1] ?? "")) return null;
    const alts = splitTopLevel(source.slice(1, close));
    if (alts === null) return null;
    const lits: string[] = [];
    for (const alt of alts) {
      const lit = leadingLiterals(alt);
      if (lit === null) return null;
      lits.push(...lit);
    }
    return lits;
  }
  let lit = "";
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (META.has(ch)) {
      if (QUANT.has(ch)) lit = lit.slice(0, -1);
      break;
    }
    lit += ch;
  }
  return lit === "" ? null : [lit];
}

const isWordUnit = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
const CLAUSE_END = /[。!?;\n,]/g;

/**
 * Compile entries once; the result is reused for every text.
 * @example compileLexicon([{ id: "money:safe-account", family: "money", stage: "money", weight: 1, description: "", patterns: ["安全账户"] }]).scan("转到安全账户")
 */
export function compileLexicon(entries: readonly LexiconEntry[], options: CompileOptions = {}): CompiledLexicon {
  const patterns: CompiledPattern[] = [];
  const byFirst = new Map<number, Anchor[]>();
  const unanchored: number[] = [];
  entries.forEach((entry, e) => {
    for (const source of entry.patterns) {
      const p = patterns.length;
      patterns.push({ entry: e, re: new RegExp(source, "y") });
      const lits = leadingLiterals(source);
      if (lits === null || lits.some((l) => l === "")) {
        unanchored.push(p);
        continue;
      }
      for (const literal of new Set(lits)) {
        const code = literal.charCodeAt(0);
        let list = byFirst.get(code);
        if (!list) byFirst.set(code, (list = []));
        list.push({ literal, pattern: p });
      }
    }
  });
  const globals = new Map(unanchored.map((p) => [p, new RegExp(patterns[p]!.re.source, "g")]));
  const negatable = entries.map((e) => e.negatable ?? (e.family === "channel" || e.family === "credential" || e.family === "money"));
  const negator = options.negators ? new RegExp(`(?:${options.negators})`) : null;
  const window = options.negationWindow ?? 10;
  const wordStart = options.wordStart ?? false;

  const negated = (text: string, start: number): boolean => {
    if (negator === null) return false;
    let from = Math.max(0, start - window);
    const before = text.slice(from, start);
    CLAUSE_END.lastIndex = 0;
    let cut = -1;
    for (let m = CLAUSE_END.exec(before); m !== null; m = CLAUSE_END.exec(before)) cut = m.index;
    from = cut + 1;
    return negator.test(before.slice(from));
  };

  return {
    entries,
    scan(text: string): LexiconHit[] {
      const hits: LexiconHit[] = [];
      const tried = new Int32Array(patterns.length).fill(-1);
      const push = (p: number, start: number, end: number): void => {
        const entry = patterns[p]!.entry;
        if (negatable[entry] && negated(text, start)) return;
        hits.push({ entry, start, end });
      };
      for (let i = 0; i < text.length; i++) {
        const list = byFirst.get(text.charCodeAt(i));
        if (list === undefined) continue;
        if (wordStart && i > 0 && isWordUnit(text.charCodeAt(i - 1))) continue;
        for (const a of list) {
          if (tried[a.pattern] === i || !text.startsWith(a.literal, i)) continue;
          tried[a.pattern] = i;
          const re = patterns[a.pattern]!.re;
          re.lastIndex = i;
          const m = re.exec(text);
          if (m !== null && m[0].length > 0) push(a.pattern, i, i + m[0].length);
        }
      }
      for (const [p, re] of globals) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m !== null; m = re.exec(text)) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          if (wordStart && m.index > 0 && isWordUnit(text.charCodeAt(m.index - 1))) continue;
          push(p, m.index, m.index + m[0].length);
        }
      }
      hits.sort((x, y) => x.start - y.start || x.entry - y.entry);
      return hits;
    },
  };
}
