/**
 * The web app (packages/web, built by Vite into `config.webDir`) served by the API server itself:
 * - `GET /` and every client-side route (`/live`, `/console/reports?…`) answer index.html, via the
 *   not-found handler, never for API paths (`/v1/…`, `/docs`, …) or for missing files (`/x.js`);
 * - `GET /assets/*`: the hashed bundles, cached for a year and outside the rate limit (a page load
 *   is several of them; they are static and cheap).
 * The server imports nothing of the web app: it only reads files from the folder.
 */
import fastifyStatic from "@fastify/static";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ZodApp } from "../routes/route-module.js";

/** Paths that belong to the API: a miss there is a JSON 404, never the page. */
const API_PATHS = /^\/(v1|docs|openapi\.json|metrics|healthz)(\/|$|\?)/;

/**
 * The page's security policy: scripts, styles and API calls from this origin only; nothing may frame
 * it (the page shows API keys' results, and a framed page invites click-jacking).
 */
const PAGE_HEADERS = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-cache",
};

export interface WebApp {
  /** Answers a page request with index.html; false when this request is not one (API path, asset, not GET). */
  servePage(request: FastifyRequest, reply: FastifyReply): boolean;
}

export async function installWebApp(app: ZodApp, webDir: string): Promise<WebApp> {
  const built = existsSync(join(webDir, "index.html"));
  await app.register(fastifyStatic, { root: webDir, serve: false, preCompressed: true });
  app.get("/assets/*", { config: { rateLimit: false }, schema: { hide: true } }, (request, reply) => {
    const file = (request.params as { "*": string })["*"];
    // Hashed names: a changed file is a new name, so a year's caching is safe.
    return reply.sendFile(join("assets", file), { maxAge: 31_536_000_000, immutable: true });
  });
  const servePage = (request: FastifyRequest, reply: FastifyReply): boolean => {
    if (request.method !== "GET" && request.method !== "HEAD") return false;
    const path = request.url.split("?")[0] ?? "/";
    if (API_PATHS.test(path) || /\.[a-z0-9]+$/i.test(path)) return false;
    if (!built) {
      void reply
        .status(503)
        .type("text/plain; charset=utf-8")
        .send(`The web app is not built yet (no index.html in ${webDir}). \`npm start\` builds it; or run \`npm run build:web\`.\nThe API is up: /docs, /v1/…\n`);
      return true;
    }
    void reply.headers(PAGE_HEADERS).sendFile("index.html", { cacheControl: false });
    return true;
  };
  app.get("/", { schema: { hide: true } }, (request, reply) => {
    servePage(request, reply);
    return reply;
  });
  return { servePage };
}
