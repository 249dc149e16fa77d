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
  // The web app (http/web-app.ts): its page and its bundles; client-side routes are served by the 404 handler.
  "GET /": ANONYMOUS,
  "GET /assets/*": ANONYMOUS,
  // Checks anyone may run (under the anonymous rate limit).
  "POST /v1/analyze": ANONYMOUS,
  // Reputation lookup: single anonymous (people, under the rate limit); batch for keyed apps and institutions.
  "GET /v1/lookup": ANONYMOUS,
  "POST /v1/lookup": ALL_ROLES,
  // Private range lookup (k-anonymity): anyone, under the rate limit; the server sees only a hash prefix.
  "GET /v1/lookup/range/:prefix": ANONYMOUS,
  // The official directory: anyone, under the rate limit.
  "GET /v1/directory": ANONYMOUS,
  "POST /v1/directory/verify": ANONYMOUS,
  // Reports: any key files; reading is limited to the filer (and analysts/admins) in the command.
  "POST /v1/reports": ALL_ROLES,
  "GET /v1/reports": ALL_ROLES,
  "GET /v1/reports/:id": ALL_ROLES,
  // The anti-fraud centre (issue 8): the report detail, reviews (evidence levels), cases and statistics are staff only.
  "GET /v1/reports/:id/detail": STAFF,
  "POST /v1/reviews": STAFF,
  "GET /v1/reviews": STAFF,
  "POST /v1/cases": STAFF,
  "GET /v1/cases": STAFF,
  "GET /v1/cases/:id": STAFF,
  "POST /v1/cases/:id/actions": STAFF,
  "GET /v1/cases/:id/packet": STAFF,
  // Freeze requests: staff send and read all; a bank's institution key reads and answers only those addressed
  // to the institution it is bound to (the command answers 404 for any other, like a missing one).
  "POST /v1/freeze-requests": STAFF,
  "GET /v1/freeze-requests": ["institution", "analyst", "admin"],
  "GET /v1/freeze-requests/:id": ["institution", "analyst", "admin"],
  "POST /v1/freeze-requests/:id/acknowledge": ["institution"],
  "POST /v1/freeze-requests/:id/answer": ["institution"],
  "GET /v1/stats/modes": STAFF,
  "GET /v1/stats/losses": STAFF,
  "GET /v1/stats/channels": STAFF,
  "GET /v1/stats/identifiers": STAFF,
  "GET /v1/stats/freezes": STAFF,
  // A filer withdraws their own report (admins on their behalf); anyone else gets 404 in the command.
  "POST /v1/reports/:id/withdrawal": ALL_ROLES,
  // Key management.
  "POST /v1/admin/keys": ["admin"],
  "GET /v1/admin/keys": ["admin"],
  "DELETE /v1/admin/keys/:id": ["admin"],
  // Scam-in-progress (issue 4): sessions and transfer screening for institutions; admins for support.
  "POST /v1/sessions/:id/events": ["institution", "admin"],
  "GET /v1/sessions/:id": ["institution", "admin"],
  "POST /v1/transfers/screen": ["institution", "admin"],
  // Live call assistant: a person's app, no key; the unguessable conversation id is the credential.
  "POST /v1/conversations": ANONYMOUS,
  "POST /v1/conversations/:id/utterances": ANONYMOUS,
  "GET /v1/conversations/:id/events": ANONYMOUS,
  // Guardians: a person's app or an institution on their behalf; alerts filtered to what the key may read.
  "POST /v1/guardians": ["reporter", "institution", "admin"],
  "GET /v1/guardians": ["reporter", "institution", "analyst", "admin"],
  "GET /v1/alerts": ALL_ROLES,
  "POST /v1/webhooks": ["institution", "admin"],
  "GET /v1/webhooks": ["institution", "admin"],
  // Declared outbound contacts (issue 12): declaring needs an institution key, and the command then needs
  // it bound to an institution (403 otherwise); verifying is anyone's, under the rate limit.
  "POST /v1/contacts/outbound": ["institution"],
  "DELETE /v1/contacts/outbound/:id": ["institution"],
  "POST /v1/contacts/verify": ANONYMOUS,
  // Calling-pattern flags from call records (issue 9): institutions and analysts read; analysts clear, audited.
  "GET /v1/flags/:caller": ["institution", "analyst", "admin"],
  "POST /v1/flags/:caller/clear": ["analyst", "admin"],
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
