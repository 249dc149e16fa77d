/**
 * Opens the database: embedded PGlite in DATA_DIR/pglite (default) or PostgreSQL via `pg` when
 * DATABASE_URL is set. Both are handed out as the same drizzle `Db` type, so services never know which.
 */
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import type { Config } from "../config.js";
import { acquireDataDirLock } from "../runtime/data-dir.js";
import { openPgliteThread } from "./pglite-thread.js";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
/** A database handle or an open transaction: services take either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = "pglite" | "postgres";

export interface Database {
  engine: Engine;
  db: Db;
  /** Schema the tables live in (search_path); `public` unless DATABASE_SCHEMA is set. */
  schemaName: string;
  /**
   * Raw SQL → rows, the same on both engines (drizzle's `execute` result type differs per driver).
   * @example await database.rows<{ n: number }>(sql`select count(*)::int as n from api_keys`)
   */
  rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  /**
   * A named statement, parsed and planned once per connection instead of at every call: for the hot
   * statements of the request path (a transfer hold's commit), where planning a multi-CTE statement cost
   * more than running it (PGlite runs the planner in WASM). `text` takes its parameters as $1…$n, typed by
   * `types`; each parameter is sent as text. Outside any transaction (each call commits on its own).
   * @example const insert = database.prepared("log_rows", "insert into t select * from jsonb_to_recordset($1)", ["jsonb"])
   */
  prepared<T = Record<string, unknown>>(name: string, text: string, types: readonly string[]): (params: readonly string[]) => Promise<T[]>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /** Runs `fn` while holding a lock shared by every process on this database (migrations). */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Who takes the PGlite lock (a server, or a one-off CLI command). */
  lockRole?: "server" | "cli";
  /** How long to wait for another process to free DATA_DIR (PGlite only). */
  lockWaitMs?: number;
}

export async function openDatabase(config: Config, options: OpenOptions = {}): Promise<Database> {
  return config.databaseUrl !== null ? openPostgres(config.databaseUrl, config.databaseSchema) : openPglite(config, options);
}

async function openPglite(config: Config, options: OpenOptions): Promise<Database> {
  const release = await acquireDataDirLock(config.dataDir, options.lockRole ?? "server", options.lockWaitMs ?? 0);
  try {
    // On its own thread: statements and commits never stall the server's event loop (pglite-thread.ts).
    const client = await openPgliteThread(join(config.dataDir, "pglite"));
    const schemaName = config.databaseSchema ?? "public";
    if (config.databaseSchema !== null) {
      await client.exec(`CREATE SCHEMA IF NOT EXISTS "${schemaName}"; SET search_path TO "${schemaName}"`);
    }
    const db = drizzlePglite({ client: client as unknown as PGlite, schema }) as unknown as Db;
    // One connection: each name is PREPAREd once on it. PGlite's extended protocol takes no named
    // statements, so EXECUTE gets its arguments as quoted literals (pg's escapeLiteral), sent as a simple
    // query (exec): one protocol exchange with the WASM instead of query()'s parse/describe/bind/execute,
    // which cost ~100-200 µs more per statement (a hold's commit, a log chunk).
    const preparedOnce = new Map<string, { text: string; ready: Promise<unknown> }>();
    return {
      engine: "pglite",
      db,
      schemaName,
      rows: async <T>(query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows,
      prepared: <T>(name: string, text: string, types: readonly string[]) => {
        checkStatementName(name);
        return async (params: readonly string[]) => {
          let statement = preparedOnce.get(name);
          if (statement && statement.text !== text) throw new Error(`prepared statement ${name}: already prepared with another text`);
          if (!statement) {
            const ready = client.exec(`PREPARE ${name}${types.length > 0 ? `(${types.join(", ")})` : ""} AS ${text}`);
            statement = { text, ready };
            preparedOnce.set(name, statement);
            // A failed PREPARE (a table not there yet) is tried again by the next call.
            ready.catch(() => preparedOnce.delete(name));
          }
          await statement.ready;
          const args = params.length > 0 ? `(${params.map((p) => pg.escapeLiteral(p)).join(", ")})` : "";
          const results = await client.exec(`EXECUTE ${name}${args}`);
          return (results[results.length - 1]?.rows ?? []) as T[];
        };
      },
      ping: async () => {
        await client.query("select 1");
      },
      // PGlite is single-process (and DATA_DIR is locked): nobody to exclude.
      exclusive: (fn) => fn(),
      close: async () => {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

async function openPostgres(url: string, schemaName: string | null): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // Each pooled connection gets the schema; identifiers are validated by loadConfig.
    ...(schemaName !== null ? { options: `-c search_path="${schemaName}"` } : {}),
  });
  // An idle client dying (server restart) must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  if (schemaName !== null) await db.execute(sql.raw(`CREATE SCHEMA IF NOT EXISTS "${schemaName}"`));
  return {
    engine: "postgres",
    db,
    schemaName: schemaName ?? "public",
    rows: async <T>(query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows,
    // node-postgres prepares a named statement on each pooled connection at its first use there.
    prepared: <T>(name: string, text: string, _types: readonly string[]) => {
      checkStatementName(name);
      return async (params: readonly string[]) => (await pool.query({ name, text, values: [...params] })).rows as T[];
    },
    ping: async () => {
      await pool.query("select 1");
    },
    exclusive: async (fn) => {
      // A session-level advisory lock on a dedicated connection: other processes booting at the same
      // moment wait here instead of applying the same migration twice.
      const lockClient = await pool.connect();
      try {
        await lockClient.query("select pg_advisory_lock(hashtext($1))", [`scamguard:migrate:${schemaName ?? "public"}`]);
        return await fn();
      } finally {
        await lockClient.query("select pg_advisory_unlock(hashtext($1))", [`scamguard:migrate:${schemaName ?? "public"}`]).catch(() => {});
        lockClient.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Statement names are written into SQL (PREPARE/EXECUTE): plain identifiers only. */
function checkStatementName(name: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`prepared statement name ${JSON.stringify(name)}: use [a-z0-9_]`);
}

/**
 * A statement written for `prepared` ($1…$n), as drizzle SQL with those parameters: the same text runs
 * inside a transaction too, where a pooled prepared statement cannot.
 */
export function sqlWithParams(text: string, params: readonly unknown[]): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const m of text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(text.slice(last, m.index)));
    const n = Number(m[1]);
    if (n < 1 || n > params.length) throw new Error(`sqlWithParams: $${n} without a parameter`);
    chunks.push(sql`${params[n - 1]}`);
    last = (m.index ?? 0) + m[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
}
