/**
 * A small keep-alive HTTP load generator that runs in a worker thread, so the client's event loop never
 * competes with the server's: `connections` loops, each sending its next request as soon as the previous
 * answer is read, for `durationMs`. Latencies are per request, in milliseconds.
 */
import { Worker } from "node:worker_threads";

export interface LoadSpec {
  url: string;
  method: "GET" | "POST";
  /** Paths (with query) cycled through by every connection; POST sends `body` to `paths[0]`. */
  paths: string[];
  body?: string;
  headers?: Record<string, string>;
  connections: number;
  durationMs: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  latenciesMs: Float64Array;
}

const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const http = require("node:http");
const spec = workerData;
const target = new URL(spec.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: spec.connections });
const latencies = [];
let errors = 0;
const deadline = Date.now() + spec.durationMs;
function once(path) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const req = http.request({ host: target.hostname, port: target.port, path, method: spec.method, agent,
      headers: spec.body ? { ...spec.headers, "content-type": "application/json", "content-length": Buffer.byteLength(spec.body) } : spec.headers },
      (res) => {
        res.on("data", () => {});
        res.on("end", () => {
          if (res.statusCode !== 200) errors++;
          latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
          resolve();
        });
      });
    req.on("error", () => { errors++; resolve(); });
    if (spec.body) req.write(spec.body);
    req.end();
  });
}
async function loop(offset) {
  let i = offset;
  while (Date.now() < deadline) await once(spec.paths[i++ % spec.paths.length]);
}
const started = Date.now();
Promise.all(Array.from({ length: spec.connections }, (_, c) => loop(c * 7919))).then(() => {
  agent.destroy();
  parentPort.postMessage({ requests: latencies.length, errors, seconds: (Date.now() - started) / 1000, latencies: Float64Array.from(latencies) });
});
`;

export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: spec });
    worker.once("message", (m: { requests: number; errors: number; seconds: number; latencies: Float64Array }) => {
      resolve({ requests: m.requests, errors: m.errors, seconds: m.seconds, latenciesMs: m.latencies.sort() });
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}
