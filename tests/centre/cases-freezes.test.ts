/**
 * Cases, emergency freeze requests and statistics of the anti-fraud centre, on both engines: opening a case
 * confirms its identifiers; every action is an audit event on the case; a freeze request reaches only the
 * bank it is addressed to (other banks and unbound keys get 404), its states move only forward, answers are
 * idempotent, overdue requests show as overdue; the evidence packet bundles it all; /v1/stats/* and /metrics
 * count exactly what this file seeded.
 */
import { expect, it } from "vitest";
import type { Principal } from "../../packages/server/src/auth/principal.js";
import { requestFreeze } from "../../packages/server/src/commands/freeze-requests.js";
import { describeBothEngines } from "../../packages/server/src/testing/test-app.js";

const PAYEE = { kind: "bank_account" as const, value: "6217 0000 1111 2222 333" };
const PAYEE_NORMALIZED = "6217000011112222333";
const SCRIPTS = [
  { text: "您好，我是京东金融客服，您的校园贷需要注销，否则影响征信，请共享屏幕，把钱转到安全账户", channel: "facetime", loss: 50000 },
  { text: "我是公安局的，你涉嫌洗钱，需要把资金转到安全账户配合调查，不要告诉家人", channel: "phone_call", loss: 120000 },
  { text: "招兼职刷单，在家动动手指日赚三百，每单返佣金，先垫付本金，加我QQ领任务", channel: "chat", loss: 3000 },
  { text: "我是京东客服，您开通了百万保障服务，不关闭每月会扣费，请下载腾讯会议共享屏幕，我帮您关闭", channel: "meeting_app", loss: 0 },
];

describeBothEngines("cases, freeze requests and statistics", (t) => {
  const reportIds: string[] = [];
  let caseId = "";
  let freezeId = "";
  let icbc = { authorization: "" };
  let ccb = { authorization: "" };
  let unbound = { authorization: "" };

  const staff = () => t().authHeader("analyst");
  const inject = async (method: "GET" | "POST", url: string, headers: { authorization: string }, payload?: Record<string, unknown>) =>
    t().app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });

  it("seeds reports from three victims naming the same payee", async () => {
    const bank = async (institution: string | null) =>
      ({ authorization: `Bearer ${(await t().ctx.services.apiKeys.create({ role: "institution", label: `bank ${institution}`, institution })).key}` });
    icbc = await bank("icbc");
    ccb = await bank("ccb");
    unbound = await bank(null);
    for (const [i, script] of SCRIPTS.entries()) {
      const key = { authorization: `Bearer ${await t().createKey("reporter")}` };
      const res = await inject("POST", "/v1/reports", key, {
        identifiers: i < 3 ? [PAYEE, { kind: "phone", value: `171 0000 100${i}` }] : [{ kind: "phone", value: "171 0000 1009" }],
        text: script.text,
        channel: script.channel,
        ...(script.loss > 0 ? { loss: { amount: script.loss, currency: "CNY" } } : {}),
        occurredAt: `2026-11-${10 + i}T09:30:00+08:00`,
      });
      expect(res.statusCode).toBe(201);
      reportIds.push(res.json().id);
    }
    const before = await t().app.inject({ method: "GET", url: `/v1/lookup?kind=bank_account&value=${PAYEE_NORMALIZED}` });
    expect(before.json()).toMatchObject({ verdict: "suspicious", distinctReporters: 3 });
  });

  it("opens a case only for staff, from existing reports, never naming an official contact", async () => {
    const body = {
      title: "JD Finance loan-cancellation scam, safe account at ICBC",
      reportIds: reportIds.slice(0, 3),
      victim: { name: "张女士", contact: "+8613900139000" },
      loss: { amount: 50000, currency: "CNY" },
      timeline: [
        { at: "2026-11-10T09:41:00+08:00", what: "transferred 50,000 CNY to the 'safe account'" },
        { at: "2026-11-10T09:30:00+08:00", what: "FaceTime call from 'JD Finance customer service'" },
      ],
      identifiers: [PAYEE, { kind: "phone", value: "171 0000 1000" }],
    };
    expect((await inject("POST", "/v1/cases", await t().authHeader("reporter"), body)).statusCode).toBe(403);
    expect((await inject("POST", "/v1/cases", icbc, body)).statusCode).toBe(403);
    const unknown = await inject("POST", "/v1/cases", await staff(), { ...body, reportIds: [reportIds[0], "rpt_missing"] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({ code: "unknown_report", message: "reportIds.1: report rpt_missing does not exist" });
    const official = await inject("POST", "/v1/cases", await staff(), { ...body, identifiers: [{ kind: "phone", value: "95588" }] });
    expect(official.statusCode).toBe(409);
    expect(official.json().error.code).toBe("official_contact");

    const res = await inject("POST", "/v1/cases", await staff(), body);
    expect(res.statusCode).toBe(201);
    const opened = res.json();
    caseId = opened.id;
    expect(caseId).toMatch(/^case_/);
    expect(opened).toMatchObject({ status: "open", victim: { name: "张女士", contact: "+8613900139000", note: null }, reportIds: reportIds.slice(0, 3) });
    expect(opened.timeline.map((e: { what: string }) => e.what)).toEqual([body.timeline[1]?.what, body.timeline[0]?.what]);
    expect(opened.identifiers.map((i: { normalized: string }) => i.normalized)).toEqual([PAYEE_NORMALIZED, "+8617100001000"]);
    expect(opened.events).toMatchObject([{ type: "opened", actorRole: "analyst", text: body.title }]);
    // A case confirms its identifiers: lookup says scam, naming the case; the reports are now in_case.
    const lookup = await t().app.inject({ method: "GET", url: `/v1/lookup?kind=bank_account&value=${PAYEE_NORMALIZED}` });
    expect(lookup.json()).toMatchObject({ verdict: "scam", confirmation: { caseId } });
    const report = await inject("GET", `/v1/reports/${reportIds[0]}`, await staff());
    expect(report.json().status).toBe("in_case");
  });

  it("appends every action to the case's audit trail; repeats change nothing", async () => {
    const note = await inject("POST", `/v1/cases/${caseId}/actions`, await staff(), { type: "note", text: "called the victim back; ICBC fraud desk informed" });
    expect(note.statusCode).toBe(201);
    const relink = await inject("POST", `/v1/cases/${caseId}/actions`, await staff(), { type: "link_report", reportId: reportIds[0] });
    expect(relink.statusCode).toBe(200);
    expect(relink.json().events).toHaveLength(2);
    const link = await inject("POST", `/v1/cases/${caseId}/actions`, await staff(), { type: "link_report", reportId: reportIds[3] });
    expect(link.statusCode).toBe(201);
    const add = await inject("POST", `/v1/cases/${caseId}/actions`, await staff(), { type: "add_identifier", identifier: { kind: "phone", value: "171 0000 1009" } });
    expect(add.statusCode).toBe(201);
    const entry = await inject("POST", `/v1/cases/${caseId}/actions`, await staff(), { type: "timeline", entry: { at: "2026-11-10T10:05:00+08:00", what: "victim called 96110" } });
    expect(entry.statusCode).toBe(201);
    expect(entry.json().events.map((e: { type: string }) => e.type)).toEqual(["opened", "note", "report_linked", "identifier_added", "timeline"]);
    expect(entry.json().timeline).toHaveLength(3);
    expect((await inject("POST", "/v1/cases/case_missing/actions", await staff(), { type: "note", text: "x" })).statusCode).toBe(404);
    const list = await inject("GET", "/v1/cases?status=open&limit=1", await staff());
    expect(list.json()).toMatchObject({ items: [{ id: caseId, reportIds: [...reportIds.slice(0, 3), reportIds[3]] }], nextCursor: null });
  });

  it("sends a freeze request from a case to one bank only: other banks and unbound keys see nothing", async () => {
    const body = { caseId, institution: "icbc", payee: PAYEE, amount: { amount: 50000, currency: "CNY" }, deadlineMinutes: 30, note: "victim paid 09:41" };
    expect((await inject("POST", "/v1/freeze-requests", icbc, body)).statusCode).toBe(403);
    const badBank = await inject("POST", "/v1/freeze-requests", await staff(), { ...body, institution: "nobank" });
    expect(badBank.statusCode).toBe(422);
    expect(badBank.json().error.code).toBe("unknown_institution");
    const badCase = await inject("POST", "/v1/freeze-requests", await staff(), { ...body, caseId: "case_missing" });
    expect(badCase.json().error.code).toBe("unknown_case");
    expect((await inject("POST", "/v1/freeze-requests", await staff(), { ...body, deadlineMinutes: 0 })).statusCode).toBe(400);

    const res = await inject("POST", "/v1/freeze-requests", await staff(), body);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    freezeId = created.id;
    expect(created).toMatchObject({
      caseId,
      institution: "icbc",
      payee: { kind: "bank_account", normalized: PAYEE_NORMALIZED },
      amount: { amount: 50000, currency: "CNY" },
      deadlineMinutes: 30,
      state: "sent",
      overdue: false,
      answer: null,
    });
    expect(Date.parse(created.deadlineAt) - Date.parse(created.createdAt)).toBe(30 * 60_000);

    const own = await inject("GET", "/v1/freeze-requests", icbc);
    expect(own.json().items.map((f: { id: string }) => f.id)).toEqual([freezeId]);
    expect((await inject("GET", "/v1/freeze-requests", ccb)).json().items).toEqual([]);
    expect((await inject("GET", "/v1/freeze-requests", unbound)).json().items).toEqual([]);
    for (const other of [ccb, unbound]) {
      expect((await inject("GET", `/v1/freeze-requests/${freezeId}`, other)).statusCode).toBe(404);
      const answer = await inject("POST", `/v1/freeze-requests/${freezeId}/answer`, other, { outcome: "frozen", amount: 50000 });
      expect(answer.statusCode).toBe(404);
      expect(answer.json().error.code).toBe("freeze_request_not_found");
    }
    expect((await inject("POST", `/v1/freeze-requests/${freezeId}/answer`, await staff(), { outcome: "frozen", amount: 1 })).statusCode).toBe(403);
    expect((await inject("GET", `/v1/freeze-requests/${freezeId}`, await t().authHeader("reporter"))).statusCode).toBe(403);
  });

  it("moves a freeze request only forward, with idempotent answers", async () => {
    const ack = await inject("POST", `/v1/freeze-requests/${freezeId}/acknowledge`, icbc);
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({ state: "acknowledged" });
    const ackAgain = await inject("POST", `/v1/freeze-requests/${freezeId}/acknowledge`, icbc);
    expect(ackAgain.json()).toEqual(ack.json());

    const tooMuch = await inject("POST", `/v1/freeze-requests/${freezeId}/answer`, icbc, { outcome: "partially_frozen", amount: 50000 });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().error.code).toBe("amount_exceeds_request");
    const noReason = await inject("POST", `/v1/freeze-requests/${freezeId}/answer`, icbc, { outcome: "rejected" });
    expect(noReason.statusCode).toBe(400);

    const answered = await inject("POST", `/v1/freeze-requests/${freezeId}/answer`, icbc, { outcome: "partially_frozen", amount: 12000 });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ state: "partially_frozen", overdue: false, answer: { outcome: "partially_frozen", amount: 12000, reason: null, late: false } });
    const same = await inject("POST", `/v1/freeze-requests/${freezeId}/answer`, icbc, { outcome: "partially_frozen", amount: 12000 });
    expect(same.statusCode).toBe(200);
    expect(same.json()).toEqual(answered.json());
    const different = await inject("POST", `/v1/freeze-requests/${freezeId}/answer`, icbc, { outcome: "frozen", amount: 50000 });
    expect(different.statusCode).toBe(409);
    expect(different.json().error.code).toBe("freeze_already_answered");
    expect((await inject("POST", `/v1/freeze-requests/${freezeId}/acknowledge`, icbc)).statusCode).toBe(409);
  });

  it("shows an unanswered request past its deadline as overdue", async () => {
    const analyst: Principal = { keyId: "k_test_analyst", role: "analyst" };
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    const late = await t().ctx.transaction((services) =>
      requestFreeze(services, { caseId, institution: "icbc", payee: PAYEE, amount: { amount: 38000, currency: "CNY" }, deadlineMinutes: 60 }, analyst, twoHoursAgo),
    );
    const read = await inject("GET", `/v1/freeze-requests/${late.id}`, icbc);
    expect(read.json()).toMatchObject({ state: "sent", overdue: true });
    const overdue = await inject("GET", "/v1/freeze-requests?overdue=true", await staff());
    expect(overdue.json().items.map((f: { id: string }) => f.id)).toEqual([late.id]);
    const notOverdue = await inject("GET", "/v1/freeze-requests?overdue=false", await staff());
    expect(notOverdue.json().items.map((f: { id: string }) => f.id)).toEqual([freezeId]);
  });

  it("shows the audit trail of the case and bundles the evidence packet", async () => {
    const detail = (await inject("GET", `/v1/cases/${caseId}`, await staff())).json();
    expect(detail.events.map((e: { type: string; actorRole: string }) => `${e.type}:${e.actorRole}`)).toEqual([
      "opened:analyst",
      "note:analyst",
      "report_linked:analyst",
      "identifier_added:analyst",
      "timeline:analyst",
      "freeze_requested:analyst",
      "freeze_acknowledged:institution",
      "freeze_answered:institution",
      "freeze_requested:analyst",
    ]);
    expect(detail.events[7].data).toMatchObject({ freezeRequestId: freezeId, outcome: "partially_frozen", amount: 12000 });
    expect(detail.freezeRequests).toHaveLength(2);

    expect((await inject("GET", `/v1/cases/${caseId}/packet`, icbc)).statusCode).toBe(403);
    const res = await inject("GET", `/v1/cases/${caseId}/packet`, await staff());
    expect(res.statusCode).toBe(200);
    const packet = res.json();
    expect(packet.format).toBe("scamguard-evidence-packet/1");
    expect(packet.case).toMatchObject({ id: caseId, title: detail.title, victim: { name: "张女士" } });
    expect(packet.timeline).toHaveLength(3);
    expect(packet.events).toHaveLength(9);
    expect(packet.reports.map((r: { id: string }) => r.id)).toEqual([...reportIds.slice(0, 3), reportIds[3]]);
    expect(packet.reports[0]).toMatchObject({ filerRole: "reporter", status: "in_case", channel: "facetime", loss: { amount: 50000, currency: "CNY" } });
    expect(packet.reports[0].verdict.risk).toMatch(/high|critical/);
    expect(packet.identifiers.map((i: { normalized: string; lookup: { verdict: string } }) => [i.normalized, i.lookup.verdict])).toEqual([
      [PAYEE_NORMALIZED, "scam"],
      ["+8617100001000", "scam"],
      ["+8617100001009", "scam"],
    ]);
    // Oldest first: the overdue one was sent two hours ago.
    expect(packet.freezeRequests.map((f: { state: string; overdue: boolean }) => [f.state, f.overdue])).toEqual([
      ["sent", true],
      ["partially_frozen", false],
    ]);
  });

  it("counts exactly the seeded data in /v1/stats/* (staff only)", async () => {
    expect((await inject("GET", "/v1/stats/modes", icbc)).statusCode).toBe(403);
    const modes = (await inject("GET", "/v1/stats/modes", await staff())).json();
    expect(modes.total).toBe(4);
    expect(modes.items.reduce((n: number, i: { reports: number }) => n + i.reports, 0) + modes.others.reports).toBe(4);
    expect(modes.items[0].rank).toBe(1);
    expect(modes.items.map((i: { lossAmount: number }) => i.lossAmount).reduce((a: number, b: number) => a + b, 0) + modes.others.lossAmount).toBe(173000);
    const top1 = (await inject("GET", "/v1/stats/modes?limit=1", await staff())).json();
    expect(top1.items).toHaveLength(1);
    expect(top1.others.reports).toBe(4 - top1.items[0].reports);

    const channels = (await inject("GET", "/v1/stats/channels", await staff())).json();
    expect(channels).toMatchObject({ total: 4, currency: "CNY" });
    expect(Object.fromEntries(channels.items.map((c: { channel: string; reports: number; lossAmount: number }) => [c.channel, [c.reports, c.lossAmount]]))).toEqual({
      facetime: [1, 50000],
      phone_call: [1, 120000],
      chat: [1, 3000],
      meeting_app: [1, 0],
    });

    const losses = (await inject("GET", "/v1/stats/losses?bucket=day", await staff())).json();
    expect(losses).toEqual({
      bucket: "day",
      currency: "CNY",
      points: [
        { period: "2026-11-10", reports: 1, reportsWithLoss: 1, lossAmount: 50000 },
        { period: "2026-11-11", reports: 1, reportsWithLoss: 1, lossAmount: 120000 },
        { period: "2026-11-12", reports: 1, reportsWithLoss: 1, lossAmount: 3000 },
        { period: "2026-11-13", reports: 1, reportsWithLoss: 0, lossAmount: 0 },
      ],
    });
    const month = (await inject("GET", "/v1/stats/losses?bucket=month&currency=USD", await staff())).json();
    expect(month.points).toEqual([{ period: "2026-11-01", reports: 4, reportsWithLoss: 0, lossAmount: 0 }]);

    const identifiers = (await inject("GET", "/v1/stats/identifiers?limit=2", await staff())).json();
    expect(identifiers.items[0]).toMatchObject({ kind: "bank_account", normalized: PAYEE_NORMALIZED, distinctReporters: 3, reports: 3, verdict: "scam" });
    expect(identifiers.items).toHaveLength(2);

    const freezes = (await inject("GET", "/v1/stats/freezes", await staff())).json();
    expect(freezes).toMatchObject({ total: 2, overdue: 1, currency: "CNY", requestedAmount: 88000, frozenAmount: 12000 });
    expect(freezes.byState).toEqual([
      { state: "sent", count: 1 },
      { state: "acknowledged", count: 0 },
      { state: "frozen", count: 0 },
      { state: "partially_frozen", count: 1 },
      { state: "rejected", count: 0 },
      { state: "not_our_account", count: 0 },
    ]);
    expect(freezes.responseMinutes).toMatchObject({ answered: 1, withinDeadline: 1, late: 0 });
    expect(freezes.responseMinutes.median).toBeGreaterThanOrEqual(0);
    expect((await inject("GET", "/v1/stats/losses?bucket=year", await staff())).statusCode).toBe(400);
  });

  it("closes the case (once), after which nothing more can be added; /metrics counts the domain", async () => {
    const close = await inject("POST", `/v1/cases/${caseId}/actions`, await staff(), { type: "close", reason: "12,000 CNY frozen and returned" });
    expect(close.statusCode).toBe(201);
    expect(close.json()).toMatchObject({ status: "closed" });
    expect(close.json().closedAt).not.toBeNull();
    expect((await inject("POST", `/v1/cases/${caseId}/actions`, await staff(), { type: "close", reason: "again" })).statusCode).toBe(200);
    const late = await inject("POST", `/v1/cases/${caseId}/actions`, await staff(), { type: "note", text: "too late" });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("case_closed");
    const freeze = await inject("POST", "/v1/freeze-requests", await staff(), { caseId, institution: "icbc", payee: PAYEE, amount: { amount: 1, currency: "CNY" }, deadlineMinutes: 5 });
    expect(freeze.statusCode).toBe(409);

    await t().app.inject({ method: "POST", url: "/v1/analyze", payload: { text: SCRIPTS[0]?.text } });
    const metrics = (await t().app.inject({ method: "GET", url: "/metrics" })).body;
    expect(metrics).toMatch(/^scamguard_reports_total 4$/m);
    expect(metrics).toMatch(/^scamguard_freeze_requests\{state="partially_frozen"\} 1$/m);
    expect(metrics).toMatch(/^scamguard_freeze_requests\{state="sent"\} 1$/m);
    expect(metrics).toMatch(/^scamguard_freeze_requests_created_total 1$/m);
    expect(metrics).toMatch(/^scamguard_verdicts_total\{risk="(high|critical)"\} 1$/m);
  });
});
