/**
 * The anti-fraud centre's flows in a real Chromium against the real server: a person reports a number
 * and an account on the Report page; the analyst finds the report in the queue (filters in the URL),
 * confirms the account as a scam (with a reason) and the Check page then says so; the analyst opens a
 * case from the report and sends an emergency freeze request to a bank; the bank answers it from its
 * own inbox; the case shows the answer and the audit trail, the evidence packet prints them; statistics
 * draw charts from the stored data. No JavaScript errors on any page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebHarness, type WatchedPage, type WebHarness } from "./harness.js";

const ACCOUNT = "6222020200112233445";
const PHONE = "+86 171 0000 5678";
const STORY = "自称京东金融客服，说要注销学生账户，让我下载腾讯会议共享屏幕，把钱转到安全账户 6222020200112233445。";
const SHOTS = process.env.SCAMGUARD_SCREENSHOTS;

let h: WebHarness;
let analyst: WatchedPage;
let caseUrl = "";

beforeAll(async () => {
  h = await startWebHarness();
  analyst = await h.newPage({ lang: "zh" });
});
afterAll(async () => {
  await h?.close();
});

const shot = async (p: WatchedPage, name: string) => {
  if (SHOTS) await p.page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

describe("anti-fraud centre", () => {
  it("a report filed on the Report page shows up in the analyst's queue, filters kept in the URL", async () => {
    const person = await h.newPage({ lang: "zh" });
    await person.page.goto(`${h.url}/report`);
    await person.page.getByLabel("举报密钥").fill(await h.createKey("reporter"));
    await person.page.getByRole("button", { name: "使用这个密钥" }).click();
    await person.page.getByLabel("类型").selectOption("bank_account");
    await person.page.getByLabel("号码/账户/链接").fill(ACCOUNT);
    await person.page.getByRole("button", { name: "再加一个" }).click();
    await person.page.getByLabel("号码/账户/链接").nth(1).fill(PHONE);
    await person.page.getByLabel("发生了什么").fill(STORY);
    await person.page.getByLabel("对方怎么联系您的").selectOption("meeting_app");
    await person.page.getByLabel("损失金额（可不填）").fill("50000");
    await person.page.getByRole("button", { name: "提交举报" }).click();
    await expect.poll(() => person.page.getByTestId("report-outcome").textContent()).toContain("举报已提交");
    expect(person.errors).toEqual([]);
    await person.page.close();

    const { page } = analyst;
    await page.goto(`${h.url}/console`);
    await page.getByLabel("分析员密钥").fill(await h.createKey("analyst"));
    await page.getByRole("button", { name: "使用这个密钥" }).click();
    const queue = page.getByTestId("report-queue");
    await expect.poll(() => queue.textContent()).toContain(ACCOUNT);
    await page.getByLabel("状态").selectOption("new");
    await page.getByLabel("渠道").selectOption("meeting_app");
    await page.getByRole("button", { name: "筛选" }).click();
    await expect.poll(() => page.url()).toContain("status=new");
    expect(page.url()).toContain("channel=meeting_app");
    await expect.poll(() => queue.textContent()).toContain(ACCOUNT);
    await shot(analyst, "console-queue");
    expect(analyst.errors).toEqual([]);
  });

  it("the analyst confirms the account as a scam with a reason, and the Check page then says so", async () => {
    const { page } = analyst;
    await page.getByTestId("report-queue").getByRole("link").first().click();
    const detail = page.getByTestId("report-detail");
    await detail.waitFor();
    const account = detail.getByTestId("related-identifier").filter({ hasText: ACCOUNT });
    expect(await account.getByTestId("evidence-level").textContent()).toBe("被举报，可疑");
    await account.getByLabel("理由（必填，会记入审计）").fill("受害人转账凭证与银行核实一致");
    await account.getByRole("button", { name: "确认为诈骗" }).click();
    await expect.poll(() => account.getByRole("status").textContent()).toContain("已确认诈骗");
    await expect.poll(() => account.getByTestId("evidence-level").textContent()).toBe("已确认诈骗");
    await shot(analyst, "console-report-detail");

    const person = await h.newPage({ lang: "zh" });
    await person.page.goto(`${h.url}/`);
    await person.page.getByLabel("短信、聊天或通话内容").fill(`请把钱转到安全账户 ${ACCOUNT}`);
    await person.page.getByRole("button", { name: "检查", exact: true }).click();
    const found = person.page.getByTestId("identifier").filter({ hasText: ACCOUNT });
    await expect.poll(() => found.textContent()).toContain("已确认诈骗");
    expect(person.errors).toEqual([]);
    await person.page.close();
    expect(analyst.errors).toEqual([]);
  });

  it("opens a case from the report and sends a freeze request with a deadline countdown", async () => {
    const { page } = analyst;
    await page.getByRole("link", { name: "用这条举报立案" }).click();
    await expect.poll(() => page.getByLabel(/骗子的号码/).inputValue()).toContain(ACCOUNT);
    await page.getByLabel("受害人姓名").fill("张女士");
    await page.getByLabel("案件标题").fill("冒充京东金融注销学生账户");
    await page.getByRole("button", { name: "立案", exact: true }).click();
    const detail = page.getByTestId("case-detail");
    await detail.waitFor();
    caseUrl = page.url();
    expect(await detail.getByRole("heading", { level: 2 }).textContent()).toContain("冒充京东金融注销学生账户");
    await page.getByLabel("银行").selectOption("icbc");
    expect(await page.getByLabel("收款账户").inputValue()).toBe(ACCOUNT);
    await page.getByLabel("期限（分钟）").fill("30");
    await page.getByRole("button", { name: "发送" }).click();
    const request = detail.getByTestId("freeze-request");
    await expect.poll(() => request.count()).toBe(1);
    expect(await request.getByTestId("freeze-state").textContent()).toBe("已发送");
    expect(await request.getByTestId("countdown").textContent()).toMatch(/剩余 (29|30):\d\d/);
    expect(analyst.errors).toEqual([]);
  });

  it("the bank sees only its own request, answers it, and the case shows the answer, the audit trail and the packet", async () => {
    const bank = await h.newPage({ lang: "zh" });
    await bank.page.goto(`${h.url}/bank`);
    await bank.page.getByLabel("机构密钥").fill(await h.createKey("institution", "icbc"));
    await bank.page.getByRole("button", { name: "使用这个密钥" }).click();
    const inbox = bank.page.getByTestId("freeze-request");
    await expect.poll(() => inbox.count()).toBe(1);
    expect(await inbox.textContent()).toContain(ACCOUNT);
    await inbox.getByRole("button", { name: "确认收到" }).click();
    await expect.poll(() => inbox.getByTestId("freeze-state").textContent()).toBe("银行已收到");
    await inbox.getByLabel("答复").selectOption("frozen");
    await inbox.getByLabel(/冻结金额/).fill("48000");
    await inbox.getByRole("button", { name: "提交答复" }).click();
    await expect.poll(() => inbox.getByTestId("freeze-state").textContent()).toBe("已冻结");
    await shot(bank, "bank-inbox");
    expect(bank.errors).toEqual([]);

    const other = await h.newPage({ lang: "zh" });
    await other.page.goto(`${h.url}/bank`);
    await other.page.getByLabel("机构密钥").fill(await h.createKey("institution", "ccb"));
    await other.page.getByRole("button", { name: "使用这个密钥" }).click();
    await expect.poll(() => other.page.getByText("没有止付请求。").count()).toBe(1);
    await other.page.close();
    await bank.page.close();

    const { page } = analyst;
    await page.goto(caseUrl);
    const detail = page.getByTestId("case-detail");
    await expect.poll(() => detail.getByTestId("freeze-state").textContent()).toBe("已冻结");
    expect(await detail.getByTestId("freeze-request").textContent()).toContain("48,000");
    const trail = await detail.getByTestId("case-trail").textContent();
    expect(trail).toContain("立案");
    expect(trail).toContain("发出紧急止付请求");
    expect(trail).toContain("银行答复: icbc: frozen 48000 CNY");
    await shot(analyst, "console-case");
    await page.getByRole("link", { name: /证据包/ }).click();
    const packet = page.getByTestId("packet");
    await packet.waitFor();
    expect(await packet.getByTestId("packet-level").allTextContents()).toContain("已确认诈骗");
    expect(await packet.textContent()).toContain("已冻结");
    expect(await packet.textContent()).toContain(STORY);
    await shot(analyst, "console-packet");
    expect(analyst.errors).toEqual([]);
  });

  it("statistics draw charts from the stored data, each with its numbers in a table", async () => {
    // More reports, from other reporters, of other modes and channels (filed over the API, as an app would).
    const seeded = [
      { text: "您好，我是公安局的，您涉嫌洗钱，需要把资金转到安全账户配合调查", channel: "phone_call", loss: 120000, id: "+86 170 1111 2222" },
      { text: "兼职刷单，做任务返佣金，先垫付才能提现", channel: "chat", loss: 8000, id: "+86 170 3333 4444" },
      { text: "Hi, this is Amazon support, install AnyDesk and read me the code we texted you", channel: "facetime", loss: 0, id: "scam-support@icloud.com" },
    ];
    for (const report of seeded) {
      const key = await h.createKey("reporter");
      const answer = await h.server.app.inject({
        method: "POST",
        url: "/v1/reports",
        headers: { authorization: `Bearer ${key}` },
        payload: {
          identifiers: [{ kind: report.id.includes("@") ? "email" : "phone", value: report.id }],
          text: report.text,
          channel: report.channel,
          ...(report.loss > 0 ? { loss: { amount: report.loss, currency: "CNY" } } : {}),
        },
      });
      expect(answer.statusCode).toBe(201);
    }
    const { page } = analyst;
    await page.goto(`${h.url}/console/stats`);
    for (const chart of ["modes", "losses", "channels", "identifiers", "freezes"]) {
      const figure = page.getByTestId(`chart-${chart}`);
      await expect.poll(() => figure.locator("svg.recharts-surface").count(), { timeout: 20_000 }).toBeGreaterThan(0);
      expect(await figure.locator("tbody tr").count()).toBeGreaterThan(0);
    }
    expect(await page.getByTestId("chart-modes").locator(".recharts-bar-rectangle").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("chart-channels").locator("table").textContent()).toContain("会议软件");
    expect(await page.getByTestId("chart-identifiers").locator("table").textContent()).toContain(ACCOUNT);
    expect(await page.getByTestId("chart-losses").locator("table").textContent()).toContain("178,000");
    expect(await page.getByTestId("chart-modes").locator("tbody tr").count()).toBeGreaterThanOrEqual(3);
    // The period buttons are words of the page's language, not the API's ids (day/week/month).
    await page.getByRole("button", { name: "按周" }).click();
    await expect.poll(() => page.url()).toContain("bucket=week");
    expect(await page.getByRole("button", { name: "week", exact: true }).count()).toBe(0);
    await shot(analyst, "console-stats");
    expect(analyst.errors).toEqual([]);
  });

  it("keeps the English report queue inside a 360 px phone (the fraud-mode filter's long names made it 509 px)", async () => {
    const phone = await h.newPage({ width: 360 });
    await phone.page.goto(`${h.url}/console`);
    await phone.page.getByRole("button", { name: "English" }).click();
    await phone.page.getByLabel(/Analyst key/).fill(await h.createKey("analyst"));
    await phone.page.getByRole("button", { name: /Use this key/ }).click();
    await phone.page.getByTestId("report-queue").waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(phone.errors).toEqual([]);
    await phone.page.getByRole("button", { name: "中文" }).click(); // the language is kept for the browser: leave it as found
    await phone.page.close();
  });
});
