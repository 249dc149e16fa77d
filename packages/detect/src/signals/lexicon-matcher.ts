/**
 * Compiles lexicon entries once into an anchored scanner: every pattern's leading literal alternatives
 * go into a first-code-unit index, so one pass over the text tries only the patterns whose literal
 * starts at that position, and only those run their (sticky) regular expression. Several lexicons
 * (each with its own options) compile into ONE scanner, so a text is read once for all of them.
 */
import { anchorLiterals, requiredLiterals } from "./lexicon-literals.js";

export { anchorLiterals, leadingLiterals, requiredLiterals } from "./lexicon-literals.js";
import type { LexiconEntry } from "./lexicon-types.js";

/** A match in normalised coordinates. @example { entry: 0, start: 3, end: 7 } // entries[0] matched normalized.slice(3, 7) */
export interface LexiconHit {
  entry: number;
  start: number;
  end: number;
}

interface CompiledPattern {
  entry: number;
  set: number;
  re: RegExp;
  wordStart: boolean;
  negatable: boolean;
  /**
   * Atoms of literals every match contains beyond its anchor (see requiredLiterals), as ids into the
   * scanner's atom table: an atom shared by several patterns is checked once per text.
   */
  required: number[];
}

interface Anchor {
  literal: string;
  first: number;
  /** Second and third code units of the literal, or -1 where it is shorter (cheap pre-checks before startsWith). */
  second: number;
  third: number;
  pattern: number;
  /** 1 << set: tested against the scan's mask of enabled sets. */
  setBit: number;
  wordStart: boolean;
}

/** Options of {@link compileLexicon}. @example compileLexicon(entries, { wordStart: true, negators: "\\b(never|don't)\\b", negationWindow: 32 }) */
export interface CompileOptions {
  /** Require matches to start at a word start (ASCII letters/digits), for English. */
  wordStart?: boolean;
  /** Regex source of negators; see LexiconEntry.negatable. */
  negators?: string;
  /** How many characters before a match are searched for a negator. */
  negationWindow?: number;
}

/** A compiled lexicon: `scan(text)` returns every (entry, span) hit in text order. @example compileLexicon(zh.entries).scan(normalize("转到安全账户").normalized) */
export interface CompiledLexicon {
  entries: readonly LexiconEntry[];
  scan(text: string): LexiconHit[];
}

/** One lexicon of a {@link compileLexicons} scanner. @example { entries: zh.entries, options: { negators: zh.negators } } */
export interface LexiconSet {
  entries: readonly LexiconEntry[];
  options?: CompileOptions;
}

/**
 * Several lexicons compiled into one scanner: `scan(text, enabled)` reads the text once and returns the
 * hits of each set (entry indexes into that set), or null for a set not enabled.
 * @example compileLexicons([{ entries: zh.entries }, { entries: en.entries, options: { wordStart: true } }]).scan(text, 0b11)
 */
export interface CompiledLexicons {
  sets: readonly LexiconSet[];
  /** `enabled`: bit k set = scan set k (default: all). */
  scan(text: string, enabled?: number): (LexiconHit[] | null)[];
}

const BIGRAM_SLOTS = 1 << 16;
const bigramSlot = (a: number, b: number): number => (Math.imul(a, 0x9e3779b1) ^ b) & (BIGRAM_SLOTS - 1);
const trigramSlot = (a: number, b: number, c: number): number => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ c) & (BIGRAM_SLOTS - 1);

const isWordUnit = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
const CLAUSE_END = /[。!?;\n,]/g;

/** One bit per slot of a 65,536-slot table: 8 KB, small enough to stay in L1 while the 256 KB index does not. */
const newBitSet = (): Int32Array => new Int32Array(65536 >>> 5);
const setBit = (bits: Int32Array, k: number): void => {
  bits[k >>> 5] = bits[k >>> 5]! | (1 << (k & 31));
};
const hasBit = (bits: Int32Array, k: number): boolean => ((bits[k >>> 5]! >>> (k & 31)) & 1) === 1;

/** Most lexicons one scanner holds (one bit each in the enabled mask). */
const MAX_SETS = 30;
/** Atoms with more alternatives than this are not checked (the check would cost more than the regex). */
const MAX_REQUIRED_ALTERNATIVES = 48;

/**
 * Compile entries once; the result is reused for every text.
 * @example compileLexicon([{ id: "money:safe-account", family: "money", stage: "money", weight: 1, description: "", patterns: ["安全账户"] }]).scan("转到安全账户")
 */
export function compileLexicon(entries: readonly LexiconEntry[], options: CompileOptions = {}): CompiledLexicon {
  const compiled = compileLexicons([{ entries, options }]);
  return { entries, scan: (text) => compiled.scan(text, 1)[0]! };
}

/**
 * Compile several lexicons into one scanner (see {@link CompiledLexicons}); each keeps its own options.
 * @example compileLexicons([{ entries: zh.entries }, { entries: en.entries, options: { wordStart: true } }])
 */
export function compileLexicons(sets: readonly LexiconSet[]): CompiledLexicons {
  if (sets.length > MAX_SETS) throw new Error(`compileLexicons: at most ${MAX_SETS} sets`);
  const patterns: CompiledPattern[] = [];
  // Anchors of three or more characters are bucketed by a hash of their first three code units, two-character
  // anchors by a hash of the pair, one-character anchors by that unit, so a bucket holds (nearly) only
  // anchors whose start is all there: English anchors sharing two letters ("co…") no longer share one.
  // Bit sets in front of the indexes (first units of any anchor, occupied slots, one-character anchors)
  // answer "nothing starts here" for most positions from L1 cache: the 256 KB indexes are read only where
  // a bucket exists.
  const tripleIndex = new Int32Array(BIGRAM_SLOTS);
  const pairIndex = new Int32Array(BIGRAM_SLOTS);
  const singleIndex = new Int32Array(65536);
  const firstBits = newBitSet();
  const tripleBits = newBitSet();
  const pairBits = newBitSet();
  const singleBits = newBitSet();
  const buckets: Anchor[][] = [];
  const unanchored: number[] = [];
  // Required atoms, deduplicated: each as the presence keys of its alternatives (the first pair's slot, or
  // -1 - unit for a one-unit literal).
  const atoms: number[][] = [];
  const atomIds = new Map<string, number>();
  const atomId = (alternatives: string[]): number => {
    const key = alternatives.join("\u0000");
    let id = atomIds.get(key);
    if (id === undefined) {
      id = atoms.push(alternatives.map((l) => (l.length === 1 ? -1 - l.charCodeAt(0) : bigramSlot(l.charCodeAt(0), l.charCodeAt(1))))) - 1;
      atomIds.set(key, id);
    }
    return id;
  };
  const bucketOf = (index: Int32Array, slot: number): Anchor[] => {
    if (index[slot] === 0) {
      buckets.push([]);
      index[slot] = buckets.length;
    }
    return buckets[index[slot]! - 1]!;
  };
  sets.forEach(({ entries, options = {} }, set) => {
    const wordStart = options.wordStart ?? false;
    entries.forEach((entry, e) => {
      const negatable = entry.negatable ?? (entry.family === "channel" || entry.family === "credential" || entry.family === "money");
      for (const source of entry.patterns) {
        const p = patterns.length;
        // The first atom is (nearly always) the anchor, present wherever the pattern is tried.
        const required = requiredLiterals(source)
          .slice(1)
          .filter((atom) => atom.length <= MAX_REQUIRED_ALTERNATIVES && !atom.includes(""));
        patterns.push({ entry: e, set, re: new RegExp(source, "y"), wordStart, negatable, required: required.map(atomId) });
        const lits = anchorLiterals(source);
        if (lits === null || lits.some((l) => l === "")) {
          unanchored.push(p);
          continue;
        }
        for (const literal of new Set(lits)) {
          const first = literal.charCodeAt(0);
          const second = literal.length > 1 ? literal.charCodeAt(1) : -1;
          const third = literal.length > 2 ? literal.charCodeAt(2) : -1;
          setBit(firstBits, first);
          let bucket: Anchor[];
          if (second === -1) {
            setBit(singleBits, first);
            bucket = bucketOf(singleIndex, first);
          } else if (third === -1) {
            setBit(pairBits, bigramSlot(first, second));
            bucket = bucketOf(pairIndex, bigramSlot(first, second));
          } else {
            setBit(tripleBits, trigramSlot(first, second, third));
            bucket = bucketOf(tripleIndex, trigramSlot(first, second, third));
          }
          bucket.push({ literal, first, second, third, pattern: p, setBit: 1 << set, wordStart });
        }
      }
    });
  });
  const globals = unanchored.map((p) => ({ p, re: new RegExp(patterns[p]!.re.source, "g") }));
  const negators = sets.map(({ options = {} }) => (options.negators ? new RegExp(`(?:${options.negators})`) : null));
  const windows = sets.map(({ options = {} }) => options.negationWindow ?? 10);
  const allSets = sets.length === 0 ? 0 : 2 ** sets.length - 1;
  const tried = new Int32Array(patterns.length).fill(-1);
  let stamp = 0;
  // Code units and (hashed) pairs of code units present in the text being scanned; `viable[p]` caches,
  // for scan `scanId`, whether every required atom of pattern p has an alternative present (`atomPresent`
  // likewise per atom, which patterns share).
  const unitsPresent = newBitSet();
  const pairsPresent = newBitSet();
  const viableScan = new Int32Array(patterns.length).fill(-1);
  const viable = new Uint8Array(patterns.length);
  const atomScan = new Int32Array(atoms.length).fill(-1);
  const atomPresent = new Uint8Array(atoms.length);
  let scanId = 0;
  const isPresent = (atom: number): boolean => {
    if (atomScan[atom] === scanId) return atomPresent[atom] === 1;
    let ok = false;
    for (const key of atoms[atom]!) {
      if (key < 0 ? hasBit(unitsPresent, -1 - key) : hasBit(pairsPresent, key)) {
        ok = true;
        break;
      }
    }
    atomScan[atom] = scanId;
    atomPresent[atom] = ok ? 1 : 0;
    return ok;
  };
  const isViable = (p: number): boolean => {
    if (viableScan[p] === scanId) return viable[p] === 1;
    let ok = true;
    for (const atom of patterns[p]!.required) {
      if (!isPresent(atom)) {
        ok = false;
        break;
      }
    }
    viableScan[p] = scanId;
    viable[p] = ok ? 1 : 0;
    return ok;
  };

  const negated = (text: string, set: number, start: number): boolean => {
    const negator = negators[set];
    if (negator === null || negator === undefined) return false;
    let from = Math.max(0, start - windows[set]!);
    const before = text.slice(from, start);
    CLAUSE_END.lastIndex = 0;
    let cut = -1;
    for (let m = CLAUSE_END.exec(before); m !== null; m = CLAUSE_END.exec(before)) cut = m.index;
    from = cut + 1;
    return negator.test(before.slice(from));
  };

  /** Set (or clear again, touching only the words the text set) the presence bits of text[0, n). */
  const markPresent = (text: string, n: number, on: boolean): void => {
    let code = n > 0 ? text.charCodeAt(0) : 0;
    for (let i = 0; i < n; i++) {
      const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
      if (on) {
        setBit(unitsPresent, code);
        if (next >= 0) setBit(pairsPresent, bigramSlot(code, next));
      } else {
        unitsPresent[code >>> 5] = 0;
        if (next >= 0) pairsPresent[bigramSlot(code, next) >>> 5] = 0;
      }
      code = next;
    }
  };

  /** Hits per set, each hit tagged with its pattern (the tie-break of the final order). */
  let found: { hit: LexiconHit; pattern: number }[][] = [];

  const push = (text: string, p: number, start: number, end: number): void => {
    const pattern = patterns[p]!;
    if (pattern.negatable && negated(text, pattern.set, start)) return;
    found[pattern.set]!.push({ hit: { entry: pattern.entry, start, end }, pattern: p });
  };

  /** Run the patterns of one bucket whose literal starts at `i`; `base + i` stamps "already tried here". */
  const runBucket = (bucket: Anchor[], text: string, base: number, i: number, code: number, next: number, mask: number, prevWord: boolean): void => {
    // A bucket holds the literals sharing their first one, two or three units (up to hash collisions, which these checks reject).
    const third = text.charCodeAt(i + 2); // NaN past the end: no three-unit literal fits there
    for (let k = 0; k < bucket.length; k++) {
      const a = bucket[k]!;
      if (a.first !== code || (a.second !== -1 && a.second !== next) || (a.third !== -1 && a.third !== third)) continue;
      if ((a.setBit & mask) === 0 || (a.wordStart && prevWord)) continue;
      // Up to three units the checks above compared the whole literal.
      if (tried[a.pattern] === base + i || (a.literal.length > 3 && !text.startsWith(a.literal, i))) continue;
      tried[a.pattern] = base + i;
      if (!isViable(a.pattern)) continue;
      const re = patterns[a.pattern]!.re;
      re.lastIndex = i;
      // test() on a sticky regex leaves the match end in lastIndex: no match array, no capture strings.
      if (re.test(text) && re.lastIndex > i) push(text, a.pattern, i, re.lastIndex);
    }
  };

  return {
    sets,
    scan(text: string, enabled = allSets): (LexiconHit[] | null)[] {
      const mask = enabled & allSets;
      found = sets.map(() => []);
      // tried[p] === stamp + i: pattern p already ran at position i in this scan (no refill per scan).
      if (stamp + text.length + 1 > 0x7fffffff) {
        tried.fill(-1);
        stamp = 0;
      }
      const base = stamp;
      stamp += text.length + 1;
      const n = mask === 0 ? 0 : text.length;
      scanId++;
      markPresent(text, n, true);
      // One read of each code unit: `code` is text[i], `next` text[i + 1] (-2 past the end), `prevWord`
      // whether text[i - 1] is a word unit (English anchors start at word starts only).
      let code = n > 0 ? text.charCodeAt(0) : 0;
      let prevWord = false;
      for (let i = 0; i < n; i++) {
        const next = i + 1 < n ? text.charCodeAt(i + 1) : -2;
        if (hasBit(firstBits, code)) {
          if (next >= 0) {
            const slot = bigramSlot(code, next);
            if (hasBit(pairBits, slot)) runBucket(buckets[pairIndex[slot]! - 1]!, text, base, i, code, next, mask, prevWord);
            const third = i + 2 < n ? text.charCodeAt(i + 2) : -1;
            if (third >= 0) {
              const slot3 = trigramSlot(code, next, third);
              if (hasBit(tripleBits, slot3)) runBucket(buckets[tripleIndex[slot3]! - 1]!, text, base, i, code, next, mask, prevWord);
            }
          }
          if (hasBit(singleBits, code)) runBucket(buckets[singleIndex[code]! - 1]!, text, base, i, code, next, mask, prevWord);
        }
        prevWord = isWordUnit(code);
        code = next;
      }
      markPresent(text, n, false);
      for (const { p, re } of globals) {
        const pattern = patterns[p]!;
        if (((1 << pattern.set) & mask) === 0) continue;
        re.lastIndex = 0;
        for (let m = re.exec(text); m !== null; m = re.exec(text)) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          if (pattern.wordStart && m.index > 0 && isWordUnit(text.charCodeAt(m.index - 1))) continue;
          push(text, p, m.index, m.index + m[0].length);
        }
      }
      return found.map((hits, set) => {
        if (((1 << set) & mask) === 0) return null;
        // Text order; at one position, entry order, then pattern order (independent of how patterns were anchored).
        hits.sort((x, y) => x.hit.start - y.hit.start || x.hit.entry - y.hit.entry || x.pattern - y.pattern);
        return hits.map((h) => h.hit);
      });
    },
  };
}
