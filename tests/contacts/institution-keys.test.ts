/**
 * Institution keys bound to a directory entry: created through the admin route and the CLI, refused for an
 * unknown directory id or a non-institution role, and the binding carried on the authenticated principal.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedPgliteDataDir } from "../../packages/server/src/testing/pglite-template.js";
import { describeBothEngines } from "../../packages/server/src/testing/test-app.js";
import { runCli } from "../helpers/run-cli.js";

describeBothEngines("institution-bound keys", (t) => {
  const create = async (payload: Record<string, unknown>) =>
    t().app.inject({ method: "POST", url: "/v1/admin/keys", headers: await t().authHeader("admin"), payload });

  it("refuses an id that is not in the directory, naming the field", async () => {
    const res = await create({ role: "institution", institution: "jd-finance-fake" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("unknown_institution");
    expect(res.json().error.message).toContain('institution: "jd-finance-fake" is not an id of the official directory');
  });

  it("refuses a binding on any role but institution", async () => {
    const res = await create({ role: "reporter", institution: "jd" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("institution_needs_institution_role");
  });

  it("refuses a malformed id before looking it up", async () => {
    const res = await create({ role: "institution", institution: "JD Finance" });
    expect(res.statusCode).toBe(400);
  });

  it("creates a bound key, lists its binding and puts it on the principal", async () => {
    const res = await create({ role: "institution", institution: "jd", label: "JD outbound" });
    expect(res.statusCode).toBe(201);
    const { key, info } = res.json() as { key: string; info: { id: string; institution: string | null } };
    expect(info.institution).toBe("jd");
    const list = await t().app.inject({ method: "GET", url: "/v1/admin/keys?limit=100", headers: await t().authHeader("admin") });
    expect(list.json().items.find((k: { id: string }) => k.id === info.id)?.institution).toBe("jd");
    expect(await t().ctx.services.apiKeys.authenticate(key)).toEqual({ keyId: info.id, role: "institution", institution: "jd" });
  });

  it("leaves existing institution keys unbound and working for screening and lookup", async () => {
    const headers = await t().authHeader("institution");
    const key = headers.authorization.slice("Bearer ".length);
    expect((await t().ctx.services.apiKeys.authenticate(key))?.institution).toBeNull();
    const res = await t().app.inject({ method: "POST", url: "/v1/lookup", headers, payload: { items: [{ kind: "phone", value: "950618" }] } });
    expect(res.statusCode).toBe(200);
  });
});

describe("scamguard keys create --institution", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "scamguard-bound-keys-"));
  // An existing database (a copy of the migrated template): these tests are about the binding, not creation.
  beforeAll(() => seedPgliteDataDir(dataDir));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = { DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn" };

  it("refuses an unknown directory id with a clear message", async () => {
    const res = await runCli(["keys", "create", "--role", "institution", "--institution", "nobank"], { env });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('institution: "nobank" is not an id of the official directory');
    expect(res.stdout).toBe("");
  }, 240_000);

  it("creates a key bound to JD and says so", async () => {
    const res = await runCli(["keys", "create", "--role", "institution", "--institution", "jd"], { env });
    expect(res.stderr).toContain("bound to jd");
    expect(res.code).toBe(0);
    expect(res.stdout.trim()).toMatch(/^sg_live_[A-Za-z0-9_-]{43}$/);
  }, 240_000);
});
