/**
 * The private range lookup, server side: a RangeTable (compact, sorted by hash) plus an overlay of the
 * identifiers changed since it was built, answering `GET /v1/lookup/range/{prefix}` as JSON text with an
 * ETag. The server only ever sees the prefix.
 *
 * Padding: every answer carries at least `pad` entries — the real ones plus decoys — where `pad` is the
 * fullest bucket's size rounded up to a power of two (MIN_PAD to MAX_PAD), so an answer's length says
 * nothing about how many identifiers of that prefix are known. Decoys look exactly like entries: a
 * suffix of random hex, and the verdict, reporter count and day copied from a real row picked at random.
 * They come from AES-256-CTR under a server secret, keyed by the prefix: the same prefix gets the same
 * decoys (so ETags and caches work), and no client can compute them.
 *
 * Freshness: the source's changes are drained into the overlay before every answer (O(changes)); the
 * overlay is merged into a new table when it grows past OVERLAY_MERGE_ROWS (or an eighth of the table);
 * once a UTC day the table is rebuilt from the source so that decayed evidence leaves the list.
 */
import { type Cipher, createCipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import { RANGE_PREFIX_CHARS } from "@scamguard/contracts";
import {
  dayOf,
  HASH_BYTES,
  hexInto,
  hexOf,
  NO_DAY,
  RANGE_VERDICTS,
  RangeTable,
  RangeTableBuilder,
  type RangeVerdict,
} from "./range-table.js";

/** Fewest entries an answer carries. */
export const MIN_PAD = 16;
/** Most entries decoys pad to; a bucket fuller than this (never at 10^7 random hashes) answers its real size. */
export const MAX_PAD = 256;
/** Overlay rows that trigger a merge into a new table. */
export const OVERLAY_MERGE_ROWS = 4096;
/** Rendered answers kept (cleared wholesale when full, like the normalisation memo). */
export const ANSWER_CACHE_SIZE = 65_536;

/** One listed identifier as the range lookup shows it. */
export interface RangeRow {
  verdict: RangeVerdict;
  reporters: number;
  /** Time of the last report or listing (ms), null for official contacts. */
  lastMs: number | null;
}

/**
 * Where the rows come from (the in-memory reputation index): every listed key, the row of one key now,
 * and the keys changed since the last call.
 */
export interface RangeSource {
  forEachKey(visit: (kind: string, normalized: string) => void): void;
  rowOf(kind: string, normalized: string, nowMs: number): RangeRow | null;
  drainChanged(): Iterable<readonly [kind: string, normalized: string]>;
  /** Hash (32 hex) of a normalised key: detect's normalizedHash, the function clients use. */
  hashOf(kind: string, normalized: string): string;
}

/** One rendered answer. */
export interface RangeAnswer {
  body: string;
  /** Strong ETag (quoted) of `body`. */
  etag: string;
}

interface OverlayRow {
  hash: string;
  verdict: number;
  reporters: number;
  day: number;
}

interface Shown {
  suffix: string;
  verdict: number;
  reporters: number;
  day: number;
}

const VERDICT_CODE: Record<RangeVerdict, number> = { official: 0, suspicious: 1, scam: 2 };
const PREFIX_BITS_MASK = 0xfffff;
/** Keystream per decoy: two AES blocks (16 hash bytes, 4 template bytes, 12 unused). */
const DECOY_BYTES = 32;

const isoDays = new Map<number, string>();
const isoDay = (day: number): string => {
  let s = isoDays.get(day);
  if (s === undefined) {
    s = new Date(day * 86_400_000).toISOString().slice(0, 10);
    if (isoDays.size > 10_000) isoDays.clear();
    isoDays.set(day, s);
  }
  return s;
};

/** Padding for a table whose fullest bucket holds `maxBucket` rows. */
export function padFor(maxBucket: number): number {
  let pad = MIN_PAD;
  while (pad < maxBucket && pad < MAX_PAD) pad *= 2;
  return pad;
}

export class RangeIndex {
  private table: RangeTable = RangeTable.empty();
  private pad = MIN_PAD;
  private builtDay = -1;
  /** Hash → row (null: no longer listed) for keys changed since the table was built. */
  private readonly overlay = new Map<string, OverlayRow | null>();
  private readonly overlayByPrefix = new Map<number, Set<string>>();
  private readonly cache = new Map<number, RangeAnswer>();
  /** AES-256 in ECB over counter blocks (prefix, k): exactly the CTR keystream, from one reusable cipher. */
  private readonly decoyCipher: Cipher;

  /**
   * @param source the reputation index (null: a fixed table, as in the benchmark)
   * @param secret decoy secret (RANGE_DECOY_SECRET); null draws one per process
   */
  constructor(
    private readonly source: RangeSource | null,
    secret: string | null,
  ) {
    const key = createHmac("sha256", secret ?? randomBytes(32)).update("scamguard range decoys v1").digest();
    this.decoyCipher = createCipheriv("aes-256-ecb", key, null).setAutoPadding(false);
  }

  /** A fixed index over a prebuilt table (benchmarks, tests). */
  static fromTable(table: RangeTable, secret: string | null): RangeIndex {
    const index = new RangeIndex(null, secret);
    index.install(table, -1);
    return index;
  }

  /** Identifiers listed (table and overlay). */
  get size(): number {
    let n = this.table.size;
    for (const [hash, row] of this.overlay) {
      const inTable = this.tableHas(hash);
      if (row !== null && !inTable) n++;
      else if (row === null && inTable) n--;
    }
    return n;
  }

  /** Entries every answer carries at least. */
  get padding(): number {
    return this.pad;
  }

  /**
   * The answer for a 5-hex-character prefix (lower case), cached until its bucket changes.
   * @example JSON.parse(index.answer("f13a0", Date.now()).body).entries.length >= MIN_PAD // true
   */
  answer(prefix: string, nowMs: number): RangeAnswer {
    this.refresh(nowMs);
    const p = Number.parseInt(prefix, 16);
    const cached = this.cache.get(p);
    if (cached !== undefined) return cached;
    const answer = this.render(p);
    if (this.cache.size >= ANSWER_CACHE_SIZE) this.cache.clear();
    this.cache.set(p, answer);
    return answer;
  }

  /** Rebuilds from the source when the day turned; applies the source's changes to the overlay. */
  refresh(nowMs: number): void {
    if (this.source === null) return;
    const today = dayOf(nowMs);
    if (today !== this.builtDay) {
      this.rebuild(nowMs);
      return;
    }
    for (const [kind, normalized] of this.source.drainChanged()) this.change(kind, normalized, nowMs);
    if (this.overlay.size > Math.max(OVERLAY_MERGE_ROWS, this.table.size / 8)) this.merge();
  }

  /** Rebuilds the whole table from the source (start-up, once a day). */
  rebuild(nowMs: number): void {
    if (this.source === null) return;
    const source = this.source;
    [...source.drainChanged()];
    const builder = new RangeTableBuilder(1024);
    const bytes = new Uint8Array(HASH_BYTES);
    const seen = new Set<string>();
    source.forEachKey((kind, normalized) => {
      const row = source.rowOf(kind, normalized, nowMs);
      if (row === null) return;
      const hash = source.hashOf(kind, normalized);
      if (seen.has(hash)) return;
      seen.add(hash);
      hexInto(hash, bytes, 0);
      builder.add(bytes, 0, VERDICT_CODE[row.verdict], row.reporters, row.lastMs === null ? NO_DAY : dayOf(row.lastMs));
    });
    this.install(builder.build(), dayOf(nowMs));
  }

  private install(table: RangeTable, day: number): void {
    this.table = table;
    this.pad = padFor(table.maxBucket);
    this.builtDay = day;
    this.overlay.clear();
    this.overlayByPrefix.clear();
    this.cache.clear();
  }

  private change(kind: string, normalized: string, nowMs: number): void {
    const source = this.source as RangeSource;
    const hash = source.hashOf(kind, normalized);
    const row = source.rowOf(kind, normalized, nowMs);
    const p = Number.parseInt(hash.slice(0, RANGE_PREFIX_CHARS), 16);
    this.overlay.set(hash, row === null ? null : { hash, verdict: VERDICT_CODE[row.verdict], reporters: row.reporters, day: row.lastMs === null ? NO_DAY : dayOf(row.lastMs) });
    let keys = this.overlayByPrefix.get(p);
    if (keys === undefined) {
      keys = new Set();
      this.overlayByPrefix.set(p, keys);
    }
    keys.add(hash);
    this.cache.delete(p);
  }

  /** Folds the overlay into a new table (no verdict is recomputed). */
  private merge(): void {
    const table = this.table;
    const builder = new RangeTableBuilder(table.size + this.overlay.size);
    for (let p = 0; p < 1 << 20; p++) {
      const touched = this.overlayByPrefix.get(p);
      for (let i = table.start(p); i < table.end(p); i++) {
        if (touched !== undefined && this.overlay.has(table.hashHex(i))) continue;
        builder.add(table.hashes, i * HASH_BYTES, table.verdicts[i] as number, table.reporters[i] as number, table.days[i] as number);
      }
    }
    const bytes = new Uint8Array(HASH_BYTES);
    for (const row of this.overlay.values()) {
      if (row === null) continue;
      hexInto(row.hash, bytes, 0);
      builder.add(bytes, 0, row.verdict, row.reporters, row.day);
    }
    this.install(builder.build(), this.builtDay);
  }

  private tableHas(hash: string): boolean {
    const p = Number.parseInt(hash.slice(0, RANGE_PREFIX_CHARS), 16);
    for (let i = this.table.start(p); i < this.table.end(p); i++) if (this.table.hashHex(i) === hash) return true;
    return false;
  }

  /** Renders one prefix's answer (uncached): real rows and decoys, sorted by suffix. */
  render(p: number): RangeAnswer {
    const prefix = (p & PREFIX_BITS_MASK).toString(16).padStart(RANGE_PREFIX_CHARS, "0");
    const shown: Shown[] = [];
    const touched = this.overlayByPrefix.get(p);
    const t = this.table;
    for (let i = t.start(p); i < t.end(p); i++) {
      const hash = t.hashHex(i);
      if (touched !== undefined && this.overlay.has(hash)) continue;
      shown.push({ suffix: hash.slice(RANGE_PREFIX_CHARS), verdict: t.verdicts[i] as number, reporters: t.reporters[i] as number, day: t.days[i] as number });
    }
    if (touched !== undefined) {
      for (const hash of touched) {
        const row = this.overlay.get(hash);
        if (row) shown.push({ suffix: hash.slice(RANGE_PREFIX_CHARS), verdict: row.verdict, reporters: row.reporters, day: row.day });
      }
    }
    this.addDecoys(p, shown);
    shown.sort((a, b) => (a.suffix < b.suffix ? -1 : a.suffix > b.suffix ? 1 : 0));
    let body = `{"prefix":"${prefix}","entries":[`;
    for (let k = 0; k < shown.length; k++) {
      const e = shown[k] as Shown;
      if (k > 0) body += ",";
      body += `{"suffix":"${e.suffix}","verdict":"${RANGE_VERDICTS[e.verdict]}","reporters":${e.reporters},"updated":${e.day === NO_DAY ? "null" : `"${isoDay(e.day)}"`}}`;
    }
    body += "]}";
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
    return { body, etag };
  }

  /**
   * Pads `shown` to `pad` entries. Decoy k is AES-256(key, block(prefix, 2k)) ‖ AES-256(key, block(prefix,
   * 2k + 1)): 16 hash bytes whose first 20 bits are then set to the prefix, and 4 bytes picking the row
   * whose verdict, reporters and day it copies.
   */
  private addDecoys(p: number, shown: Shown[]): void {
    const missing = this.pad - shown.length;
    if (missing <= 0) return;
    const counters = Buffer.alloc(missing * DECOY_BYTES);
    for (let block = 0; block < missing * 2; block++) {
      counters.writeUInt32BE(p, block * 16);
      counters.writeUInt32BE(block, block * 16 + 4);
    }
    const stream = this.decoyCipher.update(counters);
    const taken = new Set(shown.map((e) => e.suffix));
    const t = this.table;
    for (let k = 0; k < missing; k++) {
      const o = k * DECOY_BYTES;
      stream[o] = p >> 12;
      stream[o + 1] = (p >> 4) & 0xff;
      stream[o + 2] = ((p & 0xf) << 4) | ((stream[o + 2] as number) & 0xf);
      const suffix = hexOf(stream, o).slice(RANGE_PREFIX_CHARS);
      if (taken.has(suffix)) continue;
      const pick = stream.readUInt32BE(o + HASH_BYTES);
      if (t.size > 0) {
        const r = pick % t.size;
        shown.push({ suffix, verdict: t.verdicts[r] as number, reporters: t.reporters[r] as number, day: t.days[r] as number });
      } else {
        // Nothing to imitate yet: a plausible fresh single report.
        shown.push({ suffix, verdict: VERDICT_CODE.suspicious, reporters: 1 + (pick % 3), day: Math.max(1, this.builtDay - (pick % 90)) });
      }
    }
  }
}
