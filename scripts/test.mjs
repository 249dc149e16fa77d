#!/usr/bin/env node
// `npm test`: the type-check and the whole vitest suite side by side (tsc is CPU-bound, most test files wait on
// I/O); ends with the plain "N passed, N failed" line CI reads. A type error fails the run like a failed test.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { ensureWebBuild } from "./ensure-web-build.mjs";

/** Runs a command; resolves with its exit status. `capture`: keep its output and print it when it ends. */
const run = (cmd, args, { capture = false } = {}) =>
  new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit", env: process.env });
    let output = "";
    if (capture) {
      child.stdout.on("data", (d) => (output += d));
      child.stderr.on("data", (d) => (output += d));
    }
    child.on("close", (code) => {
      if (output !== "") process.stdout.write(output);
      resolve(code ?? 1);
    });
  });

// The browser tests (tests/web) drive the built page: build it first when it is missing or stale.
if (ensureWebBuild({ quiet: true }) !== 0) {
  console.error("web app build failed");
  console.log("tests: 0 passed, 1 failed");
  process.exit(1);
}
// Incremental: the build info in node_modules/.cache lets a re-run check only what changed (a fresh clone checks all).
mkdirSync("node_modules/.cache", { recursive: true });
const typecheck = run(
  "npx",
  ["tsc", "-p", "tsconfig.json", "--noEmit", "--incremental", "--tsBuildInfoFile", "node_modules/.cache/tsc.tsbuildinfo"],
  { capture: true },
);
const results = ".vitest-results.json";
rmSync(results, { force: true });
const status = await run("npx", [
  "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${results}`, ...process.argv.slice(2),
]);
const typecheckStatus = await typecheck;
let passed = 0;
let failed = 0;
try {
  const summary = JSON.parse(readFileSync(results, "utf8"));
  passed = summary.numPassedTests;
  failed = summary.numFailedTests + (summary.numRuntimeErrorTestSuites ?? 0);
} catch {
  failed = 1;
}
if (status !== 0 && failed === 0) failed = 1;
if (typecheckStatus !== 0) {
  console.error("type-check failed");
  failed += 1;
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(status === 0 && typecheckStatus === 0 && passed > 0 ? 0 : 1);
