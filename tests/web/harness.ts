/**
 * The browser tests' harness: ONE real server per test file (startServer on its embedded defaults:
 * PGlite in a temp DATA_DIR, an ephemeral port) and ONE Debian Chromium per file, driven by
 * playwright-core (no downloaded browsers). Every page counts its JavaScript errors — console errors and
 * uncaught exceptions — so a test can assert there were none.
 *
 * The page must be built (packages/web/dist): `npm test` builds it first; a stale or missing build is
 * built here too (scripts/ensure-web-build.mjs, one build at a time).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Role } from "@scamguard/contracts";
import { loadConfig } from "@scamguard/server/config";
import { type RunningServer, startServer } from "@scamguard/server/start";
import { type BrowserContext, chromium, type Page } from "playwright-core";
// @ts-expect-error plain ESM script without types
import { ensureWebBuild } from "../../scripts/ensure-web-build.mjs";
import { seedPgliteDataDir } from "../../packages/server/src/testing/pglite-template.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags for a quiet, reproducible headless run in a container (no sandbox user namespaces, no network chatter). */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface WebHarness {
  url: string;
  server: RunningServer;
  context: BrowserContext;
  /** A fresh API key of this role (an institution key bound to a directory id), created through the server's own key service. */
  createKey(role: Role, institution?: string): Promise<string>;
  /** A new tab whose JavaScript errors are collected in `errors`. */
  newPage(options?: { width?: number; lang?: "zh" | "en" }): Promise<WatchedPage>;
  close(): Promise<void>;
}

export interface WatchedPage {
  page: Page;
  /** Console errors and uncaught exceptions seen so far, as text. */
  errors: string[];
}

export async function startWebHarness(): Promise<WebHarness> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium fonts-noto-cjk\` (.ci/run does)`);
  }
  if ((ensureWebBuild({ quiet: true }) as number) !== 0) throw new Error("the web app did not build (packages/web)");
  const dataDir = mkdtempSync(join(tmpdir(), "scamguard-web-"));
  const profile = mkdtempSync(join(tmpdir(), "scamguard-chromium-"));
  await seedPgliteDataDir(dataDir);
  const server = await startServer(loadConfig({ DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "silent", RATE_LIMIT: "100000" }), { handleSignals: false });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      locale: "zh-CN",
      viewport: { width: 1280, height: 900 },
    });
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    url: server.url,
    server,
    context,
    createKey: async (role, institution) =>
      (await server.app.ctx.services.apiKeys.create({ role, label: `browser test ${role}`, institution: institution ?? null })).key,
    async newPage(options = {}) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(`console: ${message.text()}`);
      });
      page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
      if (options.width) await page.setViewportSize({ width: options.width, height: 800 });
      if (options.lang) {
        await page.addInitScript((lang) => {
          if (!localStorage.getItem("scamguard.lang")) localStorage.setItem("scamguard.lang", lang);
        }, options.lang);
      }
      return { page, errors };
    },
    async close() {
      await context.close().catch(() => undefined);
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
