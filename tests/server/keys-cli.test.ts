/**
 * `scamguard keys create` as a real process: against DATA_DIR's PGlite, against a RUNNING server that
 * holds that PGlite, and against PostgreSQL; the printed key (last line) then authenticates.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../packages/server/src/app.js";
import { loadConfig } from "../../packages/server/src/config.js";
import { dropScratchSchema, scratchSchemaName } from "../../packages/server/src/db/scratch-schema.js";
import { seedPgliteDataDir } from "../../packages/server/src/testing/pglite-template.js";
import { TEST_DATABASE_URL } from "../../packages/server/src/testing/test-app.js";

const BIN = join(import.meta.dirname, "../../packages/cli/bin/scamguard.js");
const KEY = /^sg_live_[A-Za-z0-9_-]{43}$/;
/** Real processes, each booting PGlite: slow on a loaded 2-core machine, never a timing assertion. */
const SLOW = 150_000;
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "scamguard-keys-"));
  dirs.push(dir);
  return dir;
};
/** A DATA_DIR whose database already exists (a copy of the migrated template): for tests not about creating it. */
const existingDataDir = async () => {
  const dir = tempDir();
  await seedPgliteDataDir(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Only what the command needs: the developer's DATABASE_URL etc. must not leak in. */
const baseEnv = () => ({ PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? tmpdir(), LOG_LEVEL: "warn" });

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...baseEnv(), ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    // A command that never exits is a failure with its output, not a silent test timeout.
    const timer = setTimeout(() => child.kill("SIGKILL"), SLOW - 10_000);
    child.on("error", reject);
    child.on("close", () => clearTimeout(timer));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const lastLine = (text: string) => text.trimEnd().split("\n").at(-1) ?? "";

/** Status of a request with this key on an admin-only route: 200 admin, 403 other valid key, 401 invalid. */
async function adminRouteStatus(env: Record<string, string>, key: string): Promise<number> {
  const app = await createApp(loadConfig({ ...env, LOG_LEVEL: "silent" }));
  try {
    return (await app.inject({ method: "GET", url: "/v1/admin/keys", headers: { authorization: `Bearer ${key}` } })).statusCode;
  } finally {
    await app.close();
  }
}

describe("scamguard serve with a bad environment", () => {
  it("exits 1 listing every problem at once, before touching DATA_DIR", async () => {
    const dataDir = join(tempDir(), "never-created");
    const res = await run(["serve"], { DATA_DIR: dataDir, PORT: "http", RATE_LIMIT: "0", DATABASE_URL: "mysql://u:pw@h/db" });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('PORT: expected an integer from 0 to 65535, got "http"');
    expect(res.stderr).toContain('RATE_LIMIT: expected an integer from 1 to 10000000, got "0"');
    expect(res.stderr).toContain('DATABASE_URL: expected a postgres: or postgresql: URL, got protocol "mysql:"');
    expect(res.stderr).not.toContain("pw");
    expect(existsSync(dataDir)).toBe(false);
  });
});

describe("scamguard keys create", () => {
  it("refuses an unknown role, naming the choices", async () => {
    const res = await run(["keys", "create", "--role", "root"], { DATA_DIR: tempDir() });
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain("reporter, institution, analyst, admin");
  });

  it("creates a key in DATA_DIR's PGlite and prints it as the last line", async () => {
    const env = { DATA_DIR: tempDir() };
    const res = await run(["keys", "create", "--role", "analyst", "--label", "cli test"], env);
    expect(res.stderr).toContain("via DATA_DIR");
    expect(res.code).toBe(0);
    const key = lastLine(res.stdout);
    expect(key).toMatch(KEY);
    expect(existsSync(join(env.DATA_DIR, "pglite.lock"))).toBe(false);
    // Authenticated (not 401) and an analyst (so 403 on an admin route).
    expect(await adminRouteStatus(env, key)).toBe(403);
    expect(await adminRouteStatus(env, `sg_live_${"z".repeat(43)}`)).toBe(401);
  }, SLOW);

  it("works while the server runs and holds PGlite, through the server", async () => {
    const dataDir = await existingDataDir();
    const server: ChildProcess = spawn(process.execPath, [BIN, "serve"], { env: { ...baseEnv(), DATA_DIR: dataDir, PORT: "0" }, stdio: "ignore" });
    const exited = new Promise<number | null>((resolve) => server.on("exit", (code) => resolve(code)));
    try {
      const serverFile = join(dataDir, "server.json");
      for (let i = 0; i < 900 && !existsSync(serverFile); i++) await new Promise((r) => setTimeout(r, 100));
      const { url } = JSON.parse(readFileSync(serverFile, "utf8")) as { url: string };

      const res = await run(["keys", "create", "--role", "admin"], { DATA_DIR: dataDir });
      expect(res.stderr).toContain(`via the running server at ${url}`);
      expect(res.code).toBe(0);
      const key = lastLine(res.stdout);
      expect(key).toMatch(KEY);

      const list = await fetch(`${url}/v1/admin/keys`, { headers: { authorization: `Bearer ${key}` } });
      expect(list.status).toBe(200);
      expect(((await list.json()) as { items: { prefix: string }[] }).items.map((k) => k.prefix)).toContain(key.slice(0, 12));
    } finally {
      server.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    // A clean shutdown leaves DATA_DIR free for the next process.
    expect(existsSync(join(dataDir, "server.json"))).toBe(false);
    expect(existsSync(join(dataDir, "pglite.lock"))).toBe(false);
    expect(existsSync(join(dataDir, "admin.token"))).toBe(false);
  }, SLOW);

  it("keeps a key created through the server after kill -9, and the next command takes DATA_DIR over", async () => {
    const dataDir = await existingDataDir();
    const server: ChildProcess = spawn(process.execPath, [BIN, "serve"], { env: { ...baseEnv(), DATA_DIR: dataDir, PORT: "0" }, stdio: "ignore" });
    const exited = new Promise<void>((resolve) => server.on("exit", () => resolve()));
    let key = "";
    try {
      const serverFile = join(dataDir, "server.json");
      for (let i = 0; i < 900 && !existsSync(serverFile); i++) await new Promise((r) => setTimeout(r, 100));
      const res = await run(["keys", "create", "--role", "reporter"], { DATA_DIR: dataDir });
      expect(res.stderr).toContain("via the running server");
      key = lastLine(res.stdout);
    } finally {
      server.kill("SIGKILL");
      await exited;
    }
    // Left behind by the killed server: a lock and server.json naming a dead pid.
    expect(existsSync(join(dataDir, "pglite.lock"))).toBe(true);
    const list = await run(["keys", "list"], { DATA_DIR: dataDir });
    expect(list.stderr).toBe("");
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(`\treporter\t${key.slice(0, 12)}…`);
  }, SLOW);

  it("creates a key in PostgreSQL when DATABASE_URL is set", async () => {
    const schema = scratchSchemaName("t");
    const env = { DATA_DIR: tempDir(), DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema };
    try {
      const res = await run(["keys", "create", "--role", "admin"], env);
      expect(res.stderr).toContain("via PostgreSQL");
      expect(res.code).toBe(0);
      const key = lastLine(res.stdout);
      expect(key).toMatch(KEY);
      expect(await adminRouteStatus(env, key)).toBe(200);
    } finally {
      await dropScratchSchema(TEST_DATABASE_URL, schema);
    }
  });
});

describe("scamguard keys list/revoke without a database", () => {
  it("says there is none and creates nothing (only create may bring DATA_DIR's database into being)", async () => {
    const { openKeyAdmin, NoDatabaseError } = await import("../../packages/server/src/keys/key-admin.js");
    const dataDir = join(tempDir(), "not-there");
    await expect(openKeyAdmin(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" }), { createIfMissing: false })).rejects.toBeInstanceOf(NoDatabaseError);
    expect(existsSync(dataDir)).toBe(false);
  });
});
