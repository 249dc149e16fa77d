/**
 * `createApp(config, overrides)`: the whole service as a library. Tests boot it in-process; `bin.ts`
 * and `start.ts` only add listening and signals. Order of a request: rate limit → authorise →
 * validate (zod) → handler → command → present; every failure goes through http/error-handler.ts.
 */
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import rateLimit from "@fastify/rate-limit";
import { createHash } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import { Redis } from "ioredis";
import { jsonSchemaTransform, serializerCompiler } from "fastify-type-provider-zod";
import { Registry } from "prom-client";
import { type AuthOptions, installAuth, rateLimitKey } from "./auth/authenticate.js";
import { ANONYMOUS, policyFor } from "./auth/policy.js";
import type { Config } from "./config.js";
import { type AppContext, createContext } from "./context.js";
import { type Database, openDatabase } from "./db/client.js";
import { migrateDatabase } from "./db/migrate.js";
import { AppError, badRequest } from "./errors.js";
import { installErrorHandling } from "./http/error-handler.js";
import { installMetrics } from "./http/metrics.js";
import { installWebApp, type WebApp } from "./http/web-app.js";
import { logSerializers } from "./http/log-redaction.js";
import { frameworkError, installRouting, requestIdOf } from "./http/routing.js";
import { clientErrorHandler, httpServerOptions, installServerLimits } from "./http/server-limits.js";
import { installAbsentBodyAsEmpty, policyValidatorCompiler } from "./http/validation.js";
import { routes } from "./routes/index.js";
import type { ZodApp } from "./routes/route-module.js";
import type { ServiceFactories } from "./services/index.js";

export interface AppOverrides {
  /** An already opened database (tests share one per file); otherwise opened from config. */
  database?: Database;
  /** Replace service factories, e.g. a failing service to test the 500 path. */
  services?: Partial<ServiceFactories>;
  /** Accept this loopback admin token as an admin (set by startServer; see runtime/data-dir.ts). */
  localAdminToken?: string | null;
  /** Close the database when the app closes (default: only when createApp opened it). */
  closeDatabase?: boolean;
  /**
   * Tests only: a request carrying `x-scamguard-authz-probe` is answered 204 right after authorisation,
   * so the authorisation matrix can walk every route without running handlers.
   */
  authorizationProbe?: boolean;
  /** Told each slow start-up step as it begins (startServer prints them on stderr). */
  onStep?: (step: string) => void;
  /** Where the log lines go instead of stdout (a test reads them); LOG_LEVEL still decides which. */
  logStream?: { write(line: string): void };
}

/** A registered route as the policy sees it. */
export interface RegisteredRoute {
  method: string;
  url: string;
  /** Its zod schemas (body, querystring, params), e.g. for the fuzz suite to name real fields. */
  schema?: { body?: unknown; querystring?: unknown; params?: unknown; hide?: boolean };
}

declare module "fastify" {
  interface FastifyInstance {
    /** The app context (config, database, services); for tests and the bin, never for handlers. */
    ctx: AppContext;
    /** Every route registered, HEAD included: what the authorisation matrix walks. */
    registeredRoutes: RegisteredRoute[];
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<FastifyInstance> {
  const database = overrides.database ?? (await openDatabase(config));
  const closeDatabase = overrides.closeDatabase ?? overrides.database === undefined;
  try {
    overrides.onStep?.("applying database migrations");
    await migrateDatabase(database);
    overrides.onStep?.("loading the reputation index and contacts");
    return await buildApp(config, database, overrides, closeDatabase);
  } catch (error) {
    if (closeDatabase) await database.close();
    throw error;
  }
}

async function buildApp(config: Config, database: Database, overrides: AppOverrides, closeDatabase: boolean): Promise<FastifyInstance> {
  const ctx = createContext(config, database, overrides.services);
  const app = Fastify({
    logger:
      config.logLevel === "silent"
        ? false
        : {
            level: config.logLevel,
            redact: ["req.headers.authorization", "req.headers.cookie"],
            serializers: logSerializers,
            ...(overrides.logStream ? { stream: overrides.logStream } : {}),
          },
    bodyLimit: config.bodyLimitBytes,
    // A hop count is supported at runtime (Fastify docs) though the logger overload types omit it.
    trustProxy: config.trustProxy as boolean | string[],
    forceCloseConnections: "idle",
    return503OnClosing: true,
    // Slow clients: see http/server-limits.ts (Fastify passes `http` to http.createServer).
    requestTimeout: config.http.requestTimeoutMs,
    http: httpServerOptions(config),
    // Requests Node's parser refuses (raw Chinese in a URL, bad headers, 408) get the API's error shape.
    clientErrorHandler,
    // x-request-id: the caller's (when sane) or a fresh UUID; on every response and request log line.
    genReqId: requestIdOf,
    frameworkErrors: frameworkError,
  }).withTypeProvider() as unknown as ZodApp;
  installServerLimits(app.server, config);

  app.decorate("ctx", ctx);
  const registeredRoutes: RegisteredRoute[] = [];
  app.decorate("registeredRoutes", registeredRoutes);
  // One validation policy for every route (unknown fields rejected, absent body = {}): http/validation.ts.
  app.setValidatorCompiler(policyValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  let webApp: WebApp | null = null;
  installErrorHandling(app as unknown as FastifyInstance, config.bodyLimitBytes);
  installRouting(app as unknown as FastifyInstance, registeredRoutes, (request, reply) => webApp?.servePage(request, reply) ?? false);
  installAbsentBodyAsEmpty(app as unknown as FastifyInstance);
  installBodyParsers(app);

  // Every route must have an access rule; a missing one is a programming error caught at boot.
  app.addHook("onRoute", (route) => {
    for (const method of ([] as string[]).concat(route.method)) {
      const access = policyFor(method, route.url);
      if (access === undefined) {
        throw new Error(`route ${method} ${route.url} has no entry in packages/server/src/auth/policy.ts`);
      }
      registeredRoutes.push({ method, url: route.url, ...(route.schema ? { schema: route.schema } : {}) });
      // The OpenAPI document states who may call what, straight from the policy.
      if (access !== ANONYMOUS && route.schema) {
        const roles = `Requires an API key with role: ${access.join(", ")}.`;
        route.schema = {
          ...route.schema,
          security: [{ apiKey: [] }],
          description: route.schema.description ? `${route.schema.description}\n\n${roles}` : roles,
        };
      }
    }
  });

  const registry = ctx.singleton("metrics-registry", () => new Registry());
  installMetrics(app as unknown as FastifyInstance, registry);

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "scamguard API",
        version: "0.1.0",
        description: "Stops impersonation scams: analyze texts, look up identifiers, file reports, guard sessions and transfers.",
      },
      components: { securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "sg_live_… API key" } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });

  const authOptions: AuthOptions = { localAdminToken: overrides.localAdminToken ?? null };
  const shared = config.redisUrl === null ? null : await sharedRateLimitStore(config, app);
  await app.register(rateLimit, {
    global: true,
    ...(shared ?? {}),
    timeWindow: 60_000,
    keyGenerator: (request) => rateLimitKey(ctx, authOptions, request),
    max: (_request, key) => (key.startsWith("key:") ? config.rateLimit.keyedPerMinute : config.rateLimit.anonymousPerMinute),
    errorResponseBuilder: (_request, context) =>
      new AppError(
        429,
        "rate_limited",
        `too many requests: the limit is ${context.max} per minute ${context.max === config.rateLimit.keyedPerMinute ? "per API key" : "per IP address without an API key"}; retry in ${Math.max(1, Math.ceil(context.ttl / 1000))} s`,
      ),
  });
  installAuth(app as unknown as FastifyInstance, ctx, authOptions);
  if (overrides.authorizationProbe) {
    app.addHook("preValidation", async (request, reply) => {
      if (request.headers["x-scamguard-authz-probe"] !== undefined) await reply.status(204).send();
    });
  }

  for (const register of routes) await register(app, ctx);
  webApp = await installWebApp(app, config.webDir);

  app.addHook("onClose", async () => {
    await ctx.closeAll();
    if (closeDatabase) await database.close();
  });
  await app.ready();
  return app as unknown as FastifyInstance;
}

/**
 * With REDIS_URL, counters live in Redis so every server process on the same database shares one
 * limit (otherwise each process counts alone and N processes allow N × the limit). Redis being down
 * must not take the API down: requests then pass unlimited, and the error is logged.
 */
async function sharedRateLimitStore(config: Config, app: ZodApp): Promise<{ redis: Redis; nameSpace: string; skipOnError: true }> {
  const redis = new Redis(config.redisUrl as string, { connectTimeout: 1_000, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  let warned = false;
  redis.on("error", (error) => {
    if (!warned) app.log.warn({ err: error }, "rate limit: Redis unavailable; requests pass unlimited until it is back");
    warned = true;
  });
  redis.on("ready", () => {
    warned = false;
  });
  // Start with the connection up when Redis is there, so the first requests are counted too.
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 2_000);
    redis.once("ready", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  app.addHook("onClose", async () => {
    await redis.quit().catch(() => redis.disconnect());
  });
  // Processes share counters exactly when they share a database (password never part of the key).
  const where = config.databaseUrl === null ? `pglite:${config.dataDir}` : `${redactedHost(config.databaseUrl)}/${config.databaseSchema ?? "public"}`;
  return { redis, nameSpace: `sg-rl:${createHash("sha256").update(where).digest("hex").slice(0, 16)}:`, skipOnError: true };
}

function redactedHost(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port}${parsed.pathname}`;
}

/** JSON only (anything else is 415), read as bytes so invalid UTF-8 is a clear 400, not mojibake. */
function installBodyParsers(app: ZodApp): void {
  app.removeAllContentTypeParsers();
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(badRequest("invalid_utf8", "body: not valid UTF-8 text"), undefined);
      return;
    }
    parseJson(request, text, (error, value) => {
      if (error) done(describeJsonError(text), undefined);
      else done(null, value);
    });
  });
}

/** Why a body failed Fastify's safe JSON parse, in words that point at the problem. */
function describeJsonError(text: string): AppError {
  if (text.trim() === "") return badRequest("invalid_json", "body: empty, but Content-Type is application/json");
  try {
    JSON.parse(text);
  } catch (error) {
    return badRequest("invalid_json", `body: malformed JSON (${(error as Error).message})`);
  }
  // Valid JSON that Fastify's parser refused: prototype-poisoning keys.
  return badRequest("invalid_json", "body: the keys __proto__ and constructor.prototype are not allowed");
}
