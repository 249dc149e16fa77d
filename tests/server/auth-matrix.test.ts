/**
 * The authorisation matrix: EVERY registered route (including those added later by other areas) ×
 * every kind of caller, checked against auth/policy.ts. Requests carry the probe header, so the app
 * answers 204 right after authorisation and no handler runs.
 */
import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import type { Role } from "@scamguard/contracts";
import { ALL_ROLES, ANONYMOUS, policyFor, routePolicy } from "../../packages/server/src/auth/policy.js";
import { routes } from "../../packages/server/src/routes/index.js";
import { describeBothEngines } from "../../packages/server/src/testing/test-app.js";

type Caller = "anonymous" | "invalid-key" | Role;
const CALLERS: Caller[] = ["anonymous", "invalid-key", ...ALL_ROLES];

/** 204 = let through; otherwise the status a caller must get. */
function expectedStatus(method: string, url: string, caller: Caller): number {
  const access = policyFor(method, url);
  if (access === undefined) throw new Error(`no policy for ${method} ${url}`);
  // A bad key where no key is needed counts as no key (auth/authenticate.ts).
  if (access === ANONYMOUS) return 204;
  if (caller === "invalid-key") return 401;
  if (caller === "anonymous") return 401;
  return access.includes(caller) ? 204 : 403;
}

const concrete = (url: string) => url.replace(/:[A-Za-z_]+/g, "probe-x").replace(/\*$/, "probe-x");

describeBothEngines("authorisation matrix", (t) => {
  let app: FastifyInstance;
  const headers = new Map<Caller, Record<string, string>>();

  beforeAll(async () => {
    app = await t().withEnv({}, { authorizationProbe: true });
    headers.set("anonymous", {});
    headers.set("invalid-key", { authorization: `Bearer sg_live_${"0".repeat(43)}` });
    for (const role of ALL_ROLES) headers.set(role, await t().authHeader(role));
  });

  it("has a policy entry for every registered route", () => {
    const missing = app.registeredRoutes.filter((r) => policyFor(r.method, r.url) === undefined);
    expect(missing).toEqual([]);
    expect(app.registeredRoutes.length).toBeGreaterThan(5);
  });

  it("has no policy entry for a route that does not exist", () => {
    const registered = new Set(app.registeredRoutes.map((r) => `${r.method === "HEAD" ? "GET" : r.method} ${r.url}`));
    const stale = Object.keys(routePolicy).filter((id) => !id.endsWith("*") && !registered.has(id));
    expect(stale).toEqual([]);
  });

  it("lets through exactly the callers the policy names, for every route and caller", async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const route of app.registeredRoutes) {
      if (route.method === "HEAD") continue;
      for (const caller of CALLERS) {
        const want = expectedStatus(route.method, route.url, caller);
        const res = await app.inject({
          method: route.method as "GET",
          url: concrete(route.url),
          headers: { ...headers.get(caller), "x-scamguard-authz-probe": "1" },
        });
        checked++;
        if (res.statusCode !== want) mismatches.push(`${route.method} ${route.url} as ${caller}: got ${res.statusCode}, want ${want}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(CALLERS.length * 5);
  });

  it("refuses to boot with a route that has no policy entry, naming the route and the policy file", async () => {
    routes.push((probe) => {
      probe.get("/v1/unlisted", async () => ({ ok: true }));
    });
    try {
      await expect(t().withEnv({})).rejects.toThrow("route GET /v1/unlisted has no entry in packages/server/src/auth/policy.ts");
    } finally {
      routes.pop();
    }
  });
});
