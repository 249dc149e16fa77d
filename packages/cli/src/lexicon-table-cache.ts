/**
 * The lexicon scanner's tables kept on disk between processes, in node_modules/.cache/scamguard: a process then
 * starts from them instead of reading every pattern's regex source again (about a second of CPU, paid by each
 * CLI run, server start and test file). The file is named by a hash of the pattern sources and of the code that
 * reads them, so a stale one is never used; a missing, unreadable or broken one is rebuilt (lexicon-scan.ts).
 *
 * @example useDiskLexiconTableCache() // before the first analysis of the process
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type LexiconTableCache, useLexiconTableCache } from "@scamguard/detect/signals/lexicon-table-cache";

const CACHE = fileURLToPath(new URL("../../../node_modules/.cache/scamguard", import.meta.url));
const PREFIX = "lexicon-tables-";
/** The code that reads the sources into tables and encodes them: a change to it names a new file. */
const CODE = ["lexicon-matcher.ts", "lexicon-literals.ts"].map((name) => fileURLToPath(new URL(`../../detect/src/signals/${name}`, import.meta.url)));

/**
 * A {@link LexiconTableCache} in `dir`: one file per set of sources (older ones are removed when a new one is
 * written), written to a temporary name and renamed, so a concurrent reader sees a whole file or none.
 * @example useLexiconTableCache(diskLexiconTableCache(tmpDir))
 */
export function diskLexiconTableCache(dir = CACHE): LexiconTableCache {
  let code: string | undefined;
  const fileOf = (sources: readonly string[]): string => {
    code ??= CODE.reduce((hash, file) => hash.update(readFileSync(file)), createHash("sha256")).digest("hex");
    const hash = createHash("sha256").update(code);
    for (const source of sources) hash.update(source).update("\u0000");
    return join(dir, `${PREFIX}${hash.digest("hex").slice(0, 24)}.bin`);
  };
  return {
    load(sources) {
      try {
        return readFileSync(fileOf(sources));
      } catch {
        return undefined;
      }
    },
    store(sources, bytes) {
      try {
        const target = fileOf(sources);
        mkdirSync(dir, { recursive: true });
        const work = `${target}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
        writeFileSync(work, bytes);
        renameSync(work, target);
        for (const name of readdirSync(dir)) {
          if (name.startsWith(PREFIX) && name.endsWith(".bin") && join(dir, name) !== target) rmSync(join(dir, name), { force: true });
        }
      } catch {
        // A read-only tree: the next process reads the sources again.
      }
    },
  };
}

/** Plugs the disk cache into the engine (see the file comment). */
export function useDiskLexiconTableCache(dir = CACHE): void {
  useLexiconTableCache(diskLexiconTableCache(dir));
}
