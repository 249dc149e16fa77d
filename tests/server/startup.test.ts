/**
 * The first start on a fresh DATA_DIR takes a while (PGlite creates its files, migrations run): the server
 * says what it is doing, one plain stderr line a step, and where it is ready. LOG_LEVEL=silent: nothing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it, vi } from "vitest";
import { loadConfig } from "../../packages/server/src/config.js";
import { startServer } from "../../packages/server/src/start.js";

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(logLevel: string, dataDir = mkdtempSync(join(tmpdir(), "scamguard-startup-"))): Promise<string[]> {
  dirs.push(dataDir);
  const lines: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (String(chunk).startsWith("scamguard: ")) lines.push(String(chunk).trimEnd());
    return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
  });
  const server = await startServer(loadConfig({ DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: logLevel }), { handleSignals: false });
  await server.close();
  return lines.map((l) => l.replace(/ \(\d+\.\d s\)$/, "").replace(server.url, "URL").replace(dataDir, "DIR"));
}

it("says on stderr what a first start is doing, step by step, then where it is ready", async () => {
  expect(await start("warn")).toEqual([
    "scamguard: creating the embedded database in DIR (the first start: tens of seconds)",
    "scamguard: applying database migrations",
    "scamguard: loading the reputation index and contacts",
    "scamguard: ready at URL",
  ]);
});

it("warns of the wait only on the first start: a later start on the same DATA_DIR just opens it", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "scamguard-startup-"));
  await start("silent", dataDir);
  vi.restoreAllMocks(); // start() spies on stderr again
  expect((await start("warn", dataDir))[0]).toBe("scamguard: opening the embedded database in DIR");
});

it("stays quiet with LOG_LEVEL=silent", async () => {
  expect(await start("silent")).toEqual([]);
});
