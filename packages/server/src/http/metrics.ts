/**
 * Prometheus metrics with a registry per app instance (several apps in one test process must not
 * share counters): request count and latency per route pattern, plus Node's default metrics.
 */
import type { FastifyInstance } from "fastify";
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export function installMetrics(app: FastifyInstance, registry: Registry): void {
  collectDefaultMetrics({ register: registry });
  const labelNames = ["method", "route", "status"] as const;
  const requests = new Counter({ name: "http_requests_total", help: "HTTP requests answered", labelNames, registers: [registry] });
  const latency = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time from request received to response sent, in seconds",
    labelNames,
    // Lookups answer in well under a millisecond; batch and analyze calls take longer.
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });

  // A callback hook, not an async one: no promise per request.
  app.addHook("onResponse", (request, reply, done) => {
    // The route pattern, never the raw URL: ids in paths would explode the label set.
    const labels = { method: request.method, route: request.routeOptions.url ?? "unmatched", status: String(reply.statusCode) };
    requests.inc(labels);
    latency.observe(labels, reply.elapsedTime / 1000);
    done();
  });
}
