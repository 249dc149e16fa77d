/**
 * Authentication and authorisation hooks. The order per request is: rate limit (route onRequest, keyed
 * by the caller resolved here) → authorise against auth/policy.ts (preParsing: before the body is
 * read) → validate → handler.
 */
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppContext } from "../context.js";
import { forbidden, unauthorized } from "../errors.js";
import { ANONYMOUS, type Access, policyFor } from "./policy.js";
import type { Principal } from "./principal.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The authenticated caller, or null for anonymous; set by the auth hooks. */
    principal: Principal | null;
  }
}

/** A presented credential that did not authenticate; kept to answer 401 after the rate limit. */
const INVALID = Symbol("invalid credential");
/** An Authorization header that is not `Bearer <key>` (a bare key, Basic…): answered apart, so the fix is plain. */
const NOT_BEARER = Symbol("not a Bearer credential");
type Resolution = Principal | null | typeof INVALID | typeof NOT_BEARER;
const resolved = new WeakMap<FastifyRequest, Promise<Resolution>>();

export interface AuthOptions {
  /** The running server's loopback admin token (DATA_DIR/admin.token); accepted only from loopback. */
  localAdminToken?: string | null;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function bearer(request: FastifyRequest): string | null | typeof INVALID | typeof NOT_BEARER {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  if (match?.[1]) return match[1];
  return /^Bearer\b/i.test(header) ? INVALID : NOT_BEARER;
}

/**
 * The caller of a request (the rate limiter and the policy hook both ask). A key this process
 * authenticated within the cache's TTL, or no key at all, is answered at once, without a promise; only a
 * key that needs the database is looked up, once per request.
 */
export function resolveCaller(ctx: AppContext, options: AuthOptions, request: FastifyRequest): Resolution | Promise<Resolution> {
  const pending = resolved.get(request);
  if (pending !== undefined) return pending;
  const token = bearer(request);
  if (token === null || token === INVALID || token === NOT_BEARER) return token;
  if (options.localAdminToken && sameSecret(token, options.localAdminToken)) {
    return LOOPBACK.has(request.socket.remoteAddress ?? "") ? { keyId: "local-admin", role: "admin", institution: null } : INVALID;
  }
  const keys = ctx.services.apiKeys;
  const known = keys.known(token);
  if (known !== undefined) return known;
  const lookup = keys.authenticate(token).then((principal) => principal ?? INVALID);
  resolved.set(request, lookup);
  return lookup;
}

const bucketOf = (request: FastifyRequest, caller: Resolution): string =>
  caller !== null && caller !== INVALID && caller !== NOT_BEARER ? `key:${caller.keyId}` : `ip:${request.ip}`;

/** Rate-limit bucket: the key id for a valid key, else the IP (so junk keys share their IP's bucket). */
export function rateLimitKey(ctx: AppContext, options: AuthOptions, request: FastifyRequest): string | Promise<string> {
  // No credential at all (every anonymous lookup): the IP's bucket at once, without a promise to settle.
  if (request.headers.authorization === undefined) return `ip:${request.ip}`;
  const caller = resolveCaller(ctx, options, request);
  return caller instanceof Promise ? caller.then((c) => bucketOf(request, c)) : bucketOf(request, caller);
}

export function installAuth(app: FastifyInstance, ctx: AppContext, options: AuthOptions): void {
  app.decorateRequest("principal", null);
  app.addHook("preParsing", (request, _reply, payload, done) => {
    const access = policyFor(request.method, request.routeOptions.url ?? "");
    // Unmatched requests (404) carry no route; everything matched has a policy (enforced at boot).
    if (access === undefined) return done(null, payload);
    // A callback hook: without an Authorization header (most lookups), or with a key seen within the
    // cache's TTL, the caller is known at once, no promise.
    if (request.headers.authorization === undefined) return settle(request, access, null, () => done(null, payload), done);
    const caller = resolveCaller(ctx, options, request);
    if (!(caller instanceof Promise)) return settle(request, access, caller, () => done(null, payload), done);
    caller.then(
      (known) => settle(request, access, known, () => done(null, payload), done),
      (error: Error) => done(error),
    );
  });
}

/** Authorises and continues, or stops the request with authorise's 401/403. */
function settle(request: FastifyRequest, access: Access, caller: Resolution, next: () => void, fail: (error: Error) => void): void {
  try {
    authorise(request, access, caller);
  } catch (error) {
    fail(error as Error);
    return;
  }
  next();
}

/** Sets `request.principal` for a route of this access, or throws 401/403 (see installAuth). */
function authorise(request: FastifyRequest, access: Access, caller: Resolution): void {
  if (access === ANONYMOUS) {
    // A revoked, unknown or malformed key on a route anyone may call is treated as no key (anonymous
    // rate limit, no keyed privileges) rather than 401: an app whose key was revoked keeps working for
    // its users where a key was never needed, and /healthz answers a probe carrying a stale key.
    // It gains nothing: the bucket is the caller's IP, exactly as without a header.
    request.principal = caller === INVALID || caller === NOT_BEARER ? null : caller;
    return;
  }
  if (caller === NOT_BEARER) throw unauthorized('Authorization: expected "Bearer <key>" (the word Bearer, a space, then the key)');
  if (caller === INVALID) throw unauthorized("Authorization: invalid, unknown or revoked API key");
  request.principal = caller;
  if (caller === null) throw unauthorized(`Authorization: this route needs an API key (Bearer) with role ${access.join(" or ")}`);
  if (!access.includes(caller.role)) throw forbidden(`role ${caller.role} may not call ${request.method} ${request.routeOptions.url}; allowed: ${access.join(", ")}`);
}
