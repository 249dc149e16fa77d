/**
 * Two apps (as two server processes would be) over the same PostgreSQL schema, each with its own pool and
 * in-memory index: a report filed through A is visible to lookups through B promptly (LISTEN/NOTIFY),
 * and a third app started later rebuilds it from the database.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../packages/server/src/app.js";
import { loadConfig } from "../../packages/server/src/config.js";
import { testEngines, testEnvironment } from "../../packages/server/src/testing/test-app.js";

const lookupVerdict = async (app: FastifyInstance, query: string) =>
  (await app.inject({ method: "GET", url: `/v1/lookup?${query}` })).json() as { verdict: string; reports: number; distinctReporters: number };

async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.runIf(testEngines().includes("postgres"))("reputation index across processes [postgres]", () => {
  let a: FastifyInstance;
  let b: FastifyInstance;
  let cleanup: () => Promise<void>;
  let env: Record<string, string>;

  beforeAll(async () => {
    ({ env, cleanup } = await testEnvironment("postgres"));
    a = await createApp(loadConfig(env));
    b = await createApp(loadConfig(env));
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await cleanup?.();
  });

  it("shows a report filed through A to lookups through B within moments", async () => {
    const { key } = await a.ctx.services.apiKeys.create({ role: "analyst", label: "cross-process" });
    const before = await lookupVerdict(b, "kind=phone&value=13500135000");
    expect(before.verdict).toBe("unknown");

    const filed = await a.inject({
      method: "POST",
      url: "/v1/reports",
      headers: { authorization: `Bearer ${key}` },
      payload: { identifiers: [{ kind: "phone", value: "13500135000" }] },
    });
    expect(filed.statusCode).toBe(201);
    // A applied it synchronously on write (an analyst's REPORT is crowd evidence: suspicious, not scam).
    expect((await lookupVerdict(a, "kind=phone&value=13500135000")).verdict).toBe("suspicious");
    // B hears it through NOTIFY.
    const seen = await eventually(() => lookupVerdict(b, "kind=phone&value=13500135000"), (r) => r.verdict === "suspicious");
    expect(seen).toMatchObject({ verdict: "suspicious", reports: 1, distinctReporters: 1 });
  });

  it("applies each report once even though the filing process also hears its own notification", async () => {
    const { key } = await b.ctx.services.apiKeys.create({ role: "reporter", label: "once" });
    const res = await b.inject({
      method: "POST",
      url: "/v1/reports",
      headers: { authorization: `Bearer ${key}` },
      payload: { identifiers: [{ kind: "domain", value: "jd-tuikuan.example.com" }] },
    });
    expect(res.statusCode).toBe(201);
    await eventually(() => lookupVerdict(a, "kind=domain&value=example.com"), (r) => r.reports === 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await lookupVerdict(a, "kind=domain&value=example.com")).reports).toBe(1);
    expect((await lookupVerdict(b, "kind=domain&value=example.com")).reports).toBe(1);
  });

  it("rebuilds everything in an app started afterwards", async () => {
    const c = await createApp(loadConfig(env));
    try {
      expect(await lookupVerdict(c, "kind=phone&value=13500135000")).toMatchObject({ verdict: "suspicious", reports: 1 });
    } finally {
      await c.close();
    }
  });
});
