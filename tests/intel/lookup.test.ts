/** Reputation lookup through the public surface, on PGlite and PostgreSQL: failure cases first. */
import { expect, it } from "vitest";
import type { Role } from "@scamguard/contracts";
import { describeBothEngines } from "../../packages/server/src/testing/test-app.js";

describeBothEngines("lookup", (t) => {
  const lookup = (query: string) => t().app.inject({ method: "GET", url: `/v1/lookup?${query}` });
  const batch = async (payload: unknown, role: Role | null = "institution") =>
    t().app.inject({ method: "POST", url: "/v1/lookup", headers: role ? await t().authHeader(role) : {}, payload: payload as object });
  const report = async (authorization: string, identifiers: Array<{ kind: string; value: string }>, text?: string) => {
    const res = await t().app.inject({ method: "POST", url: "/v1/reports", headers: { authorization }, payload: { identifiers, ...(text ? { text } : {}) } });
    expect([200, 201]).toContain(res.statusCode);
    return res;
  };
  const freshKey = async (role: Role = "reporter") => `Bearer ${await t().createKey(role)}`;

  it("names a missing kind and an unknown kind (400)", async () => {
    const missing = await lookup("value=13800138000");
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].path).toBe("kind");
    const unknown = await lookup("kind=pager&value=1");
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/^kind: /);
  });

  it("tells a client that sends ?phone=… (or ?q=…) to name the kind and the value apart", async () => {
    const res = await lookup("phone=13800138000");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContainEqual({ path: "phone", message: "unknown field: name the kind and the value apart: kind=phone&value=…" });
    const search = await lookup("q=%E4%BA%AC%E4%B8%9C");
    expect(search.json().error.message).toContain("q: unknown field: to search the official directory by name use GET /v1/directory?q=…");
  });

  it("names an empty value (400)", async () => {
    const res = await lookup("kind=phone&value=");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe("value: must not be empty");
  });

  it("answers an unparsable phone with 422 naming value", async () => {
    const res = await lookup("kind=phone&value=not-a-number");
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: "invalid_identifier", message: 'value: not a phone number ("not-a-number")' });
  });

  it("wants a key for batch lookups (401)", async () => {
    const res = await batch({ items: [{ kind: "phone", value: "95588" }] }, null);
    expect(res.statusCode).toBe(401);
  });

  it("rejects an empty batch, more than 1000 items and wrong types naming the field", async () => {
    const empty = await batch({ items: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toBe("items: at least 1 item");
    const big = await batch({ items: Array.from({ length: 1001 }, () => ({ kind: "phone", value: "95588" })) });
    expect(big.statusCode).toBe(400);
    expect(big.json().error.message).toBe("items: at most 1000 items");
    const typed = await batch({ items: [{ kind: "phone", value: 95588 }] });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().error.details[0].path).toBe("items.0.value");
  });

  it("answers a batch with an unparsable item with 422 naming items.N.value", async () => {
    const res = await batch({ items: [{ kind: "phone", value: "95588" }, { kind: "domain", value: "not a domain!" }] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/^items\.1\.value: not a domain/);
  });

  it("answers an oversized batch body with 413", async () => {
    const res = await batch({ items: [{ kind: "url", value: `https://example.com/${"x".repeat(3 * 1024 * 1024)}` }] });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("payload_too_large");
  });

  it("limits anonymous lookups per IP (429 naming the limit)", async () => {
    const limited = await t().withEnv({ RATE_LIMIT: "2" });
    for (let i = 0; i < 2; i++) expect((await limited.inject({ method: "GET", url: "/v1/lookup?kind=phone&value=95588" })).statusCode).toBe(200);
    const res = await limited.inject({ method: "GET", url: "/v1/lookup?kind=phone&value=95588" });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe("rate_limited");
  });

  it("answers unknown for an identifier nobody reported", async () => {
    const res = await lookup("kind=phone&value=%2B8613700137000");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      kind: "phone",
      value: "+8613700137000",
      normalized: "+8613700137000",
      verdict: "unknown",
      score: 0,
      reports: 0,
      distinctReporters: 0,
      modes: [],
      firstSeen: null,
      lastSeen: null,
      sources: [],
      institution: null,
      confirmation: null,
      reasons: ["no reports"],
    });
  });

  it("counts one key sending many reports once: suspicious, never scam", async () => {
    const authorization = await freshKey();
    for (let i = 0; i < 12; i++) await report(authorization, [{ kind: "phone", value: "13700137001" }], `第${i}次：自称客服要我共享屏幕`);
    const res = await lookup("kind=phone&value=137-0013-7001");
    expect(res.json()).toMatchObject({ normalized: "+8613700137001", verdict: "suspicious", reports: 12, distinctReporters: 1 });
  });

  it("makes three distinct reporters suspicious, never scam, says when, and never reveals who", async () => {
    const keys = [await freshKey(), await freshKey(), await freshKey()];
    for (const authorization of keys) await report(authorization, [{ kind: "email", value: "kefu-jd@icloud.com" }]);
    const res = await lookup("kind=email&value=KEFU-JD%40icloud.com");
    const body = res.json();
    expect(body).toMatchObject({ verdict: "suspicious", reports: 3, distinctReporters: 3, confirmation: null });
    expect(body.score).toBeGreaterThanOrEqual(0.6);
    expect(body.firstSeen).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(body.reasons[0]).toMatch(/^3 distinct reporters \(3 reports\), last on \d{4}-\d{2}-\d{2}$/);
    expect(body.reasons).toContain("not confirmed by the anti-fraud centre: reports and lists alone make it suspicious, never a confirmed scam");
    for (const authorization of keys) expect(JSON.stringify(body)).not.toContain(authorization.slice(7, 20));
    expect(JSON.stringify(body)).not.toMatch(/k_[0-9a-f]{20}/);
  });

  it("counts an analyst's report as crowd evidence: weighty, but suspicious until confirmed", async () => {
    await report(await freshKey("analyst"), [{ kind: "bank_account", value: "6222 0212 3456 7890 123" }]);
    const res = await lookup("kind=bank_account&value=6222021234567890123");
    expect(res.json()).toMatchObject({ verdict: "suspicious", distinctReporters: 1 });
    expect(res.json().score).toBeGreaterThan(0.6);
  });

  it("keeps an official number official whatever is reported against it", async () => {
    for (let i = 0; i < 4; i++) await report(await freshKey("analyst"), [{ kind: "phone", value: "95588" }], "冒充工行客服");
    const res = await lookup("kind=phone&value=95588");
    expect(res.json()).toMatchObject({ verdict: "official", score: 0, institution: "icbc", reports: 4 });
    expect(res.json().reasons[0]).toMatch(/^official contact of 中国工商银行 Industrial and Commercial Bank of China/);
  });

  it("answers a batch in order, from the same index", async () => {
    const res = await batch({
      items: [
        { kind: "phone", value: "95588" },
        { kind: "email", value: "kefu-jd@icloud.com" },
        { kind: "phone", value: "+8613600136000" },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { verdict: string }) => i.verdict)).toEqual(["official", "suspicious", "unknown"]);
  });

  it("answers a batch in columns with format=compact: the same verdicts and counts, far fewer bytes", async () => {
    const items = [
      { kind: "phone", value: "95588" },
      { kind: "email", value: "KEFU-JD@icloud.com" },
      { kind: "phone", value: "+8613600136000" },
    ];
    const full = (await batch({ items })).json().items;
    const res = await t().app.inject({ method: "POST", url: "/v1/lookup?format=compact", headers: await t().authHeader("institution"), payload: { items } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    const compact = res.json();
    expect(compact).toEqual({
      verdict: full.map((i: { verdict: string }) => i.verdict),
      score: full.map((i: { score: number }) => Math.round(i.score * 1000) / 1000),
      distinctReporters: full.map((i: { distinctReporters: number }) => i.distinctReporters),
      reports: full.map((i: { reports: number }) => i.reports),
    });
    expect(compact.verdict).toEqual(["official", "suspicious", "unknown"]);
    const bad = await t().app.inject({ method: "POST", url: "/v1/lookup?format=tiny", headers: await t().authHeader("institution"), payload: { items } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^format: /);
    const unparsable = await t().app.inject({
      method: "POST",
      url: "/v1/lookup?format=compact",
      headers: await t().authHeader("institution"),
      payload: { items: [items[0], { kind: "phone", value: "not-a-number" }] },
    });
    expect(unparsable.statusCode).toBe(422);
    expect(unparsable.json().error.details[0].path).toBe("items.1.value");
  });

  it("rebuilds the index from the database in a new app", async () => {
    const other = await t().withEnv({});
    const res = await other.inject({ method: "GET", url: "/v1/lookup?kind=email&value=kefu-jd%40icloud.com" });
    expect(res.json()).toMatchObject({ verdict: "suspicious", reports: 3, distinctReporters: 3 });
  });
});
