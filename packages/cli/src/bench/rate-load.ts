/**
 * An open-loop HTTP load generator at a fixed request rate, in a worker thread so the client never
 * competes with the server's event loop. Requests are scheduled at `rate`/s whatever the answers do, and
 * latency is measured from each request's SCHEDULED time (no coordinated omission: a stall shows up in
 * the percentiles instead of silently lowering the rate). The first WARMUP_MS run at the same rate but are
 * not counted: they open the keep-alive connections and warm the JIT on both sides, a start-up cost every
 * pass would otherwise put into its own p99.
 */
import { Worker } from "node:worker_threads";

export interface RateSpec {
  url: string;
  method: "GET" | "POST";
  path: string;
  /** Bodies cycled through (POST). */
  bodies: string[];
  headers?: Record<string, string>;
  rate: number;
  durationMs: number;
}

/** Requests at the start of a pass that are sent at the rate but not counted. */
const WARMUP_MS = 1_000;

export interface RateResult {
  sent: number;
  errors: number;
  seconds: number;
  /** Sorted ascending, ms. */
  latenciesMs: Float64Array;
}

const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const http = require("node:http");
const spec = workerData;
const target = new URL(spec.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const latencies = [];
let errors = 0, sent = 0, done = 0;
const warmup = Math.round(spec.rate * spec.warmupMs / 1000);
const total = warmup + Math.round(spec.rate * spec.durationMs / 1000);
const start = performance.now();
let measuredFrom = 0;
function fire(i) {
  const scheduled = start + (i * 1000) / spec.rate;
  const body = spec.bodies.length ? spec.bodies[i % spec.bodies.length] : undefined;
  const headers = body ? { ...spec.headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) } : spec.headers;
  const req = http.request({ host: target.hostname, port: target.port, path: spec.path, method: spec.method, agent, headers }, (res) => {
    res.on("data", () => {});
    res.on("end", () => {
      if (i >= warmup) { if (res.statusCode !== 200) errors++; latencies.push(performance.now() - scheduled); }
      finish();
    });
  });
  req.on("error", () => { if (i >= warmup) errors++; finish(); });
  if (body) req.write(body);
  req.end();
}
function finish() {
  if (++done === total) {
    agent.destroy();
    parentPort.postMessage({ sent: total - warmup, errors, seconds: (performance.now() - measuredFrom) / 1000, latencies: Float64Array.from(latencies) });
  }
}
function tick() {
  const due = Math.min(total, Math.floor(((performance.now() - start) * spec.rate) / 1000) + 1);
  while (sent < due) {
    if (sent === warmup) measuredFrom = start + (warmup * 1000) / spec.rate;
    fire(sent++);
  }
  if (sent < total) setTimeout(tick, 1);
}
tick();
`;

export function runAtRate(spec: RateSpec): Promise<RateResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { ...spec, warmupMs: WARMUP_MS } });
    worker.once("message", (m: { sent: number; errors: number; seconds: number; latencies: Float64Array }) => {
      resolve({ sent: m.sent, errors: m.errors, seconds: m.seconds, latenciesMs: m.latencies.sort() });
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}
