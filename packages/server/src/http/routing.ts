/**
 * Answers for requests no handler takes, computed from the routes actually registered (so routes
 * added later are covered without a list to keep up to date):
 * - a known path with another method → 405 `method_not_allowed` with `Allow` listing the methods it has;
 * - an unknown path → 404 `not_found`.
 * And `x-request-id` on every response: the caller's own (if it is a sane token) or a fresh UUID;
 * Fastify's request logger puts the same id (`reqId`) on every log line of the request.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import Router from "find-my-way";
import type { ErrorResponse } from "@scamguard/contracts";

export const REQUEST_ID_HEADER = "x-request-id";
/** A caller-supplied id is kept only if it cannot forge log lines or grow them without bound. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify's `genReqId`: the caller's x-request-id when sane, else a fresh UUID. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === "string" && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

export interface KnownRoute {
  method: string;
  url: string;
}

/** Methods registered for a concrete path, in a stable order; empty when no route matches the path. */
export function allowedMethods(routes: readonly KnownRoute[]): (path: string) => string[] {
  let router: Router.Instance<Router.HTTPVersion.V1> | null = null;
  let methods: string[] = [];
  return (path) => {
    if (router === null) {
      router = Router({ ignoreTrailingSlash: false });
      for (const route of routes) {
        try {
          router.on(route.method as Router.HTTPMethod, route.url, () => {});
        } catch {
          // A duplicate (e.g. HEAD registered twice) is already there.
        }
      }
      methods = [...new Set(routes.map((r) => r.method))].sort();
    }
    const found = router;
    return methods.filter((method) => found.find(method as Router.HTTPMethod, path) !== null);
  };
}

/**
 * Fastify's `frameworkErrors`: errors raised while routing, before any hook (a malformed %-escape in
 * the path, a path parameter over the router's 100-character limit), in the same JSON error shape.
 * The path is not echoed: it may be kilobytes long.
 */
export function frameworkError(error: { code?: string }, request: FastifyRequest, reply: FastifyReply): void {
  reply.header(REQUEST_ID_HEADER, request.id);
  if (error.code === "FST_ERR_MAX_PARAM_LENGTH") {
    send(reply, 414, { error: { code: "uri_too_long", message: "path: a path parameter is longer than 100 characters" } });
    return;
  }
  send(reply, 400, { error: { code: "invalid_url", message: "path: malformed (an invalid %-escape or character)" } });
}

function send(reply: FastifyReply, status: number, body: ErrorResponse): void {
  reply.status(status).type("application/json; charset=utf-8").send(body);
}

/**
 * @param pageFallback answers a miss that is a page of the web app (client-side routes) and says so;
 *   anything else gets the JSON 405/404.
 */
export function installRouting(
  app: FastifyInstance,
  routes: readonly KnownRoute[],
  pageFallback: (request: FastifyRequest, reply: FastifyReply) => boolean = () => false,
): void {
  // A callback hook, not an async one: no promise per response.
  app.addHook("onSend", (request, reply, payload, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done(null, payload);
  });

  const methodsFor = allowedMethods(routes);
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    if (pageFallback(request, reply)) return;
    const path = request.url.split("?")[0] ?? "/";
    const allow = methodsFor(path);
    // A route that answers this method but found nothing (a missing /assets/ file) is a 404, not a 405.
    if (allow.includes(request.method)) {
      send(reply, 404, { error: { code: "not_found", message: `${request.method} ${path}: not found` } });
      return;
    }
    if (allow.length > 0) {
      reply.header("allow", allow.join(", "));
      send(reply, 405, { error: { code: "method_not_allowed", message: `${request.method} ${path}: method not allowed; allowed: ${allow.join(", ")}` } });
      return;
    }
    send(reply, 404, { error: { code: "not_found", message: `no route ${request.method} ${path}` } });
  });
}
