/**
 * A migrated, empty PGlite data directory, built once per set of migrations and copied into each test's
 * DATA_DIR. Booting PGlite in an empty folder runs initdb and every migration (about 12 s of CPU on a
 * loaded 2-core machine); booting a copy costs about 2 s. The copy is byte for byte what a fresh server
 * would have built, so tests still see a first start; a test about creating the database uses its own
 * empty folder.
 *
 * @example await seedPgliteDataDir(dataDir) // then loadConfig({ DATA_DIR: dataDir })
 */
import { createHash, randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../config.js";
import { openDatabase } from "../db/client.js";
import { MIGRATIONS_FOLDER, migrateDatabase } from "../db/migrate.js";

const CACHE = fileURLToPath(new URL("../../../../node_modules/.cache/scamguard", import.meta.url));
const PREFIX = "pglite-template-";

/** Changes when a migration or the PGlite version does: a stale template is never used. */
function templateVersion(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(name).update(readFileSync(path));
    }
  };
  walk(MIGRATIONS_FOLDER);
  // The package's own folder (its package.json is not exported): its entry point sits in dist/.
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const pkg = join(entry.slice(0, entry.lastIndexOf(`${sep}dist${sep}`)), "package.json");
  return hash.update(readFileSync(pkg)).digest("hex").slice(0, 16);
}

let built: Promise<string> | undefined;

/** The template's folder (built on first use; concurrent builders race harmlessly, one rename wins). */
export function pgliteTemplate(): Promise<string> {
  built ??= (async () => {
    const target = join(CACHE, `${PREFIX}${templateVersion()}`);
    if (existsSync(target)) return target;
    mkdirSync(CACHE, { recursive: true });
    const work = join(CACHE, `build-${process.pid}-${randomBytes(4).toString("hex")}`);
    try {
      const database = await openDatabase(loadConfig({ DATA_DIR: work, LOG_LEVEL: "silent" }));
      try {
        await migrateDatabase(database);
      } finally {
        await database.close();
      }
      try {
        renameSync(join(work, "pglite"), target);
      } catch (error) {
        if (!existsSync(target)) throw error; // another process finished first: use theirs
      }
      // Templates of older migrations are never used again.
      for (const name of readdirSync(CACHE)) {
        if (name.startsWith(PREFIX) && join(CACHE, name) !== target) rmSync(join(CACHE, name), { recursive: true, force: true });
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    return target;
  })();
  return built;
}

/** Puts a copy of the migrated template in `dataDir/pglite`, where the server opens PGlite. */
export async function seedPgliteDataDir(dataDir: string): Promise<void> {
  cpSync(await pgliteTemplate(), join(dataDir, "pglite"), { recursive: true });
}
