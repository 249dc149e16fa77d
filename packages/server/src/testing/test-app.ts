/**
 * Boot the real app for tests, on either engine:
 * - `pglite`: a fresh PGlite in a temp DATA_DIR, copied from a migrated template (pglite-template.ts);
 * - `postgres`: the machine's PostgreSQL (TEST_DATABASE_URL, default
 *   postgres://postgres@127.0.0.1:5432/postgres) in ONE FRESH SCHEMA per app, dropped on close.
 *
 * @example
 *   describeBothEngines("reports", (t) => {
 *     it("needs a key", async () => {
 *       const res = await t().app.inject({ method: "POST", url: "/v1/reports", payload: {} });
 *       expect(res.statusCode).toBe(401);
 *     });
 *   });
 *
 * SCAMGUARD_TEST_ENGINES=pglite (or postgres) narrows the engines for a quick local run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe } from "vitest";
import type { Role } from "@scamguard/contracts";
import { type AppOverrides, createApp } from "../app.js";
import { type Config, loadConfig } from "../config.js";
import type { AppContext } from "../context.js";
import type { Engine } from "../db/client.js";
import { dropScratchSchema, scratchSchemaName } from "../db/scratch-schema.js";
import { seedPgliteDataDir } from "./pglite-template.js";

export type TestEngine = Engine;
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export function testEngines(): TestEngine[] {
  const wanted = (process.env.SCAMGUARD_TEST_ENGINES ?? "pglite,postgres").split(",").map((s) => s.trim());
  return (["pglite", "postgres"] as const).filter((engine) => wanted.includes(engine));
}

export interface TestApp {
  engine: TestEngine;
  app: FastifyInstance;
  ctx: AppContext;
  config: Config;
  /** Creates an API key with this role directly through the service; returns the secret. */
  createKey(role: Role, label?: string): Promise<string>;
  /** `{ authorization: "Bearer …" }` for a fresh key of this role (cached per role). */
  authHeader(role: Role): Promise<{ authorization: string }>;
  /** `{ authorization: "Bearer …" }` for a fresh institution key bound to this directory id (`jd`, `icbc`). */
  institutionHeader(institution: string): Promise<{ authorization: string }>;
  /** Another app over the SAME database with other settings (e.g. `{ RATE_LIMIT: "3" }`); closed with this one. */
  withEnv(env: Record<string, string>, overrides?: Omit<AppOverrides, "database">): Promise<FastifyInstance>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Extra environment for loadConfig (the test env starts empty: the developer's shell never leaks in). */
  env?: Record<string, string>;
  overrides?: Omit<AppOverrides, "database">;
}

/** Environment for a test app of `engine`; `cleanup` removes its temp dir or schema. */
export async function testEnvironment(engine: TestEngine): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), "scamguard-test-"));
  const base = { DATA_DIR: dataDir, LOG_LEVEL: "silent", RATE_LIMIT: "1000000" };
  const removeDir = async () => rmSync(dataDir, { recursive: true, force: true });
  if (engine === "pglite") {
    await seedPgliteDataDir(dataDir);
    return { env: base, cleanup: removeDir };
  }
  const schema = scratchSchemaName("t");
  return {
    env: { ...base, DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema },
    cleanup: async () => {
      await dropScratchSchema(TEST_DATABASE_URL, schema);
      await removeDir();
    },
  };
}

export async function startTestApp(engine: TestEngine, options: TestAppOptions = {}): Promise<TestApp> {
  const { env, cleanup } = await testEnvironment(engine);
  const config = loadConfig({ ...env, ...options.env });
  let app: FastifyInstance;
  try {
    app = await createApp(config, options.overrides);
  } catch (error) {
    await cleanup();
    throw error;
  }
  const extra: FastifyInstance[] = [];
  const headers = new Map<Role, Promise<{ authorization: string }>>();
  const createKey = async (role: Role, label?: string) => (await app.ctx.services.apiKeys.create({ role, label: label ?? `test ${role}` })).key;
  return {
    engine,
    app,
    ctx: app.ctx,
    config,
    createKey,
    authHeader(role) {
      let header = headers.get(role);
      if (header === undefined) {
        header = createKey(role).then((key) => ({ authorization: `Bearer ${key}` }));
        headers.set(role, header);
      }
      return header;
    },
    async institutionHeader(institution) {
      const { key } = await app.ctx.services.apiKeys.create({ role: "institution", label: `test ${institution}`, institution });
      return { authorization: `Bearer ${key}` };
    },
    async withEnv(more, overrides = {}) {
      const other = await createApp(loadConfig({ ...env, ...options.env, ...more }), { ...overrides, database: app.ctx.database, closeDatabase: false });
      extra.push(other);
      return other;
    },
    async close() {
      for (const other of extra) await other.close();
      await app.close();
      await cleanup();
    },
  };
}

/**
 * Runs the same suite once per engine, with one app per engine booted before the suite and closed after.
 * `fn` receives a getter (the app exists only once `beforeAll` ran).
 */
export function describeBothEngines(name: string, fn: (t: () => TestApp, engine: TestEngine) => void, options: TestAppOptions = {}): void {
  for (const engine of testEngines()) {
    describe(`${name} [${engine}]`, () => {
      let testApp: TestApp | undefined;
      beforeAll(async () => {
        testApp = await startTestApp(engine, options);
      });
      afterAll(async () => {
        await testApp?.close();
      });
      fn(() => {
        if (testApp === undefined) throw new Error("test app not started (use it inside it/beforeAll, not at collection time)");
        return testApp;
      }, engine);
    });
  }
}
