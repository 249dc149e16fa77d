/**
 * 32-bit hashes of phone numbers and of directed (caller → callee) pairs. The same functions run in the
 * in-process engine and in the scaled-out workers, and the Redis script recomputes register indexes from
 * them, so every path files a callee in the same HyperLogLog register and the same bottom-k slot.
 */

/**
 * FNV-1a over the UTF-16 code units, finished with murmur3's fmix32 so the top bits (the HyperLogLog
 * register index) are well mixed. Unsigned 32-bit.
 * @example hashNumber("+8613800138000") // a number in [0, 2^32)
 */
export function hashNumber(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/** murmur3's finaliser: every input bit affects every output bit. */
export function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The key of the directed pair caller → callee from the two numbers' hashes (order matters). */
export function pairHash(callerHash: number, calleeHash: number): number {
  return fmix32((Math.imul(callerHash, 0x9e3779b1) ^ calleeHash) >>> 0);
}

/** A second, independent pair hash for the Bloom filter's double hashing. */
export function pairHash2(callerHash: number, calleeHash: number): number {
  return fmix32((Math.imul(calleeHash, 0x85ebca77) ^ (callerHash + 0x27d4eb2f)) >>> 0) | 1;
}
