import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirBusyError, LOCK_FILE, acquireDataDirLock, readServerInfo, writeAdminToken, writeServerInfo } from "./data-dir.js";

/** The pid of a process that has already exited. */
const deadPid = () => spawnSync(process.execPath, ["-e", ""]).pid as number;

describe("DATA_DIR ownership", () => {
  const dirs: string[] = [];
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), "scamguard-dd-"));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it("refuses a lock held by a live process, naming it and the way out", async () => {
    const d = dir();
    writeFileSync(join(d, LOCK_FILE), JSON.stringify({ pid: process.ppid, role: "server", since: "2026-01-01T00:00:00Z" }));
    const error = await acquireDataDirLock(d, "cli").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirBusyError);
    expect((error as Error).message).toContain(`in use by a scamguard server (pid ${process.ppid}`);
    expect((error as Error).message).toContain("set DATABASE_URL");
  });

  it("takes over a lock left by a process that died (kill -9)", async () => {
    const d = dir();
    writeFileSync(join(d, LOCK_FILE), JSON.stringify({ pid: deadPid(), role: "server", since: "2026-01-01T00:00:00Z" }));
    const release = await acquireDataDirLock(d, "server");
    expect(JSON.parse(readFileSync(join(d, LOCK_FILE), "utf8")).pid).toBe(process.pid);
    release();
    expect(existsSync(join(d, LOCK_FILE))).toBe(false);
  });

  it("ignores a server.json whose process is gone", () => {
    const d = dir();
    writeServerInfo(d, { pid: deadPid(), url: "http://127.0.0.1:1", startedAt: "x" });
    expect(readServerInfo(d)).toBeNull();
  });

  it("writes the admin token readable by its owner only", () => {
    const d = dir();
    const token = writeAdminToken(d);
    expect(token).toMatch(/^sg_local_[A-Za-z0-9_-]{43}$/);
    expect(statSync(join(d, "admin.token")).mode & 0o777).toBe(0o600);
  });
});
