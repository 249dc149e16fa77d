/** Seeded randomness for reproducible training (fold assignment, shuffles). Pure. */

/**
 * mulberry32: a tiny, fast 32-bit PRNG. Same seed ⇒ same sequence on every platform.
 * @example const next = seededRandom(42); next(); // 0.6011037519201636
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fisher–Yates shuffle of a copy, driven by `random`.
 * @example shuffled([1, 2, 3], seededRandom(1)) // a permutation of [1, 2, 3], the same every run
 */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

/**
 * Stratified k-fold assignment: items with the same stratum key are spread evenly over folds.
 * Returns the fold (0..k-1) of each item, deterministic for a seed.
 * @example stratifiedFolds(["a", "a", "b", "b"], 2, 7) // e.g. [1, 0, 0, 1]
 */
export function stratifiedFolds(strata: readonly string[], k: number, seed: number): Int32Array {
  const folds = new Int32Array(strata.length);
  const byStratum = new Map<string, number[]>();
  strata.forEach((s, i) => {
    const list = byStratum.get(s) ?? [];
    list.push(i);
    byStratum.set(s, list);
  });
  const random = seededRandom(seed);
  let offset = 0;
  for (const key of [...byStratum.keys()].sort()) {
    const order = shuffled(byStratum.get(key) ?? [], random);
    order.forEach((idx, rank) => {
      folds[idx] = (rank + offset) % k;
    });
    offset += order.length;
  }
  return folds;
}
