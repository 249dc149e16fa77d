#!/usr/bin/env node
/**
 * Builds the web app (packages/web → packages/web/dist, which the server serves at `/`) when it is
 * missing or older than its sources, so `npm ci && npm start` works on a fresh clone without relying on
 * install scripts (npm 11 can gate those) and nothing built is committed. Run by `npm start` (prestart)
 * and `npm test`; a no-op (a walk over file dates) when the build is current.
 *
 * Sources: the web package and what it bundles (contracts, the detect engine and its data).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const web = join(root, "packages/web");
const built = join(web, "dist/index.html");
const SOURCES = [
  "packages/web/src",
  "packages/web/index.html",
  "packages/web/vite.config.ts",
  "packages/web/package.json",
  "packages/contracts/src",
  "packages/detect/src",
  "packages/detect/data",
  "packages/detect/model",
];

function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

function builtAt() {
  try {
    return statSync(built).mtimeMs;
  } catch {
    return null;
  }
}

/** Why a build is needed, or null when dist is current. */
export function staleReason() {
  const at = builtAt();
  if (at === null) return "not built yet";
  const sources = Math.max(...SOURCES.map((s) => newest(join(root, s))));
  return sources > at ? "sources changed since the last build" : null;
}

/** Builds when needed; one build at a time across processes (parallel test files). Returns the exit status. */
export function ensureWebBuild({ quiet = false } = {}) {
  const lock = join(web, ".build.lock");
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    const reason = staleReason();
    if (reason === null) return 0;
    const started = Date.now();
    // Progress goes to stderr, like the server's start-up steps (stdout stays for what a command answers).
    console.error(`scamguard: building the web app (${reason}): packages/web → packages/web/dist …`);
    const vite = join(root, "node_modules/vite/bin/vite.js");
    const result = spawnSync(process.execPath, [vite, "build", "--logLevel", quiet ? "warn" : "info"], { cwd: web, stdio: "inherit" });
    if (result.status !== 0) {
      console.error("scamguard: the web app failed to build; the API still works (see the errors above).");
      return result.status ?? 1;
    }
    console.error(`scamguard: web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // `npm start` goes on without the page when the build fails: the API is what most callers need.
  const status = ensureWebBuild({ quiet: process.argv.includes("--quiet") });
  process.exit(process.argv.includes("--strict") ? status : 0);
}
