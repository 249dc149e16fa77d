/**
 * Evidence levels end to end (ARCHITECTURE.md flow 9), on both engines: reports alone make an identifier
 * suspicious and hold a transfer to it, never block; an analyst's confirmation makes it scam and screening
 * blocks; a withdrawal with a reason returns it to suspicious; every action is in the audit trail. Also the
 * analyst queue (filters, keyset pages, status) and the report detail.
 */
import { expect, it } from "vitest";
import { describeBothEngines, type TestApp } from "../../packages/server/src/testing/test-app.js";

const ACCOUNT = { kind: "bank_account", value: "6222 0202 0011 2233 445" };
const ACCOUNT_NORMALIZED = "6222020200112233445";
const PHONE = { kind: "phone", value: "171 0000 5678" };
const STORY = "您好，我是京东金融客服，您的校园贷要注销，否则影响征信，请下载会议软件共享屏幕，再把钱转到安全账户";

describeBothEngines("evidence levels and the review of crowd flags", (t, engine) => {
  const report = async (app: TestApp, authorization: { authorization: string }, payload: Record<string, unknown>) => {
    const res = await app.app.inject({ method: "POST", url: "/v1/reports", headers: authorization, payload });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const freshReporter = async (app: TestApp) => ({ authorization: `Bearer ${await app.createKey("reporter")}` });
  const lookup = async () => (await t().app.inject({ method: "GET", url: `/v1/lookup?kind=bank_account&value=${ACCOUNT_NORMALIZED}` })).json();
  const screen = async () => {
    const res = await t().app.inject({
      method: "POST",
      url: "/v1/transfers/screen",
      headers: await t().authHeader("institution"),
      payload: { payee: ACCOUNT, amount: 1234.5, currency: "CNY", channel: "mobile_app", payeeKnown: true },
    });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const review = async (payload: Record<string, unknown>, role: "analyst" | "admin" | "reporter" | "institution" = "analyst") =>
    t().app.inject({ method: "POST", url: "/v1/reviews", headers: await t().authHeader(role), payload });

  const reportIds: string[] = [];

  it("keeps three distinct reporters at suspicious: the transfer is held for review, never blocked", async () => {
    for (let i = 0; i < 3; i++) {
      const reporter = await freshReporter(t());
      reportIds.push(await report(t(), reporter, { identifiers: [ACCOUNT, ...(i === 0 ? [PHONE] : [])], text: STORY, channel: i === 2 ? "meeting_app" : "facetime", loss: { amount: 20000, currency: "CNY" } }));
    }
    // One key sending many reports is still one reporter.
    const noisy = await freshReporter(t());
    for (let i = 0; i < 5; i++) await report(t(), noisy, { identifiers: [ACCOUNT], text: `第${i}次举报：${STORY}` });
    const answer = await lookup();
    expect(answer).toMatchObject({ verdict: "suspicious", distinctReporters: 4, reports: 8, confirmation: null });
    expect(answer.reasons[0]).toMatch(/^4 distinct reporters \(8 reports\)/);
    const screened = await screen();
    expect(screened).toMatchObject({ decision: "hold", payeeReputation: "suspicious" });
    expect(screened.reasons[0].id).toBe("transfer-to-suspicious-payee");
  });

  it("lets only analysts and admins review, with a reason, and refuses to withdraw what is not confirmed", async () => {
    const body = { identifier: ACCOUNT, action: "confirm", reason: "three victims paid this account" };
    expect((await t().app.inject({ method: "POST", url: "/v1/reviews", payload: body })).statusCode).toBe(401);
    expect((await review(body, "reporter")).statusCode).toBe(403);
    expect((await review(body, "institution")).statusCode).toBe(403);
    const noReason = await review({ identifier: ACCOUNT, action: "confirm" });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toMatch(/reason/);
    const bad = await review({ ...body, identifier: { kind: "phone", value: "not a number" } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toMatch(/^identifier\.value: /);
    const withdraw = await review({ identifier: ACCOUNT, action: "withdraw", reason: "bank disputes it" });
    expect(withdraw.statusCode).toBe(409);
    expect(withdraw.json().error.code).toBe("not_confirmed");
    const official = await review({ identifier: { kind: "phone", value: "95588" }, action: "confirm", reason: "reported a lot" });
    expect(official.statusCode).toBe(409);
    expect(official.json().error.code).toBe("official_contact");
  });

  it("makes a confirmed identifier scam: lookup says so and screening blocks; confirming again changes nothing", async () => {
    const res = await review({ identifier: ACCOUNT, action: "confirm", reason: "three victims paid this account" });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ changed: true, kind: "bank_account", normalized: ACCOUNT_NORMALIZED, status: "confirmed", caseId: null });
    expect(body.events).toHaveLength(1);
    expect(body.events[0]).toMatchObject({ action: "confirm", reason: "three victims paid this account", actorRole: "analyst", caseId: null });
    expect(body.events[0].actorKeyId).toMatch(/^k_/);
    expect(body.lookup).toMatchObject({ verdict: "scam" });
    const answer = await lookup();
    expect(answer).toMatchObject({ verdict: "scam", distinctReporters: 4, confirmation: { caseId: null } });
    expect(answer.reasons[0]).toMatch(/^confirmed as a scam by the anti-fraud centre on \d{4}-\d{2}-\d{2}$/);
    expect(JSON.stringify(answer)).not.toContain("three victims");
    expect(await screen()).toMatchObject({ decision: "block", payeeReputation: "scam" });

    const again = await review({ identifier: ACCOUNT, action: "confirm", reason: "double click" });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ changed: false, status: "confirmed" });
    expect(again.json().events).toHaveLength(1);
  });

  it("shows the queue with derived status, filters and keyset pages; a reporter sees only their own", async () => {
    const staff = await t().authHeader("analyst");
    const confirmed = await t().app.inject({ method: "GET", url: "/v1/reports?status=confirmed&limit=50", headers: staff });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().items).toHaveLength(8);
    expect(confirmed.json().items.every((r: { status: string }) => r.status === "confirmed")).toBe(true);
    const byChannel = await t().app.inject({ method: "GET", url: "/v1/reports?channel=meeting_app", headers: staff });
    expect(byChannel.json().items.map((r: { id: string }) => r.id)).toEqual([reportIds[2]]);
    const byKind = await t().app.inject({ method: "GET", url: "/v1/reports?kind=phone", headers: staff });
    expect(byKind.json().items.map((r: { id: string }) => r.id)).toEqual([reportIds[0]]);
    const byMode = await t().app.inject({ method: "GET", url: "/v1/reports?mode=online_shopping", headers: staff });
    expect(byMode.json().items).toEqual([]);
    const future = await t().app.inject({ method: "GET", url: `/v1/reports?from=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`, headers: staff });
    expect(future.json().items).toEqual([]);
    expect((await t().app.inject({ method: "GET", url: "/v1/reports?status=closed", headers: staff })).statusCode).toBe(400);

    // Keyset pages: 3 of the facetime reports, one per page, newest first, no repeats.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/v1/reports?channel=facetime&limit=1${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await t().app.inject({ method: "GET", url, headers: staff });
      expect(page.statusCode).toBe(200);
      seen.push(...page.json().items.map((r: { id: string }) => r.id));
      cursor = page.json().nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual([reportIds[1], reportIds[0]]);

    const mine = await freshReporter(t());
    const own = await report(t(), mine, { identifiers: [{ kind: "phone", value: "171 0000 9999" }], channel: "sms" });
    const listed = await t().app.inject({ method: "GET", url: "/v1/reports?limit=50", headers: mine });
    expect(listed.json().items.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([[own, "new"]]);
    const notMine = await t().app.inject({ method: "GET", url: `/v1/reports/${reportIds[0]}`, headers: mine });
    expect(notMine.statusCode).toBe(404);
  });

  it("gives the analyst the report detail: filer's role, the engine's verdict, related reports and identifiers", async () => {
    const forbidden = await t().app.inject({ method: "GET", url: `/v1/reports/${reportIds[0]}/detail`, headers: await t().authHeader("reporter") });
    expect(forbidden.statusCode).toBe(403);
    const missing = await t().app.inject({ method: "GET", url: "/v1/reports/rpt_nope/detail", headers: await t().authHeader("analyst") });
    expect(missing.statusCode).toBe(404);
    const res = await t().app.inject({ method: "GET", url: `/v1/reports/${reportIds[1]}/detail`, headers: await t().authHeader("analyst") });
    expect(res.statusCode).toBe(200);
    const detail = res.json();
    expect(detail).toMatchObject({ id: reportIds[1], filerRole: "reporter", status: "confirmed", caseIds: [] });
    expect(detail.verdict.risk).toMatch(/high|critical/);
    expect(typeof detail.filedScore).toBe("number");
    expect(detail.related).toHaveLength(1);
    expect(detail.related[0]).toMatchObject({ kind: "bank_account", normalized: ACCOUNT_NORMALIZED, otherReportCount: 7, lookup: { verdict: "scam" } });
    expect(detail.related[0].otherReports).toHaveLength(7);
    // The first report also named a phone: it is the scammer's other identifier.
    expect(detail.related[0].coNamed).toEqual([{ kind: "phone", value: PHONE.value, normalized: "+8617100005678" }]);
    expect(JSON.stringify(detail)).not.toMatch(/k_[0-9a-f]{8}/);
  });

  it("withdraws a confirmation on dispute, with a reason: back to suspicious and a hold; the trail keeps both", async () => {
    const res = await review({ identifier: ACCOUNT, action: "withdraw", reason: "account holder proved it was a mule's stolen card; frozen by bank" }, "admin");
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ changed: true, status: "none", confirmedAt: null, lookup: { verdict: "suspicious", confirmation: null } });
    const answer = await lookup();
    expect(answer.verdict).toBe("suspicious");
    expect(answer.reasons.join(" ")).toMatch(/a confirmation was withdrawn on \d{4}-\d{2}-\d{2}/);
    expect(await screen()).toMatchObject({ decision: "hold", payeeReputation: "suspicious" });
    const history = await t().app.inject({ method: "GET", url: `/v1/reviews?kind=bank_account&value=${ACCOUNT_NORMALIZED}`, headers: await t().authHeader("analyst") });
    expect(history.statusCode).toBe(200);
    expect(history.json().events.map((e: { action: string; actorRole: string }) => [e.action, e.actorRole])).toEqual([
      ["confirm", "analyst"],
      ["withdraw", "admin"],
    ]);
    const queue = await t().app.inject({ method: "GET", url: "/v1/reports?status=confirmed", headers: await t().authHeader("analyst") });
    expect(queue.json().items).toEqual([]);
  });

  it("carries evidence levels to other processes (NOTIFY on PostgreSQL) and rebuilds them in a new app", async () => {
    // On PostgreSQL a second app started BEFORE the confirmation hears it; PGlite is one process, so it rebuilds.
    const early = engine === "postgres" ? await t().withEnv({}) : null;
    expect((await review({ identifier: PHONE, action: "confirm", reason: "the caller of the first report" })).statusCode).toBe(201);
    if (early !== null) {
      let verdict = "";
      for (let i = 0; i < 100 && verdict !== "scam"; i++) {
        verdict = (await early.inject({ method: "GET", url: "/v1/lookup?kind=phone&value=%2B8617100005678" })).json().verdict;
        if (verdict !== "scam") await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(verdict).toBe("scam");
    }
    const other = await t().withEnv({});
    const phone = await other.inject({ method: "GET", url: "/v1/lookup?kind=phone&value=%2B8617100005678" });
    expect(phone.json()).toMatchObject({ verdict: "scam" });
    const account = await other.inject({ method: "GET", url: `/v1/lookup?kind=bank_account&value=${ACCOUNT_NORMALIZED}` });
    expect(account.json()).toMatchObject({ verdict: "suspicious", confirmation: null });
  });
});
