/**
 * A Bloom filter of directed call pairs (caller → callee) for one window: "did B ever call A?" answers
 * reciprocity (do callees call back?) without keeping every pair. Set-only, so adding a pair twice (an
 * at-least-once redelivery) changes nothing; the scaled-out workers set the same bit offsets in Redis
 * with BITFIELD, so both paths answer alike.
 *
 * Blocked: a pair's 3 bits lie in one 512-bit block (one cache line), so an update costs one cache miss
 * instead of three. 2^26 bits (8 MiB): false positives ≈ 10⁻³ at 2 million distinct pairs.
 */
import { pairHash, pairHash2 } from "./hash.js";

export const BLOOM_BITS_LOG2 = 26;
export const BLOOM_PROBES = 3;
const BLOCK_BITS_LOG2 = 9;
const BLOCK_MASK = (1 << (BLOOM_BITS_LOG2 - BLOCK_BITS_LOG2)) - 1;

/** The bit offset of probe `i` (0..BLOOM_PROBES-1) of a pair, from the two pair hashes. */
function offset(h1: number, h2: number, i: number): number {
  const block = (h1 & BLOCK_MASK) << BLOCK_BITS_LOG2;
  return block + ((h2 >>> (i * BLOCK_BITS_LOG2)) & ((1 << BLOCK_BITS_LOG2) - 1));
}

/** The bit offsets of the pair caller → callee (Redis bitmap offsets). */
export function bloomOffsets(callerHash: number, calleeHash: number, out: number[] = []): number[] {
  const h1 = pairHash(callerHash, calleeHash);
  const h2 = pairHash2(callerHash, calleeHash);
  out.length = 0;
  for (let i = 0; i < BLOOM_PROBES; i++) out.push(offset(h1, h2, i));
  return out;
}

/**
 * Bits are laid out as Redis lays out a bitmap (offset 0 = the most significant bit of byte 0), so the
 * bytes of the shared filter (`GET` of the Redis key) load straight into this class.
 */
export class PairBloom {
  readonly bytes: Uint8Array;
  constructor(bytes?: Uint8Array) {
    const size = (1 << BLOOM_BITS_LOG2) >>> 3;
    if (bytes && bytes.length >= size) this.bytes = bytes;
    else {
      // Redis stores a bitmap only up to its highest set byte: pad what came back.
      this.bytes = new Uint8Array(size);
      if (bytes) this.bytes.set(bytes);
    }
  }

  add(callerHash: number, calleeHash: number): void {
    const h1 = pairHash(callerHash, calleeHash);
    const h2 = pairHash2(callerHash, calleeHash);
    for (let i = 0; i < BLOOM_PROBES; i++) {
      const bit = offset(h1, h2, i);
      this.bytes[bit >>> 3] = (this.bytes[bit >>> 3] as number) | (0x80 >>> (bit & 7));
    }
  }

  has(callerHash: number, calleeHash: number): boolean {
    const h1 = pairHash(callerHash, calleeHash);
    const h2 = pairHash2(callerHash, calleeHash);
    for (let i = 0; i < BLOOM_PROBES; i++) {
      const bit = offset(h1, h2, i);
      if (((this.bytes[bit >>> 3] as number) & (0x80 >>> (bit & 7))) === 0) return false;
    }
    return true;
  }
}
