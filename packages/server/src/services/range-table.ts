/**
 * The compact, immutable table behind the private range lookup: every listed identifier as 16 hash bytes
 * plus three small numbers, in typed arrays sorted by hash, with one offset per 20-bit prefix. At 10
 * million identifiers that is ~230 MB in a handful of ArrayBuffers (no per-entry JS objects for the
 * garbage collector to walk), and a prefix is found in O(1): `offsets[p] .. offsets[p + 1]`.
 *
 * Built by counting sort on the prefix (O(n)), then an insertion sort inside each bucket (~10 entries at
 * 10^7), so building 10 million rows takes seconds, not the minutes of a comparison sort over objects.
 */

/** Bytes of SHA-256 kept per identifier (RANGE_HASH_HEX_CHARS / 2). */
export const HASH_BYTES = 16;
/** Distinct 5-hex-character prefixes. */
export const PREFIXES = 1 << 20;
/** Verdict codes as stored; the index of each is its code. */
export const RANGE_VERDICTS = ["official", "suspicious", "scam"] as const;
export type RangeVerdict = (typeof RANGE_VERDICTS)[number];
/** Largest stored reporter count (Uint16). */
export const MAX_REPORTERS = 0xffff;
/** `day` value meaning "no date" (official contacts). */
export const NO_DAY = 0;

/** The 20-bit prefix of a hash stored at `offset` in `bytes`. */
export const prefixOf = (bytes: Uint8Array, offset: number): number =>
  ((bytes[offset] as number) << 12) | ((bytes[offset + 1] as number) << 4) | ((bytes[offset + 2] as number) >> 4);

/** Days since 1970-01-01 (UTC) of a time in ms; what `day` stores. */
export const dayOf = (ms: number): number => Math.floor(ms / 86_400_000);

/** Collects rows, then sorts them into a RangeTable. Rows must have distinct hashes. */
export class RangeTableBuilder {
  private hashes: Uint8Array;
  private verdicts: Uint8Array;
  private reporters: Uint16Array;
  private days: Uint16Array;
  private n = 0;

  constructor(capacity = 1024) {
    const c = Math.max(16, capacity);
    this.hashes = new Uint8Array(c * HASH_BYTES);
    this.verdicts = new Uint8Array(c);
    this.reporters = new Uint16Array(c);
    this.days = new Uint16Array(c);
  }

  get size(): number {
    return this.n;
  }

  /**
   * Adds one row. `hash` holds at least HASH_BYTES bytes from `offset`; `verdict` a RANGE_VERDICTS code;
   * `day` from dayOf() or NO_DAY.
   */
  add(hash: Uint8Array, offset: number, verdict: number, reporters: number, day: number): void {
    if (this.n === this.verdicts.length) this.grow();
    this.hashes.set(hash.subarray(offset, offset + HASH_BYTES), this.n * HASH_BYTES);
    this.verdicts[this.n] = verdict;
    this.reporters[this.n] = Math.min(reporters, MAX_REPORTERS);
    this.days[this.n] = day;
    this.n++;
  }

  private grow(): void {
    const c = this.verdicts.length * 2;
    const hashes = new Uint8Array(c * HASH_BYTES);
    hashes.set(this.hashes);
    const verdicts = new Uint8Array(c);
    verdicts.set(this.verdicts);
    const reporters = new Uint16Array(c);
    reporters.set(this.reporters);
    const days = new Uint16Array(c);
    days.set(this.days);
    Object.assign(this, { hashes, verdicts, reporters, days });
  }

  /** Sorts the rows by hash into a table; the builder must not be used afterwards. */
  build(): RangeTable {
    const n = this.n;
    const offsets = new Uint32Array(PREFIXES + 1);
    for (let i = 0; i < n; i++) {
      const slot = prefixOf(this.hashes, i * HASH_BYTES) + 1;
      offsets[slot] = (offsets[slot] as number) + 1;
    }
    for (let p = 0; p < PREFIXES; p++) offsets[p + 1] = (offsets[p + 1] as number) + (offsets[p] as number);
    // Scatter each row to the next free slot of its bucket.
    const next = offsets.slice(0, PREFIXES);
    const hashes = new Uint8Array(n * HASH_BYTES);
    const verdicts = new Uint8Array(n);
    const reporters = new Uint16Array(n);
    const days = new Uint16Array(n);
    for (let i = 0; i < n; i++) {
      const p = prefixOf(this.hashes, i * HASH_BYTES);
      const j = (next[p] as number);
      next[p] = j + 1;
      hashes.set(this.hashes.subarray(i * HASH_BYTES, (i + 1) * HASH_BYTES), j * HASH_BYTES);
      verdicts[j] = this.verdicts[i] as number;
      reporters[j] = this.reporters[i] as number;
      days[j] = this.days[i] as number;
    }
    const table = new RangeTable(offsets, hashes, verdicts, reporters, days);
    for (let p = 0; p < PREFIXES; p++) {
      if ((offsets[p + 1] as number) - (offsets[p] as number) > 1) table.sortBucket(offsets[p] as number, offsets[p + 1] as number);
    }
    return table;
  }
}

/** The sorted table; read-only once built. */
export class RangeTable {
  /** Rows of the fullest bucket (sets the padding of answers). */
  readonly maxBucket: number;

  constructor(
    readonly offsets: Uint32Array,
    readonly hashes: Uint8Array,
    readonly verdicts: Uint8Array,
    readonly reporters: Uint16Array,
    readonly days: Uint16Array,
  ) {
    let max = 0;
    for (let p = 0; p < PREFIXES; p++) max = Math.max(max, (offsets[p + 1] as number) - (offsets[p] as number));
    this.maxBucket = max;
  }

  static empty(): RangeTable {
    return new RangeTableBuilder(16).build();
  }

  get size(): number {
    return this.verdicts.length;
  }

  /** First row of the prefix's bucket. */
  start(prefix: number): number {
    return this.offsets[prefix] as number;
  }

  /** One past the last row of the prefix's bucket. */
  end(prefix: number): number {
    return this.offsets[prefix + 1] as number;
  }

  /** Row `i`'s hash as 32 lower-case hex characters. */
  hashHex(i: number): string {
    return hexOf(this.hashes, i * HASH_BYTES);
  }

  /** Insertion sort of rows [from, to) by hash bytes (buckets are small). */
  sortBucket(from: number, to: number): void {
    const h = this.hashes;
    const tmp = new Uint8Array(HASH_BYTES);
    for (let i = from + 1; i < to; i++) {
      tmp.set(h.subarray(i * HASH_BYTES, (i + 1) * HASH_BYTES));
      const v = this.verdicts[i] as number;
      const r = this.reporters[i] as number;
      const d = this.days[i] as number;
      let j = i - 1;
      while (j >= from && compareHash(h, j * HASH_BYTES, tmp, 0) > 0) {
        h.copyWithin((j + 1) * HASH_BYTES, j * HASH_BYTES, (j + 1) * HASH_BYTES);
        this.verdicts[j + 1] = this.verdicts[j] as number;
        this.reporters[j + 1] = this.reporters[j] as number;
        this.days[j + 1] = this.days[j] as number;
        j--;
      }
      h.set(tmp, (j + 1) * HASH_BYTES);
      this.verdicts[j + 1] = v;
      this.reporters[j + 1] = r;
      this.days[j + 1] = d;
    }
  }
}

function compareHash(a: Uint8Array, ao: number, b: Uint8Array, bo: number): number {
  for (let k = 0; k < HASH_BYTES; k++) {
    const d = (a[ao + k] as number) - (b[bo + k] as number);
    if (d !== 0) return d;
  }
  return 0;
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));

/** HASH_BYTES bytes from `offset` as lower-case hex. */
export function hexOf(bytes: Uint8Array, offset: number): string {
  let s = "";
  for (let k = 0; k < HASH_BYTES; k++) s += HEX[bytes[offset + k] as number];
  return s;
}

/** 32 hex characters → HASH_BYTES bytes written into `out` at `offset`. */
export function hexInto(hex: string, out: Uint8Array, offset: number): void {
  for (let k = 0; k < HASH_BYTES; k++) out[offset + k] = Number.parseInt(hex.slice(2 * k, 2 * k + 2), 16);
}
