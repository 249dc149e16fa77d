/** Feature hashing for the character n-gram component. Pure and platform-independent. */

/**
 * FNV-1a over UTF-16 code units of `s[start, end)`, 32-bit unsigned.
 * @example fnv1a("ab", 0, 2) === fnv1a("xab", 1, 3) // true
 */
export function fnv1a(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
