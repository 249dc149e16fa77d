/**
 * Embedded PGlite on its own worker thread (pglite-worker.mjs), behind the part of PGlite's interface
 * that drizzle and this package use (query, exec, interactive transactions, close).
 *
 * Why: PGlite is PostgreSQL compiled to WASM; in-process, every statement and its file writes run on the
 * server's thread, so one commit stalls every request behind it (screening holds at 2,000 req/s kept the
 * event loop blocked a third of the time). On its own thread the server's thread only posts messages.
 * Values cross by structured clone; errors come back as plain data with their SQLSTATE `code`.
 */
import { Worker } from "node:worker_threads";
import type { QueryOptions, Results } from "@electric-sql/pglite";

type Op =
  | { op: "query"; sql: string; params?: unknown[]; options?: WireOptions; tx?: number }
  | { op: "exec"; sql: string; tx?: number }
  | { op: "begin" }
  | { op: "end"; tx: number; commit: boolean }
  | { op: "close" };
interface WireOptions {
  rowMode?: "array" | "object";
  keepText: number[];
}

/** What a query or transaction handle offers: the subset drizzle's PGlite driver calls. */
export interface PgliteLike {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string): Promise<Results[]>;
}
export interface PgliteTransaction extends PgliteLike {
  rollback(): Promise<void>;
  readonly closed: boolean;
}
export interface PgliteThread extends PgliteLike {
  transaction<T>(fn: (tx: PgliteTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * drizzle passes parsers that keep some types as text (identity functions): those cross as type ids.
 * Any other parser cannot cross a thread, so it is refused rather than silently dropped.
 */
function wireOptions(options: QueryOptions | undefined): WireOptions | undefined {
  if (!options) return undefined;
  const keepText: number[] = [];
  for (const [oid, parser] of Object.entries(options.parsers ?? {})) {
    if (parser("2000-01-01", Number(oid)) !== "2000-01-01") throw new Error(`pglite thread: a custom parser for type ${oid} cannot cross threads`);
    keepText.push(Number(oid));
  }
  if (options.serializers || options.blob || options.onNotice || options.paramTypes) throw new Error("pglite thread: unsupported query option");
  return { ...(options.rowMode ? { rowMode: options.rowMode } : {}), keepText };
}

/** A database error rebuilt from the worker's plain data (message, SQLSTATE `code`, detail, …). */
function rebuildError(data: Record<string, unknown>): Error {
  const error = new Error(String(data.message));
  Object.assign(error, data);
  return error;
}

const WORKER_URL = new URL("./pglite-worker.mjs", import.meta.url);

/** Starts the thread and opens PGlite in `dataDir`; resolves when it answers. */
export async function openPgliteThread(dataDir: string): Promise<PgliteThread> {
  const worker = new Worker(WORKER_URL, { workerData: { dataDir } });
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  let failure: Error | null = null;

  const fail = (error: Error) => {
    failure ??= error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`pglite thread exited (${code})`)));

  await new Promise<void>((resolve, reject) => {
    const onReady = (m: { ready?: boolean }) => {
      if (!m.ready) return;
      worker.off("message", onReady);
      resolve();
    };
    worker.on("message", onReady);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`pglite thread exited while opening ${dataDir} (${code})`)));
  });
  worker.on("message", (m: { id: number; result?: unknown; error?: Record<string, unknown> }) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    // Only pending calls keep the process alive (an in-process PGlite never held it either).
    if (waiting.size === 0) worker.unref();
    if (m.error) w.reject(rebuildError(m.error));
    else w.resolve(m.result);
  });
  worker.unref();

  const call = <T>(message: Op): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      if (waiting.size === 0) worker.ref();
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...message, id });
    });
  };
  const handle = (tx?: number): PgliteLike => ({
    query: <T>(sql: string, params?: unknown[], options?: QueryOptions) =>
      call<Results<T>>({ op: "query", sql, ...(params ? { params } : {}), ...optional("options", wireOptions(options)), ...optional("tx", tx) }),
    exec: (sql: string) => call<Results[]>({ op: "exec", sql, ...optional("tx", tx) }),
  });

  return {
    ...handle(),
    async transaction<T>(fn: (tx: PgliteTransaction) => Promise<T>): Promise<T> {
      const id = await call<number>({ op: "begin" });
      let closed = false;
      const end = (commit: boolean) => {
        closed = true;
        return call<void>({ op: "end", tx: id, commit });
      };
      const tx: PgliteTransaction = {
        ...handle(id),
        rollback: () => end(false),
        get closed() {
          return closed;
        },
      };
      let result: T;
      try {
        result = await fn(tx);
      } catch (error) {
        // The caller's error is the one to report; a failed rollback ends the transaction all the same.
        if (!closed) await end(false).catch(() => {});
        throw error;
      }
      if (!closed) await end(true);
      return result;
    },
    async close() {
      if (failure) return;
      await call<void>({ op: "close" });
      await worker.terminate();
    },
  };
}

const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));
