/**
 * What request logs may say: never a personal value. Every log line that carries a request shows the
 * route PATTERN (`/v1/conversations/:id/utterances`, `/v1/lookup/range/:prefix`), not the path, and the
 * query's parameter names with their values dropped (`/v1/lookup?kind=_&value=_`); bodies are never
 * logged. The caller's address is cut to its network (/24 for IPv4, /48 for IPv6): enough to see abuse
 * from a network, not to name a household. Errors lose what a database or query error quotes from the
 * input (drizzle's `params`, PostgreSQL's `detail`/`where`).
 *
 * `tests/server/privacy-logs.test.ts` sends marker values to every route of the policy table and greps the
 * logs for them.
 */
import { isIPv4, isIPv6 } from "node:net";
import type { FastifyRequest } from "fastify";
import pino from "pino";

/** Query parameter names shown in logs; any other name (it could itself be a value) shows as `_`. */
const KNOWN_QUERY_NAMES = new Set(["kind", "value", "q", "lang", "limit", "cursor", "subject", "status", "since", "until", "type", "role"]);

/**
 * The URL as a log may show it.
 * @example redactedUrl("/v1/lookup?kind=email&value=li%40x.cn", "/v1/lookup") // "/v1/lookup?kind=_&value=_"
 * @example redactedUrl("/v1/conversations/c_abc/events", "/v1/conversations/:id/events") // "/v1/conversations/:id/events"
 */
export function redactedUrl(url: string, routePattern: string | undefined): string {
  const q = url.indexOf("?");
  // A path no route matched is shown as such: its segments could be anything a caller typed.
  const path = routePattern ?? "(no route)";
  if (q < 0) return path;
  const names = [...new URLSearchParams(url.slice(q + 1)).keys()].map((name) => (KNOWN_QUERY_NAMES.has(name) ? name : "_"));
  return names.length === 0 ? path : `${path}?${names.map((name) => `${name}=_`).join("&")}`;
}

/**
 * An IP address cut to its network.
 * @example networkOf("203.0.113.57") // "203.0.113.0/24"
 * @example networkOf("2001:db8:1234:5678::1") // "2001:db8:1234::/48"
 */
export function networkOf(ip: string | undefined): string | undefined {
  if (ip === undefined) return undefined;
  const v4 = ip.startsWith("::ffff:") && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  if (isIPv4(v4)) return `${v4.split(".").slice(0, 3).join(".")}.0/24`;
  if (!isIPv6(ip)) return undefined;
  const [head = "", tail = ""] = ip.split("::");
  const left = head === "" ? [] : head.split(":");
  const right = tail === "" ? [] : tail.split(":");
  const groups = ip.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 3).map((g) => Number.parseInt(g, 16).toString(16)).join(":")}::/48`;
}

/** Error fields that quote input: drizzle's failed-query parameters, PostgreSQL's row details. */
const QUOTING_FIELDS = ["params", "parameters", "detail", "where", "query"] as const;

/** An error as a log may show it: pino's standard shape, without quoted input, causes included. */
export function redactedError(error: Error): { type: string; message: string; stack: string; [key: string]: unknown } {
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  return scrub(serialized, 0) as { type: string; message: string; stack: string };
}

function scrub(value: Record<string, unknown>, depth: number): Record<string, unknown> {
  if (value === null || typeof value !== "object" || depth > 4) return value;
  const out: Record<string, unknown> = { ...value };
  for (const field of QUOTING_FIELDS) if (field in out) out[field] = "[redacted]";
  for (const field of ["message", "stack"] as const) {
    if (typeof out[field] === "string") out[field] = cutQuery(out[field] as string);
  }
  if (out.cause && typeof out.cause === "object") out.cause = scrub(out.cause as Record<string, unknown>, depth + 1);
  return out;
}

/** Drizzle's message is "Failed query: <sql>\nparams: <values>": keep the SQL, never the values. */
function cutQuery(text: string): string {
  return text.replace(/\nparams: [^\n]*/g, "\nparams: [redacted]");
}

/** Fastify logger serializers: `req` (every request line) and `err`. */
export const logSerializers = {
  req(request: FastifyRequest) {
    return {
      method: request.method,
      url: redactedUrl(request.url, request.routeOptions?.url),
      remoteAddress: networkOf(request.ip),
    };
  },
  err: redactedError,
};
