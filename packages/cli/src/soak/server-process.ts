/**
 * The server under soak: the real `scamguard serve` as a child process on a fixed port, so the load
 * generator's connection pool keeps one origin across `kill -9` and restart.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../bin/scamguard.js", import.meta.url));
/** Kept from the child's stderr for the error message when it dies on its own. */
const STDERR_TAIL = 4096;

/** A port nobody listens on now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export class ServerProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private stderr = "";
  readonly url: string;

  /** The running server's process id (null while stopped). */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  constructor(
    private readonly env: Record<string, string>,
    readonly port: number,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** Starts the server and resolves once /healthz answers 200; the milliseconds that took. */
  async start(timeoutMs = 120_000): Promise<number> {
    const started = Date.now();
    this.stderr = "";
    const child = spawn(process.execPath, [BIN, "serve"], {
      env: { ...process.env, ...this.env, PORT: String(this.port) },
      stdio: ["ignore", "ignore", "pipe"],
    });
    child.stderr?.setEncoding("utf8").on("data", (d: string) => {
      this.stderr = (this.stderr + d).slice(-STDERR_TAIL);
    });
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    this.child = child;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited while starting: ${this.stderr}`);
      try {
        if ((await fetch(`${this.url}/healthz`)).status === 200) return Date.now() - started;
      } catch {
        // not listening yet
      }
      if (Date.now() - started > timeoutMs) throw new Error(`server did not answer /healthz within ${timeoutMs / 1000} s: ${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** `kill -9`: no shutdown hook runs, whatever was not committed is gone. Resolves once it is dead. */
  async kill9(): Promise<void> {
    this.child?.kill("SIGKILL");
    await this.exited;
    this.child = null;
  }

  /** A clean stop at the end (SIGTERM, then SIGKILL after 10 s). */
  async stop(): Promise<void> {
    const child = this.child;
    if (child === null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await this.exited;
    clearTimeout(timer);
    this.child = null;
  }
}
