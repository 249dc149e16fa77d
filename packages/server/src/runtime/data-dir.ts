/**
 * Who owns DATA_DIR. PGlite is one process's database: two processes opening the same folder corrupt
 * it. So the process that opens PGlite holds `pglite.lock` (O_EXCL, with its pid); a running server
 * also publishes `server.json` (where it listens) and `admin.token` (mode 0600), so `scamguard keys
 * create` can ask the running server over loopback instead of opening the database itself.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const LOCK_FILE = "pglite.lock";
export const SERVER_FILE = "server.json";
export const ADMIN_TOKEN_FILE = "admin.token";

export interface LockOwner {
  pid: number;
  /** What holds it: a server or a one-off command. */
  role: "server" | "cli";
  since: string;
}

/** A running server as published in DATA_DIR/server.json. */
export interface ServerInfo {
  pid: number;
  /** Loopback URL the server answers on, e.g. http://127.0.0.1:8787 */
  url: string;
  startedAt: string;
}

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `DATA_DIR ${dataDir} is in use by ${owner.role === "server" ? "a scamguard server" : "a scamguard command"} (pid ${owner.pid}, since ${owner.since}). ` +
        `Stop it, or set DATABASE_URL to share a PostgreSQL database. If no such process exists, delete ${join(dataDir, LOCK_FILE)}.`,
    );
    this.name = "DataDirBusyError";
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readJson<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch {
    return null;
  }
}

/**
 * Takes the PGlite lock of `dataDir`, waiting up to `waitMs` for a live holder to let go. A lock left by
 * a dead process is taken over. Returns the release function.
 * @throws DataDirBusyError when a live process still holds it after `waitMs`
 */
export async function acquireDataDirLock(dataDir: string, role: LockOwner["role"], waitMs = 0): Promise<() => void> {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const fd = openSync(path, "wx", 0o600);
      const owner: LockOwner = { pid: process.pid, role, since: new Date().toISOString() };
      writeFileSync(fd, JSON.stringify(owner));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const current = readJson<LockOwner>(path);
        if (current?.pid === process.pid) rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = readJson<LockOwner>(path);
    if (owner === null || !isProcessAlive(owner.pid) || owner.pid === process.pid) {
      // Stale (crashed holder, or a half-written file): remove and retry. A racing taker loses on O_EXCL.
      if (owner?.pid !== process.pid) {
        rmSync(path, { force: true });
        continue;
      }
    }
    if (Date.now() >= deadline) throw new DataDirBusyError(dataDir, owner ?? { pid: -1, role: "cli", since: "?" });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Creates the loopback admin token for this server run (0600: only the owning user can read it). */
export function writeAdminToken(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const token = `sg_local_${randomBytes(32).toString("base64url")}`;
  writePrivateFile(join(dataDir, ADMIN_TOKEN_FILE), token);
  return token;
}

/**
 * Writes a 0600 file whole or not at all (a temporary file renamed over it): `scamguard keys` polls for these
 * files while the server starts, and must never read one half-written (CI once read an empty server.json).
 */
function writePrivateFile(path: string, data: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  rmSync(temporary, { force: true });
  writeFileSync(temporary, data, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
}

export function readAdminToken(dataDir: string): string | null {
  try {
    return readFileSync(join(dataDir, ADMIN_TOKEN_FILE), "utf8").trim() || null;
  } catch {
    return null;
  }
}

export function writeServerInfo(dataDir: string, info: ServerInfo): void {
  writePrivateFile(join(dataDir, SERVER_FILE), JSON.stringify(info));
}

/** The running server of `dataDir`, or null when none is published or its process is gone. */
export function readServerInfo(dataDir: string): ServerInfo | null {
  const info = readJson<ServerInfo>(join(dataDir, SERVER_FILE));
  return info !== null && isProcessAlive(info.pid) ? info : null;
}

/** Removes server.json and admin.token if they are this process's. */
export function clearServerInfo(dataDir: string): void {
  const info = readJson<ServerInfo>(join(dataDir, SERVER_FILE));
  if (info?.pid === process.pid) {
    rmSync(join(dataDir, SERVER_FILE), { force: true });
    rmSync(join(dataDir, ADMIN_TOKEN_FILE), { force: true });
  }
}
