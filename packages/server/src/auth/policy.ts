/**
 * Who may call what: THE list. Every route the app registers must have an entry here, keyed
 * `"METHOD /path"` exactly as registered (HEAD follows GET); createApp refuses to boot otherwise, and
 * tests/server/auth-matrix.test.ts walks every route × role against it.
 *
 * - `"anonymous"`: anyone, with or without a key (keyed callers get their higher rate limit).
 * - a list of roles: a valid key with one of them; no key → 401, another role → 403.
 *
 * Add a route: add one line here next to the one in routes/index.ts.
 */
import type { Role } from "@scamguard/contracts";

export const ANONYMOUS = "anonymous";
export type Access = typeof ANONYMOUS | readonly Role[];

export const ALL_ROLES: readonly Role[] = ["reporter", "institution", "analyst", "admin"];
const STAFF: readonly Role[] = ["analyst", "admin"];

export const routePolicy: Record<string, Access> = {
  // Operations and documentation.
  "GET /healthz": ANONYMOUS,
  "GET /metrics": ANONYMOUS,
  "GET /openapi.json": ANONYMOUS,
  "GET /docs": ANONYMOUS,
  "GET /docs/*": ANONYMOUS,
  // Checks anyone may run (under the anonymous rate limit).
  "POST /v1/analyze": ANONYMOUS,
  // Reputation lookup: single anonymous (people, under the rate limit); batch for keyed apps and institutions.
  "GET /v1/lookup": ANONYMOUS,
  "POST /v1/lookup": ALL_ROLES,
  // The official directory: anyone, under the rate limit.
  "GET /v1/directory": ANONYMOUS,
  "POST /v1/directory/verify": ANONYMOUS,
  // Reports: any key files; reading is limited to the filer (and analysts/admins) in the command.
  "POST /v1/reports": ALL_ROLES,
  "GET /v1/reports": ALL_ROLES,
  "GET /v1/reports/:id": ALL_ROLES,
  // Key management.
  "POST /v1/admin/keys": ["admin"],
  "GET /v1/admin/keys": ["admin"],
  "DELETE /v1/admin/keys/:id": ["admin"],
};

/** Swagger UI serves its own sub-routes; they all fall under `GET /docs/*`. */
export function routeId(method: string, url: string): string {
  const m = method === "HEAD" ? "GET" : method;
  return `${m} ${url}`;
}

export function policyFor(method: string, url: string): Access | undefined {
  const id = routeId(method, url);
  if (id in routePolicy) return routePolicy[id];
  if (url.startsWith("/docs/")) return routePolicy["GET /docs/*"];
  return undefined;
}

export { STAFF };
