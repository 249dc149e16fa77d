#!/usr/bin/env node
// `npm test`: type-check, then the whole vitest suite; ends with the plain "N passed, N failed" line CI reads.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { ensureWebBuild } from "./ensure-web-build.mjs";

const run = (cmd, args) => spawnSync(cmd, args, { stdio: "inherit", env: process.env }).status ?? 1;

if (run("npx", ["tsc", "-p", "tsconfig.json", "--noEmit"]) !== 0) {
  console.error("type-check failed");
  console.log("tests: 0 passed, 1 failed");
  process.exit(1);
}
// The browser tests (tests/web) drive the built page: build it first when it is missing or stale.
if (ensureWebBuild({ quiet: true }) !== 0) {
  console.error("web app build failed");
  console.log("tests: 0 passed, 1 failed");
  process.exit(1);
}
const results = ".vitest-results.json";
rmSync(results, { force: true });
const status = run("npx", [
  "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${results}`, ...process.argv.slice(2),
]);
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
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(status === 0 && passed > 0 ? 0 : 1);
