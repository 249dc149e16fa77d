/**
 * Key management for `scamguard keys …`, wherever the database is:
 * - DATABASE_URL set: straight to PostgreSQL (many processes may share it);
 * - a live server publishes DATA_DIR/server.json: over loopback with its 0600 admin.token, because
 *   that server holds PGlite and a second process must not open it;
 * - otherwise: open PGlite under the DATA_DIR lock, do the work, close.
 * While a server is starting (lock held, server.json not yet written) this waits for one or the other.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { ApiKeyInfo, ApiKeyList, CreateKeyRequest, CreateKeyResponse, PageQuery } from "@scamguard/contracts";
import type { Config } from "../config.js";
import { createContext } from "../context.js";
import { type Database, openDatabase } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";
import { createKey, listKeys, revokeKey } from "../commands/manage-keys.js";
import { DataDirBusyError, readAdminToken, readServerInfo } from "../runtime/data-dir.js";

export interface KeyAdmin {
  /** Where the work happens, for the user: "PostgreSQL", "the running server at …", "DATA_DIR …". */
  via: string;
  create(input: CreateKeyRequest): Promise<CreateKeyResponse>;
  list(page: PageQuery): Promise<ApiKeyList>;
  revoke(id: string): Promise<ApiKeyInfo>;
  close(): Promise<void>;
}

export interface OpenKeyAdminOptions {
  /** How long to wait for a starting server or another command to free DATA_DIR. */
  waitMs?: number;
  /**
   * Only `create` may bring a database into being: `list` and `revoke` pass false, so a mistyped or
   * missing DATA_DIR is reported instead of silently creating an empty ./.data.
   */
  createIfMissing?: boolean;
}

/** DATA_DIR holds no database (and no server runs on it); nothing was created. */
export class NoDatabaseError extends Error {
  constructor(readonly dataDir: string) {
    super(`no database in DATA_DIR ${dataDir} (nothing created): set DATA_DIR to the server's, or DATABASE_URL`);
    this.name = "NoDatabaseError";
  }
}

export async function openKeyAdmin(config: Config, options: OpenKeyAdminOptions = {}): Promise<KeyAdmin> {
  if (config.databaseUrl !== null) return direct(await openDatabase(config), config, "PostgreSQL");
  if (options.createIfMissing === false && !existsSync(join(config.dataDir, "pglite")) && readServerInfo(config.dataDir) === null) {
    throw new NoDatabaseError(config.dataDir);
  }
  const deadline = Date.now() + (options.waitMs ?? 15_000);
  for (;;) {
    const server = readServerInfo(config.dataDir);
    if (server !== null) {
      const token = readAdminToken(config.dataDir);
      if (token === null) throw new Error(`a server (pid ${server.pid}) runs on ${config.dataDir} but its admin.token is not readable`);
      if (await answers(server.url)) return remote(server.url, token);
    }
    try {
      const database = await openDatabase(config, { lockRole: "cli", lockWaitMs: 0 });
      return direct(database, config, `DATA_DIR ${config.dataDir}`);
    } catch (error) {
      if (!(error instanceof DataDirBusyError) || Date.now() >= deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(3_000) });
    return res.status === 200 || res.status === 503;
  } catch {
    return false;
  }
}

async function direct(database: Database, config: Config, via: string): Promise<KeyAdmin> {
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  const ctx = createContext(config, database);
  return {
    via,
    create: (input) => ctx.transaction((services) => createKey(services, input)),
    list: (page) => listKeys(ctx.services, page),
    revoke: (id) => ctx.transaction((services) => revokeKey(services, id)),
    close: async () => {
      await ctx.closeAll();
      await database.close();
    },
  };
}

function remote(url: string, token: string): KeyAdmin {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(10_000),
    });
    const payload = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    if (!res.ok) throw new Error(`server answered ${res.status}: ${payload?.error?.message ?? "no message"}`);
    return payload as T;
  };
  return {
    via: `the running server at ${url}`,
    create: (input) => call("POST", "/v1/admin/keys", input),
    list: (page) => call("GET", `/v1/admin/keys?limit=${page.limit}${page.cursor ? `&cursor=${encodeURIComponent(page.cursor)}` : ""}`),
    revoke: (id) => call("DELETE", `/v1/admin/keys/${encodeURIComponent(id)}`),
    close: async () => {},
  };
}
