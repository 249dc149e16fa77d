import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "tests/**/*.test.ts"],
    // PGlite boots in seconds and CLI tests spawn real processes: generous per-test limits, never timing assertions.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
