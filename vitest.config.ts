import { configDefaults, defineConfig } from "vitest/config";

/** Pure unit tests: no server, database, child process, env stub or module mock; they share nothing mutable. */
const UNIT = ["packages/detect/src/**/*.test.ts", "packages/contracts/src/**/*.test.ts"];

const shared = {
  // PGlite boots in seconds and CLI tests spawn real processes, several files at once: generous per-test limits
  // (a loaded 2-core machine stretches a CLI child to a minute), never timing assertions.
  testTimeout: 120_000,
  hookTimeout: 180_000,
  pool: "forks" as const,
  // expect.poll waits for what a page or a server will do; its default 1 s was too short under load ~11 on 2 cores
  // (people.test.ts's first action polled its scroll past 1 s once). A poll still fails, only later.
  expect: { poll: { timeout: 10_000 } },
  // Every test file's engine starts its lexicon scanner from the tables on disk (packages/cli/src/lexicon-table-cache.ts).
  setupFiles: ["tests/helpers/lexicon-tables.ts"],
};

export default defineConfig({
  test: {
    // Vitest's default is one worker per core minus one: ONE on a 2-core machine. Most files wait on I/O (PGlite,
    // PostgreSQL, child processes, browsers), so a few files at once fill the cores; each file has its own temp
    // DATA_DIR, PostgreSQL schema, stream and key prefix, and listens on port 0, so files never collide.
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS ?? 3),
    projects: [
      {
        // One module graph per worker instead of one per file: the unit files import the engine (lexicons, model,
        // directory) once per worker, not 41 times (packages/detect: 40 s -> 13 s wall on a quiet 2-core machine).
        test: { ...shared, name: "unit", include: UNIT, isolate: false },
      },
      {
        test: {
          ...shared,
          name: "integration",
          include: ["packages/*/src/**/*.test.ts", "tests/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...UNIT],
          // Builds the migrated PGlite template once, before the workers start (each test's DATA_DIR copies it).
          globalSetup: ["tests/helpers/global-setup.ts"],
        },
      },
    ],
  },
});
