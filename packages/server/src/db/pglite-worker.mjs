/**
 * The embedded database's own thread (see pglite-thread.ts): owns the PGlite instance and runs what the
 * server's thread asks, so PostgreSQL's work (WASM) and its file writes never block request handling.
 * Plain JavaScript: a worker thread gets no TypeScript loader (tsx, vitest) from its parent.
 *
 * Messages in: { id, op: "query" | "exec" | "begin" | "end" | "close", tx?, sql?, params?, options?, commit? }.
 * Messages out: { id, result } or { id, error }. Queries inside a transaction name it (`tx`); others wait
 * for it to end, as PGlite itself orders them.
 */
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

const keep = (value) => value;
/** drizzle's parsers keep these types as text: rebuilt here from their type ids (functions do not cross threads). */
const optionsFrom = (o) => (o ? { rowMode: o.rowMode, parsers: Object.fromEntries((o.keepText ?? []).map((oid) => [oid, keep])) } : undefined);

/** A database error as plain data: message plus SQLSTATE and the rest of PostgreSQL's fields. */
function errorData(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  const data = { name: error.name, message: error.message };
  for (const [key, value] of Object.entries(error)) {
    if (value === null || ["string", "number", "boolean"].includes(typeof value)) data[key] = value;
  }
  return data;
}

const transactions = new Map();
let nextTx = 1;
let db;

async function handle(message) {
  const { op } = message;
  if (op === "query") {
    const target = message.tx ? transactions.get(message.tx).tx : db;
    return target.query(message.sql, message.params, optionsFrom(message.options));
  }
  if (op === "exec") {
    const target = message.tx ? transactions.get(message.tx).tx : db;
    return target.exec(message.sql);
  }
  if (op === "begin") {
    const id = nextTx++;
    const entry = {};
    transactions.set(id, entry);
    return new Promise((begun, failed) => {
      entry.finished = db.transaction(async (tx) => {
        entry.tx = tx;
        const commit = await new Promise((end) => {
          entry.end = end;
          begun(id);
        });
        // A rollback ends it without an error here: the caller holds its own error.
        if (!commit) await tx.rollback();
      });
      entry.finished.catch(failed); // BEGIN itself failed (after `begun`, this is a no-op)
    });
  }
  if (op === "end") {
    // Answered once PGlite has committed (or rolled back): an acknowledged commit is on disk.
    const entry = transactions.get(message.tx);
    transactions.delete(message.tx);
    entry.end(message.commit);
    await entry.finished;
    return null;
  }
  if (op === "close") return db.close();
  throw new Error(`pglite worker: unknown op ${op}`);
}

parentPort.on("message", (message) => {
  handle(message).then(
    (result) => parentPort.postMessage({ id: message.id, result }),
    (error) => parentPort.postMessage({ id: message.id, error: errorData(error) }),
  );
});

db = await PGlite.create(workerData.dataDir);
parentPort.postMessage({ ready: true });
