/**
 * Demo data for the anti-fraud centre, for people trying the console and for tests: distinct reporter keys
 * file reports through the public API (so they are classified, deduplicated and counted exactly like real
 * ones), an analyst opens a case from some of them and sends a freeze request that a bound bank key answers.
 * Only ever run on request (`scamguard seed-demo`, a test): the product never invents data in its answers.
 * Every key it creates is labelled `demo …`, so the rows are recognisable and revocable.
 */
import type { FastifyInstance } from "fastify";

/** The stories: seed-report style scripts across the top modes and channels, with losses in CNY. */
export const DEMO_REPORTS = [
  { text: "自称京东金融客服，说我的校园贷账户要注销，否则影响征信，让我下载会议软件共享屏幕，把钱转到安全账户", channel: "facetime", loss: 50000, payee: "6217000011112222333", phone: "+8617100001000" },
  { text: "自称京东金融客服，说我开通了金条要关闭，不然影响征信，要我在腾讯会议里共享屏幕并读验证码", channel: "meeting_app", loss: 38000, payee: "6217000011112222333", phone: "+8617100001001" },
  { text: "自称微粒贷客服，账户利率过高需要注销，让我把额度贷出来转到指定账户验证流水", channel: "phone_call", loss: 80000, payee: "6217000011112222333", phone: "+8617100001002" },
  { text: "我是市公安局的，你的银行卡涉嫌洗钱，需要把资金转到安全账户配合调查，不要告诉家人", channel: "phone_call", loss: 120000, payee: "6222020200998877665", phone: "+8617100002000" },
  { text: "兼职刷单，动动手指日赚三百，先垫付本金，完成任务返还本金和佣金", channel: "chat", loss: 3000, payee: "6228480000123456789", phone: "+8617100003000" },
  { text: "您好，您在我们平台购买的商品有质量问题，需要给您办理理赔退款，请加客服QQ并提供验证码", channel: "sms", loss: 6800, payee: "6228480000123456780", phone: "+8617100004000" },
  { text: "我是你领导，明天到我办公室来一趟；现在急需给朋友转一笔钱，你先帮我垫付一下", channel: "chat", loss: 20000, payee: "6222020200998877666", phone: "+8617100005000" },
  { text: "投资群里的老师带我们炒数字货币，稳赚不赔，先充值再提现，现在提不了现了", channel: "chat", loss: 150000, payee: "6222020200998877667", phone: "+8617100006000" },
] as const;

export interface DemoSeed {
  reportIds: string[];
  caseId: string;
  freezeRequestId: string;
  /** The keys created (secrets), so a demo operator can log into the console as them. */
  keys: { analyst: string; bank: string; reporters: string[] };
}

async function post(app: FastifyInstance, url: string, key: string, payload: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await app.inject({ method: "POST", url, headers: { authorization: `Bearer ${key}` }, payload });
  if (res.statusCode >= 300) throw new Error(`seed: POST ${url} answered ${res.statusCode}: ${res.body}`);
  return res.json() as Record<string, unknown>;
}

/**
 * Seeds the demo through the app's own routes: 8 reports from 8 distinct reporter keys over the last 8 days,
 * a case from the three naming the same payee (which confirms it as a scam), and a freeze request to ICBC
 * answered `partially_frozen` by a key bound to ICBC.
 */
export async function seedCentreDemo(app: FastifyInstance, now = new Date()): Promise<DemoSeed> {
  const keys = app.ctx.services.apiKeys;
  const analyst = (await keys.create({ role: "analyst", label: "demo analyst" })).key;
  const bank = (await keys.create({ role: "institution", label: "demo ICBC fraud desk", institution: "icbc" })).key;
  const reporters: string[] = [];
  const reportIds: string[] = [];
  for (const [i, story] of DEMO_REPORTS.entries()) {
    const reporter = (await keys.create({ role: "reporter", label: `demo reporter ${i + 1}` })).key;
    reporters.push(reporter);
    const occurredAt = new Date(now.getTime() - (DEMO_REPORTS.length - i) * 24 * 3600_000).toISOString();
    const filed = await post(app, "/v1/reports", reporter, {
      identifiers: [
        { kind: "bank_account", value: story.payee },
        { kind: "phone", value: story.phone },
      ],
      text: story.text,
      channel: story.channel,
      loss: { amount: story.loss, currency: "CNY" },
      occurredAt,
    });
    reportIds.push(filed.id as string);
  }
  const opened = await post(app, "/v1/cases", analyst, {
    title: "JD Finance / WeBank loan-cancellation scam, one safe account",
    reportIds: reportIds.slice(0, 3),
    victim: { name: "张女士 (demo)", note: "demo data" },
    loss: { amount: 50000, currency: "CNY" },
    timeline: [
      { at: new Date(now.getTime() - 8 * 24 * 3600_000).toISOString(), what: "FaceTime call from 'JD Finance customer service'" },
      { at: new Date(now.getTime() - 8 * 24 * 3600_000 + 11 * 60_000).toISOString(), what: "transferred 50,000 CNY to the 'safe account'" },
    ],
    identifiers: [
      { kind: "bank_account", value: DEMO_REPORTS[0].payee },
      { kind: "phone", value: DEMO_REPORTS[0].phone },
    ],
  });
  const caseId = opened.id as string;
  const freeze = await post(app, "/v1/freeze-requests", analyst, {
    caseId,
    institution: "icbc",
    payee: { kind: "bank_account", value: DEMO_REPORTS[0].payee },
    amount: { amount: 50000, currency: "CNY" },
    deadlineMinutes: 30,
  });
  const freezeRequestId = freeze.id as string;
  await post(app, `/v1/freeze-requests/${freezeRequestId}/acknowledge`, bank, {});
  await post(app, `/v1/freeze-requests/${freezeRequestId}/answer`, bank, { outcome: "partially_frozen", amount: 32000 });
  return { reportIds, caseId, freezeRequestId, keys: { analyst, bank, reporters } };
}
