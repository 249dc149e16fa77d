/**
 * Where a process keeps the lexicon scanner's tables between runs (lexicon-scan.ts asks at its first scan). The
 * engine itself does no I/O: a Node entry point (the CLI, the test setup) plugs a cache in. This module imports
 * nothing, so plugging one in loads none of the lexicons.
 */

/**
 * `load` answers the bytes `store` was given for the same pattern sources, or undefined; either may fail quietly:
 * the tables are then read from the sources.
 */
export interface LexiconTableCache {
  load(sources: readonly string[]): Uint8Array | undefined;
  store(sources: readonly string[], bytes: Uint8Array): void;
}

let plugged: LexiconTableCache | undefined;

/**
 * Plugs in (or, with undefined, removes) the cache of the scanner's tables; it is asked once, at the first scan.
 * @example useLexiconTableCache({ load: () => undefined, store: () => {} })
 */
export function useLexiconTableCache(cache: LexiconTableCache | undefined): void {
  plugged = cache;
}

/** The cache plugged in, if any. @example lexiconTableCache()?.load(sources) */
export function lexiconTableCache(): LexiconTableCache | undefined {
  return plugged;
}
