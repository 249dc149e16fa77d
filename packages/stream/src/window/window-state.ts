/**
 * The in-process state of one 24 h window: every caller's counters in growable typed arrays (struct of
 * arrays: ~200 bytes a caller instead of an object graph), callee samples inline for up to 8 callees and
 * in their own array beyond, HyperLogLogs only for callers past SAMPLE_K distinct callees, and the
 * window's pair Bloom filter for reciprocity. Order of arrival never matters (see bottom-k.ts).
 */
import { PairBloom } from "../sketch/bloom.js";
import { SAMPLE_K, sampleHas, sampleInsert } from "../sketch/bottom-k.js";
import { hllAdd, hllCount, newHll } from "../sketch/hll.js";
import { type CallerAggregate, SHORT_CALL_S } from "./caller-aggregate.js";

const INLINE = 8;

export class WindowState {
  readonly bloom = new PairBloom();
  private readonly index = new Map<string, number>();
  private names: string[] = [];
  private callerHash = new Uint32Array(1024);
  private calls = new Uint32Array(1024);
  private answered = new Uint32Array(1024);
  private shortAnswered = new Uint32Array(1024);
  private talk = new Float64Array(1024);
  private hours = new Uint32Array(1024 * 24);
  private sampleLen = new Uint8Array(1024);
  private inline = new Uint32Array(1024 * INLINE);
  private readonly big = new Map<number, Uint32Array>();
  private readonly hll = new Map<number, Uint8Array>();
  /** Calls added (for progress and memory figures). */
  totalCalls = 0;

  /** @param startMs the window's first instant (UTC ms) @param endMs its end, exclusive */
  constructor(
    readonly startMs: number,
    readonly endMs: number,
  ) {}

  get callers(): number {
    return this.names.length;
  }

  private grow(): void {
    const n = this.callerHash.length * 2;
    const growU32 = (a: Uint32Array, per = 1) => {
      const b = new Uint32Array(n * per);
      b.set(a);
      return b;
    };
    this.callerHash = growU32(this.callerHash);
    this.calls = growU32(this.calls);
    this.answered = growU32(this.answered);
    this.shortAnswered = growU32(this.shortAnswered);
    const talk = new Float64Array(n);
    talk.set(this.talk);
    this.talk = talk;
    this.hours = growU32(this.hours, 24);
    const len = new Uint8Array(n);
    len.set(this.sampleLen);
    this.sampleLen = len;
    this.inline = growU32(this.inline, INLINE);
  }

  private slot(caller: string, callerHash: number): number {
    let i = this.index.get(caller);
    if (i !== undefined) return i;
    i = this.names.length;
    if (i === this.callerHash.length) this.grow();
    // A parsed field is a slice of the whole input chunk: copy it so the chunk can be collected.
    const own = Buffer.from(caller, "latin1").toString("latin1");
    this.index.set(own, i);
    this.names.push(own);
    this.callerHash[i] = callerHash;
    return i;
  }

  /**
   * Adds one call. `hour` is the local hour (0–23) of its start; `durationS` 0 means unanswered.
   */
  add(caller: string, callerHash: number, calleeHash: number, hour: number, durationS: number): void {
    const i = this.slot(caller, callerHash);
    this.totalCalls++;
    this.calls[i] = (this.calls[i] as number) + 1;
    if (durationS > 0) {
      this.answered[i] = (this.answered[i] as number) + 1;
      if (durationS < SHORT_CALL_S) this.shortAnswered[i] = (this.shortAnswered[i] as number) + 1;
      this.talk[i] = (this.talk[i] as number) + Math.round(durationS); // whole seconds, as the Redis counters keep them
    }
    const h = i * 24 + hour;
    this.hours[h] = (this.hours[h] as number) + 1;
    this.bloom.add(callerHash, calleeHash);
    this.addCallee(i, calleeHash);
  }

  private addCallee(i: number, hash: number): void {
    const len = this.sampleLen[i] as number;
    if (len < INLINE) {
      const next = sampleInsert(this.inline, len, hash, i * INLINE);
      if (next !== -1) this.sampleLen[i] = next;
      return;
    }
    let sample = this.big.get(i);
    if (sample === undefined) {
      if (sampleHas(this.inline, len, hash, i * INLINE)) return;
      sample = new Uint32Array(SAMPLE_K);
      sample.set(this.inline.subarray(i * INLINE, i * INLINE + INLINE));
      this.big.set(i, sample);
    }
    const hll = this.hll.get(i);
    if (hll !== undefined) {
      hllAdd(hll, hash);
      sampleInsert(sample, len, hash);
      return;
    }
    if (len < SAMPLE_K) {
      const next = sampleInsert(sample, len, hash);
      if (next !== -1) this.sampleLen[i] = next;
      return;
    }
    // The (K+1)-th distinct callee: from now on a HyperLogLog counts, back-filled from the exact set.
    if (sampleHas(sample, len, hash)) return;
    const created = newHll();
    for (let k = 0; k < len; k++) hllAdd(created, sample[k] as number);
    hllAdd(created, hash);
    this.hll.set(i, created);
    sampleInsert(sample, len, hash);
  }

  /** Calls of a caller so far (0 when unseen). */
  callsOf(caller: string): number {
    const i = this.index.get(caller);
    return i === undefined ? 0 : (this.calls[i] as number);
  }

  /** Every caller with at least `minCalls` calls, as aggregates. */
  *aggregates(minCalls = 1): Generator<CallerAggregate> {
    for (let i = 0; i < this.names.length; i++) {
      if ((this.calls[i] as number) < minCalls) continue;
      yield this.aggregateAt(i);
    }
  }

  private aggregateAt(i: number): CallerAggregate {
    const len = this.sampleLen[i] as number;
    const sample = (this.big.get(i) ?? this.inline.subarray(i * INLINE, i * INLINE + INLINE)).slice(0, len);
    const hll = this.hll.get(i);
    return {
      caller: this.names[i] as string,
      callerHash: this.callerHash[i] as number,
      calls: this.calls[i] as number,
      answered: this.answered[i] as number,
      shortAnswered: this.shortAnswered[i] as number,
      talkSeconds: this.talk[i] as number,
      hours: this.hours.slice(i * 24, i * 24 + 24),
      sample,
      distinctCallees: hll === undefined ? len : hllCount(hll),
    };
  }

  /** Bytes held, for the memory-per-caller figure (typed arrays, sketches, Bloom filter; not the Map). */
  approximateBytes(): number {
    let bytes = this.bloom.bytes.byteLength;
    const n = this.names.length;
    bytes += n * (4 + 4 + 4 + 4 + 8 + 24 * 4 + 1 + INLINE * 4);
    bytes += this.big.size * SAMPLE_K * 4;
    bytes += this.hll.size * 2048;
    return bytes;
  }
}
