/**
 * `startServer(config)`: open the database, build the app, listen, and shut down cleanly on
 * SIGTERM/SIGINT. With PGlite it also publishes DATA_DIR/server.json and a 0600 admin.token so
 * `scamguard keys create` works while the server holds the database (see runtime/data-dir.ts).
 */
import { existsSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { createApp } from "./app.js";
import { type Config, describeConfig } from "./config.js";
import { openDatabase } from "./db/client.js";
import { clearServerInfo, writeAdminToken, writeServerInfo } from "./runtime/data-dir.js";

export interface RunningServer {
  app: FastifyInstance;
  /** Where it answers, e.g. http://127.0.0.1:8787 (loopback when bound to all interfaces). */
  url: string;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Close on SIGTERM/SIGINT (default true; tests that start several servers turn it off). */
  handleSignals?: boolean;
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  // The first start on a fresh DATA_DIR takes a while (PGlite creates its files, migrations run): say what
  // is happening on stderr, one plain line a step (LOG_LEVEL=silent: nothing).
  const started = Date.now();
  const say = (line: string) => {
    if (config.logLevel !== "silent") process.stderr.write(`scamguard: ${line} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  };
  // A taken PORT is said first, before "creating the embedded database …" and the tens of seconds that costs on
  // a fresh DATA_DIR, only to fail at listen.
  if (config.port !== 0) await probePort(config).catch((error: unknown) => Promise.reject(listenError(error, config)));
  // Only a start that will create the files warns of the wait; later starts take seconds.
  const fresh = config.databaseUrl === null && !existsSync(join(config.dataDir, "pglite", "PG_VERSION"));
  say(
    config.databaseUrl !== null
      ? "connecting to PostgreSQL (DATABASE_URL)"
      : fresh
        ? `creating the embedded database in ${config.dataDir} (the first start: tens of seconds)`
        : `opening the embedded database in ${config.dataDir}`,
  );
  const database = await openDatabase(config, { lockRole: "server", lockWaitMs: 5_000 });
  const embedded = database.engine === "pglite";
  const localAdminToken = embedded ? writeAdminToken(config.dataDir) : null;
  const app = await createApp(config, { database, closeDatabase: true, localAdminToken, onStep: say });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close();
    if (embedded) clearServerInfo(config.dataDir);
    throw listenError(error, config);
  }
  const { port } = app.server.address() as AddressInfo;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host.includes(":") ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  if (embedded) writeServerInfo(config.dataDir, { pid: process.pid, url, startedAt: new Date().toISOString() });
  app.log.info({ url, config: describeConfig(config) }, "scamguard listening");
  say(`ready at ${url}`);

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      if (embedded) clearServerInfo(config.dataDir);
      await app.close();
    })();
    return closing;
  };

  if (options.handleSignals ?? true) {
    const onSignal = (signal: NodeJS.Signals) => {
      if (closing) {
        // A second signal while draining: stop waiting.
        process.exit(1);
      }
      app.log.info({ signal }, "shutting down");
      close().then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
    };
    process.on("SIGTERM", onSignal);
    process.on("SIGINT", onSignal);
  }
  return { app, url, close };
}

/** Says which setting to change, not only Node's "listen EADDRINUSE: address already in use". */
function listenError(error: unknown, config: Config): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EADDRINUSE") {
    return new Error(`PORT ${config.port} on ${config.host} is already in use by another program (another scamguard?): stop it, or set PORT to another port (PORT=0 picks a free one)`);
  }
  if (code === "EACCES") return new Error(`PORT ${config.port} on ${config.host}: permission denied (ports below 1024 need privileges): set PORT to 1024 or above`);
  return error;
}

/** Listens on the configured port for a moment and lets it go: rejects as listen would (EADDRINUSE, EACCES). */
function probePort(config: Config): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen({ port: config.port, host: config.host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
