/**
 * The distinct callees of one caller: an exact set of callee hashes while there are at most K of them,
 * then the K smallest hashes (a bottom-k sample) plus a HyperLogLog of all of them. Both parts depend
 * only on the SET of callees seen, never on arrival order, which is what lets several workers build the
 * same state in Redis from batches in any order (see scale/redis-script.ts, which mirrors this exactly).
 *
 * The sample doubles as a uniform sample of callees for reciprocity (did they call back?).
 */
import { hllCount } from "./hll.js";

/** Exact up to this many distinct callees; the sample size after that. */
export const SAMPLE_K = 64;

/**
 * Inserts `hash` into the ascending `sample[0..len)`; returns the new length, or -1 when it was already
 * there (a repeat contact). When `len === SAMPLE_K` the largest is dropped if `hash` is smaller.
 * The sample starts at `base`; caller guarantees room for `min(len + 1, SAMPLE_K)` entries there.
 */
export function sampleInsert(sample: Uint32Array, len: number, hash: number, base = 0): number {
  let lo = base;
  let hi = base + len;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sample[mid] as number;
    if (v < hash) lo = mid + 1;
    else if (v > hash) hi = mid;
    else return -1;
  }
  if (len === SAMPLE_K) {
    if (lo === base + SAMPLE_K) return len;
    for (let i = base + SAMPLE_K - 1; i > lo; i--) sample[i] = sample[i - 1] as number;
    sample[lo] = hash;
    return len;
  }
  for (let i = base + len; i > lo; i--) sample[i] = sample[i - 1] as number;
  sample[lo] = hash;
  return len + 1;
}

/** Distinct callees: exact while no HyperLogLog was needed. */
export function distinctOf(sampleLen: number, hll: Uint8Array | null): number {
  return hll === null ? sampleLen : hllCount(hll);
}

/** True when `hash` is in the ascending `sample[0..len)`. */
export function sampleHas(sample: Uint32Array, len: number, hash: number, base = 0): boolean {
  let lo = base;
  let hi = base + len;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sample[mid] as number;
    if (v < hash) lo = mid + 1;
    else if (v > hash) hi = mid;
    else return true;
  }
  return false;
}
