/** Operations: `/healthz` (database reachable), `/metrics` (Prometheus), `/openapi.json`. */
import { HealthResponseSchema } from "@scamguard/contracts";
import type { Registry } from "prom-client";
import type { RouteModule } from "./route-module.js";

const started = Date.now();

export const opsRoutes: RouteModule = (app, ctx) => {
  app.get(
    "/healthz",
    {
      // Probes must not eat the callers' rate limit.
      config: { rateLimit: false },
      schema: { tags: ["ops"], summary: "Liveness and database reachability", response: { 200: HealthResponseSchema, 503: HealthResponseSchema } },
    },
    async (request, reply) => {
      const body = { database: ctx.engine, uptimeSeconds: (Date.now() - started) / 1000 };
      try {
        await ctx.database.ping();
        return { status: "ok" as const, ...body };
      } catch (error) {
        request.log.error({ err: error }, "health check: database unreachable");
        return reply.status(503).send({ status: "unavailable" as const, ...body });
      }
    },
  );

  app.get("/metrics", { config: { rateLimit: false }, schema: { hide: true } }, async (_request, reply) => {
    const registry = ctx.singleton<Registry>("metrics-registry", () => {
      throw new Error("metrics registry missing");
    });
    return reply.type(registry.contentType).send(await registry.metrics());
  });

  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
};
