/** Reports through the public surface, on PGlite and PostgreSQL: failure cases first, then the happy path. */
import { analyze } from "@scamguard/detect";
import { expect, it } from "vitest";
import { describeBothEngines } from "../../packages/server/src/testing/test-app.js";

describeBothEngines("reports", (t) => {
  const post = async (payload: unknown, role: "reporter" | "institution" | "analyst" | "admin" | null = "reporter", raw?: string) =>
    t().app.inject({
      method: "POST",
      url: "/v1/reports",
      headers: { "content-type": "application/json", ...(role ? await t().authHeader(role) : {}) },
      payload: raw ?? JSON.stringify(payload),
    });
  const phone = (value: string) => ({ identifiers: [{ kind: "phone", value }] });

  it("needs a key (401), whatever the body", async () => {
    const res = await post(phone("13800138000"), null);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("unauthorized");
  });

  it("answers malformed JSON with 400 invalid_json", async () => {
    const res = await post(null, "reporter", '{"identifiers": [');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("invalid_json");
  });

  it("names a missing identifiers field", async () => {
    const res = await post({ text: "hi" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe("identifiers");
  });

  it("rejects an empty identifier list and more than 50", async () => {
    const none = await post({ identifiers: [] });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toBe("identifiers: at least 1 identifier");
    const many = await post({ identifiers: Array.from({ length: 51 }, (_, i) => ({ kind: "phone", value: `1380013${String(i).padStart(4, "0")}` })) });
    expect(many.statusCode).toBe(400);
    expect(many.json().error.message).toBe("identifiers: at most 50 identifiers");
  });

  it("names an unknown kind", async () => {
    const res = await post({ identifiers: [{ kind: "pager", value: "123" }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe("identifiers.0.kind");
    expect(res.json().error.message).toMatch(/^identifiers\.0\.kind: /);
  });

  it("names wrong types", async () => {
    const res = await post({ identifiers: [{ kind: "phone", value: 13800138000 }], loss: { amount: "lots", currency: "CNY" } });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["identifiers.0.value", "loss.amount"]));
  });

  it("rejects a bad currency, a negative loss and a malformed date naming each field", async () => {
    const res = await post({ ...phone("13800138000"), loss: { amount: -1, currency: "yuan" }, occurredAt: "yesterday" });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(["loss.amount", "loss.currency", "occurredAt"]);
  });

  it("reads a currency typed in lower case (cny, usd) as its ISO code instead of refusing the report", async () => {
    const res = await post({ ...phone("13800138011"), loss: { amount: 2000, currency: "cny" } });
    expect(res.statusCode).toBe(201);
    const read = async (id: string) =>
      (await t().app.inject({ method: "GET", url: `/v1/reports/${id}`, headers: await t().authHeader("analyst") })).json();
    expect((await read(res.json().id)).loss).toEqual({ amount: 2000, currency: "CNY" });
    const usd = await post({ ...phone("13800138012"), loss: { amount: 150, currency: " usd " } });
    expect(usd.statusCode).toBe(201);
    expect((await read(usd.json().id)).loss).toEqual({ amount: 150, currency: "USD" });
    const bad = await post({ ...phone("13800138013"), loss: { amount: 1, currency: "rmb!" } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe("loss.currency: expected an ISO 4217 code such as CNY");
  });

  it("shows the date format it wants when occurredAt is a date without T and offset (zod said only 'Invalid ISO datetime')", async () => {
    const res = await post({ ...phone("13800138000"), occurredAt: "2026-12-02 10:00" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe("occurredAt: expected an ISO 8601 time with offset, such as 2026-12-02T10:00:00+08:00 or 2026-12-02T02:00:00Z");
  });

  it("points a client that sends the page's 'story' (or 'description', 'phone', 'amount') to the field the API reads", async () => {
    const res = await post({ ...phone("13800138021"), story: "自称京东客服，要求共享屏幕" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
    expect(res.json().error.details).toEqual([{ path: "story", message: `unknown field: send what happened (the page's "story") as "text"` }]);
    const others = await post({ ...phone("13800138021"), description: "…", amount: 500 });
    expect(others.json().error.message).toBe(
      `description: unknown field: send what happened (the page's "story") as "text"; amount: unknown field: send the money lost as "loss": {"amount": 20000, "currency": "CNY"}`,
    );
    const typo = await post({ ...phone("13800138021"), stroy: "…" });
    expect(typo.json().error.message).toBe("stroy: unknown field (not in the API schema)");
  });

  it("reads channel names clients send for phone calls, video and meetings ('phone' as the contacts API spells it) as the report's channel", async () => {
    const read = async (id: string) => (await t().app.inject({ method: "GET", url: `/v1/reports/${id}`, headers: await t().authHeader("analyst") })).json();
    for (const [sent, stored, n] of [["phone", "phone_call", 1], ["call", "phone_call", 2], ["video", "video_call", 3], ["meeting", "meeting_app", 4], ["text", "sms", 5], ["app_chat", "chat", 6], ["phone_call", "phone_call", 7]] as const) {
      const res = await post({ ...phone(`1380013803${n}`), channel: sent });
      expect(res.statusCode, sent).toBe(201);
      expect((await read(res.json().id)).channel, sent).toBe(stored);
    }
    const listed = await t().app.inject({ method: "GET", url: "/v1/reports?channel=phone", headers: await t().authHeader("analyst") });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.length).toBeGreaterThanOrEqual(3);
    expect(listed.json().items.every((r: { channel: string }) => r.channel === "phone_call")).toBe(true);
  });

  it("refuses an unknown channel listing the values it takes", async () => {
    const res = await post({ ...phone("13800138031"), channel: "fax" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe("channel");
    expect(res.json().error.message).toContain('"phone_call"|"facetime"|"video_call"|"meeting_app"|"sms"|"chat"|"email"|"web"|"app"|"in_person"|"other"');
    expect(res.json().error.message).toContain('(also accepted: "phone", "call", "phone-call", "telephone" for phone_call;');
  });

  it("answers an unparsable phone with 422 naming identifiers.N.value", async () => {
    const res = await post({ identifiers: [{ kind: "phone", value: "13800138000" }, { kind: "phone", value: "call me maybe" }] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("invalid_identifier");
    expect(res.json().error.message).toBe('identifiers.1.value: not a phone number ("call me maybe")');
    expect(res.json().error.details).toEqual([{ path: "identifiers.1.value", message: 'not a phone number ("call me maybe")' }]);
  });

  it("answers an oversized body with 413", async () => {
    const res = await post({ ...phone("13800138000"), text: "x".repeat(3 * 1024 * 1024) });
    expect(res.statusCode).toBe(413);
  });

  it("answers a missing report with 404", async () => {
    const res = await t().app.inject({ method: "GET", url: "/v1/reports/rpt_nope", headers: await t().authHeader("reporter") });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("report_not_found");
  });

  it("rejects a cursor it did not produce", async () => {
    const res = await t().app.inject({ method: "GET", url: "/v1/reports?cursor=garbage", headers: await t().authHeader("reporter") });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("invalid_cursor");
  });

  it("files a report (201), normalises identifiers, classifies, and lets its filer read it", async () => {
    const res = await post({
      identifiers: [
        { kind: "phone", value: "+86 138 0013 8001" },
        { kind: "phone", value: "95588" },
        { kind: "email", value: "JD-Kefu@iCloud.com" },
      ],
      text: "您好，我是京东客服，您的学生账户需要注销，请下载会议软件共享屏幕",
      channel: "facetime",
      loss: { amount: 20000, currency: "CNY" },
      occurredAt: "2026-11-20T09:30:00+08:00",
    });
    expect(res.statusCode).toBe(201);
    const { id, duplicate } = res.json();
    expect(id).toMatch(/^rpt_[A-Za-z0-9_-]{16}$/);
    expect(duplicate).toBe(false);

    const read = await t().app.inject({ method: "GET", url: `/v1/reports/${id}`, headers: await t().authHeader("reporter") });
    expect(read.statusCode).toBe(200);
    const report = read.json();
    expect(report.identifiers).toEqual([
      { kind: "phone", value: "+86 138 0013 8001", normalized: "+8613800138001" },
      { kind: "phone", value: "95588", normalized: "95588" },
      { kind: "email", value: "JD-Kefu@iCloud.com", normalized: "jd-kefu@icloud.com" },
    ]);
    expect(report).toMatchObject({ channel: "facetime", loss: { amount: 20000, currency: "CNY" }, occurredAt: "2026-11-20T01:30:00.000Z" });
    expect(report).not.toHaveProperty("reporterKeyId");
    // Classified by the engine when filed.
    const verdict = analyze("您好，我是京东客服，您的学生账户需要注销，请下载会议软件共享屏幕");
    expect(report.mode).not.toBeNull();
    expect({ mode: report.mode, stage: report.stage }).toEqual({ mode: verdict.mode, stage: verdict.stage });
    expect(JSON.stringify(report)).not.toMatch(/k_[0-9a-f]{20}/);
  });

  it("deduplicates the same report from the same key (200, same id) but not from another key", async () => {
    const body = { identifiers: [{ kind: "phone", value: "13800138002" }, { kind: "url", value: "https://jd-refund.example.com/x" }], text: "退款 " };
    const first = await post(body);
    expect(first.statusCode).toBe(201);
    const reordered = { ...body, identifiers: [{ kind: "url", value: "https://JD-REFUND.example.com/x" }, { kind: "phone", value: "+8613800138002" }], text: "退款" };
    const again = await post(reordered);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ id: first.json().id, duplicate: true });
    const other = await post(body, "institution");
    expect(other.statusCode).toBe(201);
    expect(other.json().id).not.toBe(first.json().id);
    const changed = await post({ ...body, text: "退款，还要了验证码" });
    expect(changed.statusCode).toBe(201);
  });

  it("files one report when the same key sends the same report concurrently", async () => {
    const authorization = `Bearer ${await t().createKey("reporter")}`;
    const payload = { identifiers: [{ kind: "phone", value: "13800138009" }], text: "并发重复提交" };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => t().app.inject({ method: "POST", url: "/v1/reports", headers: { authorization }, payload })),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    const lookup = await t().app.inject({ method: "GET", url: "/v1/lookup?kind=phone&value=13800138009" });
    expect(lookup.json()).toMatchObject({ reports: 1, distinctReporters: 1 });
  });

  it("hides a report from other reporters and institutions (404), shows it to analysts and admins", async () => {
    const filed = await post(phone("13800138003"));
    const id = filed.json().id;
    const stranger = await t().createKey("reporter");
    for (const authorization of [`Bearer ${stranger}`, (await t().authHeader("institution")).authorization]) {
      const res = await t().app.inject({ method: "GET", url: `/v1/reports/${id}`, headers: { authorization } });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toBe(`report ${id} does not exist`);
    }
    for (const role of ["analyst", "admin"] as const) {
      const res = await t().app.inject({ method: "GET", url: `/v1/reports/${id}`, headers: await t().authHeader(role) });
      expect(res.statusCode).toBe(200);
    }
  });

  it("lists a reporter's own reports newest first with keyset pages; analysts see everyone's", async () => {
    const key = await t().createKey("reporter");
    const authorization = `Bearer ${key}`;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t().app.inject({
        method: "POST",
        url: "/v1/reports",
        headers: { authorization },
        payload: { identifiers: [{ kind: "phone", value: `1390013900${i}` }] },
      });
      ids.push(res.json().id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/v1/reports?limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await t().app.inject({ method: "GET", url, headers: { authorization } });
      expect(page.statusCode).toBe(200);
      seen.push(...page.json().items.map((r: { id: string }) => r.id));
      cursor = page.json().nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual([...ids].reverse());

    const all = await t().app.inject({ method: "GET", url: "/v1/reports?limit=100", headers: await t().authHeader("analyst") });
    const allIds = all.json().items.map((r: { id: string }) => r.id);
    expect(allIds).toEqual(expect.arrayContaining(ids));
    expect(allIds.length).toBeGreaterThan(ids.length);
  });

  it("keeps report_events append-only in the database itself", async () => {
    const { sql } = await import("drizzle-orm");
    await expect(t().ctx.database.db.execute(sql`update report_events set text = 'rewritten'`)).rejects.toThrow();
    await expect(t().ctx.database.db.execute(sql`delete from report_events`)).rejects.toThrow();
  });
});
