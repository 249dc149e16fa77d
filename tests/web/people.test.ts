/**
 * The pages a person uses, in a real Chromium against the real server: Check (verdict in words, the
 * action, the official number, evidence, identifiers; on-device fallback), Live call, Report (with a
 * reporter key) and "Is it really them?". Each test asserts what a person sees, and that the page
 * logged no JavaScript error.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebHarness, type WatchedPage, type WebHarness } from "./harness.js";

/** Seed L (微粒贷 "customer service"): the script up to the screen share. */
const SEED_TEXT = "您好，我是微粒贷客服，您的账户利率过高需要注销，否则影响征信。请下载会议软件共享屏幕";
/** Seed 001 (Ms. Zhang) as a live call, from the repository's replay transcripts. */
const ZHANG_CALL = readFileSync(new URL("../../packages/detect/data/replays/transcripts/zhang-loan-agreement.txt", import.meta.url), "utf8");
const SHOTS = process.env.SCAMGUARD_SCREENSHOTS;

let h: WebHarness;
let phone: WatchedPage;

beforeAll(async () => {
  h = await startWebHarness();
  phone = await h.newPage({ width: 360, lang: "zh" });
});
afterAll(async () => {
  await h?.close();
});

const shot = async (p: WatchedPage, name: string) => {
  if (SHOTS) await p.page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

describe("Check page", () => {
  it("opens at / in Chinese, with 110 and 96110 on the page and nothing wider than a 360 px phone", async () => {
    const { page } = phone;
    await page.goto(`${h.url}/`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("这是诈骗吗？");
    expect(await page.locator('a[href="tel:110"]').isVisible()).toBe(true);
    expect(await page.locator('a[href="tel:96110"]').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(phone.errors).toEqual([]);
  });

  it("says 高风险 for a seed scam text, with the action, the official number as a tel: link, the evidence and the identifier", async () => {
    const { page } = phone;
    await page.getByLabel("短信、聊天或通话内容").fill(SEED_TEXT);
    await page.getByLabel(/号码、来电显示/).fill("jd-kefu@icloud.com");
    await page.getByRole("button", { name: "检查", exact: true }).click();
    const verdict = page.getByTestId("verdict");
    await verdict.waitFor();
    expect(await verdict.getByTestId("risk").textContent()).toContain("高风险");
    expect(await verdict.getByRole("heading", { level: 2 }).textContent()).toContain("这很可能是诈骗");
    expect(await verdict.locator(".action").allTextContents()).toContain("立即停止共享屏幕");
    const callBack = verdict.getByTestId("call-back");
    expect(await callBack.textContent()).toContain("微众银行");
    expect(await callBack.locator("a").getAttribute("href")).toBe("tel:95384");
    expect(await verdict.getByTestId("mode").textContent()).toBe("注销校园贷/征信修复");
    expect(await verdict.locator("mark").allTextContents()).toContain("共享屏幕");
    expect(await verdict.getByText(/96110/).count()).toBeGreaterThan(0);
    const identifier = verdict.getByTestId("identifier").first();
    expect(await identifier.textContent()).toContain("jd-kefu@icloud.com");
    expect(await identifier.textContent()).toContain("没有记录");
    expect(await identifier.textContent()).toContain("不会用 FaceTime 联系您");
    // The typed identifier went out as a 5-character hash prefix only.
    expect(await identifier.textContent()).toContain("服务器不知道您查的是哪个号码");
    expect(await verdict.getByTestId("share-text").textContent()).toContain("不共享屏幕");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shot(phone, "check-zh-360");
    expect(phone.errors).toEqual([]);
  });

  it("switches to English and large type, and keeps what was typed", async () => {
    const { page } = phone;
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("button", { name: "Large type" }).click();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Is this a scam?");
    expect(await page.evaluate(() => document.documentElement.classList.contains("large"))).toBe(true);
    await page.reload();
    expect(await page.getByLabel("Message, chat or what the caller said").inputValue()).toBe(SEED_TEXT);
    await page.keyboard.press("Tab");
    await page.getByRole("button", { name: "Check", exact: true }).focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("verdict").waitFor();
    expect(await page.getByTestId("risk").textContent()).toContain("High risk");
    // A Chinese text checked on the English page: the advice is English too, not the text's language.
    const advice = page.getByTestId("verdict").locator(".advice");
    await expect.poll(() => advice.textContent()).toContain("95384");
    expect(await advice.textContent()).not.toMatch(/[\u4e00-\u9fff]/);
    // The text for family says what to do anywhere, not only China's hotline.
    expect(await page.getByTestId("share-text").textContent()).toContain("call the company's official number yourself");
    await shot(phone, "check-en-large");
    // Switching back under the answer asks again: the advice turns Chinese without pressing Check.
    await page.getByRole("button", { name: "中文" }).click();
    await expect.poll(() => advice.textContent()).toContain("立即停止共享屏幕");
    await page.getByRole("button", { name: "大字：开" }).click();
    expect(phone.errors).toEqual([]);
  });

  it("asks 'is it really them?' with the person's own number hashed on the device", async () => {
    const { page } = phone;
    const sent: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/v1/contacts/verify")) sent.push(request.postData() ?? "");
    });
    await page.getByText("正在通话：真的是他们吗？").click();
    await page.getByLabel("对方自称是").fill("京东金融");
    await page.getByLabel("对方的号码、FaceTime 账号或邮箱").fill("+86 138 0013 8000");
    await page.getByLabel("您自己的手机号或邮箱").fill("139 0013 9000");
    await page.getByRole("button", { name: "核对", exact: true }).click();
    const answer = page.getByTestId("really-answer");
    await answer.waitFor();
    expect(await answer.textContent()).toMatch(/不是|没有登记/);
    expect(await answer.locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
    expect(sent.join("")).not.toContain("13900139000");
    expect(sent.join("")).toMatch(/"toHash":"[0-9a-f]{64}"/);
    expect(phone.errors).toEqual([]);
  });

  it("checks on the device and says so when the server cannot be reached", async () => {
    const offline = await h.newPage({ lang: "zh" });
    await offline.page.route("**/v1/analyze", (route) => route.abort("connectionrefused"));
    await offline.page.goto(`${h.url}/`);
    await offline.page.getByLabel("短信、聊天或通话内容").fill(SEED_TEXT);
    await offline.page.getByRole("button", { name: "检查", exact: true }).click();
    await offline.page.getByTestId("offline-note").waitFor();
    expect(await offline.page.getByTestId("offline-note").textContent()).toContain("已在您的设备上检查");
    expect(await offline.page.getByTestId("risk").textContent()).toContain("高风险");
    // The refused request itself is reported by Chromium as a failed resource: that is the outage we made.
    expect(offline.errors.filter((e) => !e.includes("net::ERR_CONNECTION_REFUSED"))).toEqual([]);
    await offline.page.close();
  });

  it("shows how to stop screen sharing for a screen-share script, not for a phishing text with a link", async () => {
    const { page } = phone;
    await page.goto(`${h.url}/`);
    await page.getByLabel(/号码、来电显示/).fill("");
    await page.getByLabel("短信、聊天或通话内容").fill(SEED_TEXT);
    await page.getByRole("button", { name: "检查", exact: true }).click();
    await expect.poll(() => page.getByTestId("verdict").locator(".screen-share").count()).toBe(1);
    await page.getByLabel("短信、聊天或通话内容").fill("【ETC服务】您的ETC卡已失效，请及时点击 etc-renzheng.top 重新认证，逾期将停止使用");
    await page.getByRole("button", { name: "检查", exact: true }).click();
    await expect.poll(() => page.getByTestId("mode").textContent()).not.toBe("注销校园贷/征信修复");
    expect(await page.getByTestId("risk").textContent()).toMatch(/高风险|极高风险/);
    expect(await page.getByTestId("verdict").locator(".screen-share").count()).toBe(0);
    // Nobody called: the action is not to open the link, not "hang up".
    expect(await page.getByTestId("verdict").locator(".action").allTextContents()).toEqual(["不要打开链接，不要填写任何信息"]);
    expect(phone.errors).toEqual([]);
  });

  it("keeps a verdict quoting a long phishing link inside a 360 px phone, also in large type", async () => {
    const { page } = phone;
    await page.goto(`${h.url}/`);
    await page.getByLabel(/号码、来电显示/).fill("");
    const link = `https://icbc-secure-login-verification-center.com/account/verify?session=${"8f8e7d6c5b4a3928".repeat(4)}`;
    await page.getByLabel("短信、聊天或通话内容").fill(`【工商银行】您的网银账户已被锁定，请立即登录 ${link} 重新验证身份，逾期将冻结`);
    for (const large of [false, true]) {
      if (large) await page.getByRole("button", { name: "大字", exact: true }).click();
      await page.getByRole("button", { name: "检查", exact: true }).click();
      await expect.poll(() => page.getByTestId("risk").textContent()).toMatch(/高风险|极高风险/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), large ? "large type" : "normal type").toBeLessThanOrEqual(360);
    }
    await page.getByRole("button", { name: "大字：开" }).click();
    expect(phone.errors).toEqual([]);
  });

  it("lands a phone on the top of the answer, the risk word and the action below the emergency bar", async () => {
    const { page } = phone;
    await page.goto(`${h.url}/`);
    await page.getByLabel(/号码、来电显示/).fill("");
    await page.getByLabel("短信、聊天或通话内容").fill(SEED_TEXT);
    await page.getByRole("button", { name: "检查", exact: true }).click();
    const risk = page.getByTestId("risk");
    await expect.poll(() => risk.textContent()).toMatch(/高风险|极高风险/);
    const viewport = page.viewportSize()!;
    const firstAction = page.getByTestId("verdict").locator(".action").first();
    // The scroll happens on an animation frame; a loaded worker may need more than one, so wait for it.
    const actionBottom = async () => {
      const box = (await firstAction.boundingBox())!;
      return box.y + box.height;
    };
    await expect.poll(actionBottom, { message: "the first action is on the screen" }).toBeLessThanOrEqual(viewport.height);
    const bar = (await page.getByTestId("emergency").boundingBox())!;
    const riskBox = (await risk.boundingBox())!;
    expect(riskBox.y, "the risk word is not under the sticky emergency bar").toBeGreaterThanOrEqual(bar.y + bar.height);
    expect(await page.evaluate(() => document.activeElement?.classList.contains("result"))).toBe(true);
    expect(phone.errors).toEqual([]);
  });

  it("says low risk carefully, never 'safe'", async () => {
    const { page } = phone;
    await page.getByLabel("短信、聊天或通话内容").fill("妈，我周末回家吃饭，帮我留点饺子。");
    await page.getByLabel(/号码、来电显示/).fill("");
    await page.getByRole("button", { name: "检查", exact: true }).click();
    await expect.poll(() => page.getByTestId("risk").textContent()).toContain("低风险");
    expect(await page.getByTestId("verdict").textContent()).toContain("只要有人要您提供验证码、共享屏幕或转账，就是诈骗");
    expect(await page.getByTestId("verdict").textContent()).not.toContain("安全的");
    expect(phone.errors).toEqual([]);
  });
});

describe("Check page, low risk with a cue", () => {
  it("labels a low verdict's cues as worth a second look, not as what gives a scam away", async () => {
    const { page } = phone;
    await page.goto(`${h.url}/`);
    await page.getByLabel(/号码、来电显示/).fill("");
    await page.getByLabel("短信、聊天或通话内容").fill("妈，这个月房租我给你转过去了，3200，你查一下");
    await page.getByRole("button", { name: "检查", exact: true }).click();
    await expect.poll(() => page.getByTestId("risk").textContent()).toContain("低风险");
    const why = page.getByTestId("verdict").locator(".why");
    expect(await why.textContent()).toContain("值得留意（已标出）");
    expect(await why.textContent()).not.toContain("可疑的话");
    expect(phone.errors).toEqual([]);
  });
});

describe("Check page, a link typed alone", () => {
  it("reads a look-alike link from the identifier field on the device, and sends the server only a hash prefix", async () => {
    const { page } = phone;
    const analyzed: string[] = [];
    const onRequest = (request: { url(): string }) => {
      if (request.url().endsWith("/v1/analyze")) analyzed.push(request.url());
    };
    page.on("request", onRequest);
    await page.goto(`${h.url}/`);
    await page.getByLabel("短信、聊天或通话内容").fill("");
    await page.getByLabel(/号码、来电显示/).fill("https://boc-online-verify.top/login");
    await page.getByRole("button", { name: "检查", exact: true }).click();
    const verdict = page.getByTestId("verdict");
    await expect.poll(async () => (await verdict.locator("mark").allTextContents()).join(" ")).toContain("boc-online-verify.top");
    expect(await verdict.locator(".signals").textContent()).toContain("boc");
    expect(await verdict.getByTestId("identifier").first().textContent()).toContain("服务器不知道您查的是哪个号码");
    // The official site typed alone has nothing to show but its line in the list.
    await page.getByLabel(/号码、来电显示/).fill("https://www.boc.cn/");
    await page.getByRole("button", { name: "检查", exact: true }).click();
    await expect.poll(() => verdict.locator(".why").count()).toBe(0);
    expect(await verdict.getByTestId("risk").count()).toBe(0);
    page.off("request", onRequest);
    expect(analyzed).toEqual([]);
    expect(phone.errors).toEqual([]);
  });

  it("answers a reported account typed alone with a risk and what to do, not a reputation line alone", async () => {
    // A new user typed the "safe account" a caller read out; two people had reported it. The page showed
    // "银行账户 … ⚠️ 被举报，可疑 · 2 人举报" and nothing else: no risk word, no action.
    const account = "6222 0277 1234 5678 901";
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${h.url}/v1/reports`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${await h.createKey("reporter")}` },
        body: JSON.stringify({ identifiers: [{ kind: "bank_account", value: account }], text: "自称公安，让我把钱转到安全账户" }),
      });
      expect(res.status).toBe(201);
    }
    const { page } = phone;
    await page.goto(`${h.url}/`);
    await page.getByLabel("短信、聊天或通话内容").fill("");
    await page.getByLabel(/号码、来电显示/).fill(account);
    await page.getByRole("button", { name: "检查", exact: true }).click();
    const verdict = page.getByTestId("verdict");
    await expect.poll(() => verdict.getByTestId("risk").count()).toBe(1);
    expect(await verdict.getByTestId("risk").textContent()).toContain("中风险");
    expect(await verdict.textContent()).toContain("已被举报涉诈：不要回拨、不要点击、不要转账");
    expect(await verdict.getByTestId("identifier").first().textContent()).toContain("2 人举报");
    // Nothing was pasted: the list is headed as what was checked, not as "内容里的号码和链接".
    expect(await verdict.locator(".identifiers h3").textContent()).toBe("您查的号码、名称或链接");
    // The name a caller gave (their caller ID) proves nothing: the row gives that institution's own number instead.
    await page.getByLabel(/号码、来电显示/).fill("京东客服");
    await page.getByRole("button", { name: "检查", exact: true }).click();
    const named = page.getByTestId("display-name-call-back");
    await expect.poll(() => named.count()).toBe(1);
    expect(await named.textContent()).toContain("显示的名称谁都可以设置，不能证明对方是京东");
    expect(await named.locator('a[href="tel:950618"]').count()).toBe(1);
    // A number nobody reported still answers with its line alone (no all-clear, no alarm), and says that nobody's
    // report does not make it safe: seen as a new user, "电话号码 13911112222 ❔ 没有记录" and nothing else.
    await page.getByLabel(/号码、来电显示/).fill("6222 0277 0000 0000 111");
    await page.getByRole("button", { name: "检查", exact: true }).click();
    await expect.poll(() => verdict.getByTestId("risk").count()).toBe(0);
    await expect.poll(() => verdict.getByTestId("unknown-note").textContent()).toContain("没有人举报过，这不代表安全");
    expect(phone.errors).toEqual([]);
  });
});

describe("Live call page", () => {
  it("shows the risk rising line by line and the warnings from the live stream", async () => {
    const { page } = phone;
    await page.getByRole("link", { name: "通话中" }).click();
    const lines = ZHANG_CALL.split("\n").filter((l) => l.startsWith("remote:")).map((l) => l.slice("remote:".length).trim());
    for (const line of lines.slice(0, 4)) {
      await page.getByLabel("这句话").fill(line);
      await page.getByRole("button", { name: "加入" }).click();
      await expect.poll(() => page.getByLabel("这句话").inputValue()).toBe("");
    }
    await expect.poll(() => page.getByTestId("timeline").locator("li").count()).toBe(4);
    await expect.poll(() => page.getByTestId("live-alert").count()).toBeGreaterThan(0);
    expect(await page.getByText("已连接，提醒会实时出现。").count()).toBe(1);
    const risks = await page.getByTestId("timeline").locator(".risk").allTextContents();
    expect(risks.at(-1)).toMatch(/高风险/);
    // A caller who reads out a long link keeps the page inside a 360 px phone.
    await page.getByLabel("这句话").fill(`您打开这个链接 https://jd-kefu-refund-center-secure-verification.com/refund?order=${"9a8b7c6d5e4f".repeat(5)} 填写银行卡号`);
    await page.getByRole("button", { name: "加入" }).click();
    await expect.poll(() => page.getByTestId("timeline").locator("li").count()).toBe(5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await shot(phone, "live-zh-360");
    expect(phone.errors).toEqual([]);
  });
});

describe("Live call replay", () => {
  it("replays a pasted transcript without speaker prefixes as the caller's lines, and 我： as the person's", async () => {
    const { page } = phone;
    await page.goto(`${h.url}/live`);
    await page.getByText("回放示例通话").click();
    await page.getByLabel(/要回放的通话/).fill("您好，我是京东金融客服\n我：嗯，什么事\n您的学生账户需要注销，请下载会议软件共享屏幕");
    await page.getByRole("button", { name: "开始回放" }).click();
    await expect.poll(() => page.getByTestId("timeline").locator("li").count(), { timeout: 30_000 }).toBe(3);
    const rows = await page.getByTestId("timeline").locator("li").allTextContents();
    expect(rows[1]).toContain("我：");
    expect(rows[1]).not.toContain("对方");
    expect(rows[2]).toContain("对方：");
    expect(phone.errors).toEqual([]);
  });
});

describe("Report page and Is-it-really-them", () => {
  it("files a report with a pasted reporter key and lists it under my reports", async () => {
    const { page } = phone;
    const key = await h.createKey("reporter");
    await page.getByRole("link", { name: "举报" }).click();
    await page.getByLabel("举报密钥").fill(key);
    await page.getByRole("button", { name: "使用这个密钥" }).click();
    await page.getByLabel("号码/账户/链接").fill("+86 171 0000 1234");
    await page.getByLabel("发生了什么").fill("自称京东金融客服，让我下载会议软件共享屏幕，说要注销学生账户。");
    await page.getByLabel("对方怎么联系您的").selectOption("phone_call");
    await page.getByRole("button", { name: "提交举报" }).click();
    await expect.poll(() => page.getByTestId("report-outcome").textContent()).toContain("举报已提交");
    await expect.poll(() => page.getByTestId("my-reports").textContent()).toContain("+86 171 0000 1234");
    // Seen as a new user: "状态: new" on the Chinese page.
    expect(await page.getByTestId("my-reports").textContent()).toContain("状态：新举报");
    expect(phone.errors).toEqual([]);
  });

  it("uses a pasted reporter key without its button being pressed, when the report is sent", async () => {
    // Seen as a new user: a key pasted, "Send report" pressed, and the answer "Enter your reporter key first".
    // A tab of its own, so no key is in use yet (the shared context keeps the page in Chinese).
    const { page } = await h.newPage({ lang: "zh" });
    await page.goto(`${h.url}/report`);
    await page.getByLabel("举报密钥").fill(await h.createKey("reporter"));
    await page.getByLabel("号码/账户/链接").fill("(888) 555-0199");
    await page.getByLabel("发生了什么").fill("A recorded voice said my Social Security number was suspended and told me to buy gift cards.");
    await page.getByRole("button", { name: "提交举报" }).click();
    await expect.poll(() => page.getByTestId("report-outcome").textContent()).toContain("举报已提交");
    await expect.poll(() => page.getByTestId("my-reports").textContent()).toContain("(888) 555-0199");
    await page.close();
  });

  it("says in Chinese that a mistyped reporter key is not valid, and does not claim there are no reports", async () => {
    // A tab of its own: the browser logs the two 401 answers as console errors, which the phone tab counts.
    const { page } = await h.newPage({ lang: "zh" });
    await page.goto(`${h.url}/report`);
    await page.getByLabel("举报密钥").fill("sg_live_this-key-was-mistyped");
    await page.getByRole("button", { name: "使用这个密钥" }).click();
    const mine = page.locator(".my-reports");
    await expect.poll(() => mine.textContent()).toContain("这个密钥无效、不存在或已被吊销");
    expect(await mine.textContent()).not.toContain("还没有举报");
    expect(await mine.textContent()).not.toMatch(/Authorization|API key/);
    await page.getByLabel("号码/账户/链接").fill("+86 171 0000 4321");
    await page.getByRole("button", { name: "提交举报" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("这个密钥无效");
    await page.close();
  });

  it("files a pasted link as a link without the kind being changed by hand, and names a bad value in Chinese", async () => {
    const { page } = phone;
    await page.goto(`${h.url}/report`);
    const link = "https://jd-kefu-refund-center.top/tk?order=2231";
    await page.getByLabel("号码/账户/链接").fill(link);
    expect(await page.getByLabel("类型").inputValue()).toBe("url");
    await page.getByLabel("发生了什么").fill("自称京东客服说要退款，让我打开链接填银行卡号。");
    await page.getByRole("button", { name: "提交举报" }).click();
    await expect.poll(() => page.getByTestId("report-outcome").textContent()).toContain("举报已提交");
    await expect.poll(() => page.getByTestId("my-reports").textContent()).toContain(link);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByLabel("类型").selectOption("phone");
    await page.getByLabel("号码/账户/链接").fill("www.x");
    expect(await page.getByLabel("类型").inputValue()).toBe("phone");
    await page.getByRole("button", { name: "提交举报" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("这不是有效的电话号码：“www.x”");
    expect(phone.errors.filter((e) => !e.includes("422"))).toEqual([]);
    phone.errors.length = 0;
  });

  it("records a loss typed on the English page in dollars unless another currency is picked", async () => {
    const en = await h.newPage({ lang: "en" });
    const { page } = en;
    const bodies: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST" && request.url().endsWith("/v1/reports")) bodies.push(request.postData() ?? "");
    });
    await page.goto(`${h.url}/report`);
    // The pages share one browser profile, whose stored language is the phone page's Chinese.
    await page.getByRole("button", { name: "English" }).click();
    await page.getByLabel("Reporter key").fill(await h.createKey("reporter"));
    await page.getByRole("button", { name: "Use this key" }).click();
    expect(await page.getByLabel("Currency").inputValue()).toBe("USD");
    await page.getByLabel("Number / account / link").fill("+1 202 555 0163");
    await page.getByLabel("Money lost (optional)").fill("300");
    await page.getByRole("button", { name: "Send report" }).click();
    await expect.poll(() => page.getByTestId("report-outcome").textContent()).toContain("Report sent");
    expect(JSON.parse(bodies[0] ?? "{}").loss).toEqual({ amount: 300, currency: "USD" });
    await page.getByRole("button", { name: "中文" }).click();
    expect(await page.getByLabel("币种").inputValue()).toBe("CNY");
    await page.getByLabel("币种").selectOption("HKD");
    await page.getByRole("button", { name: "English" }).click();
    expect(await page.getByLabel("Currency").inputValue()).toBe("HKD");
    await page.getByRole("button", { name: "中文" }).click(); // leave the stored language as the other tests expect
    expect(en.errors).toEqual([]);
    await page.close();
  });

  it("finds the official number and says a FaceTime caller claiming to be JD is not them", async () => {
    const { page } = phone;
    await page.getByRole("link", { name: "官方号码" }).click();
    await page.getByLabel("机构、产品或号码").fill("京东");
    await page.getByRole("button", { name: "搜索" }).click();
    await expect.poll(() => page.getByTestId("directory-results").textContent()).toContain("京东");
    // Chinese punctuation on the Chinese page: "官方电话：", never "官方电话:".
    expect(await page.getByTestId("directory-results").textContent()).toContain("官方电话：");
    expect(await page.getByTestId("directory-results").textContent()).not.toMatch(/官方(电话|网站|应用):/);
    await page.getByLabel("对方自称是").fill("京东客服");
    await page.getByLabel("对方用的号码或邮箱").fill("jd-kefu@icloud.com");
    await page.getByLabel("怎么联系的").selectOption("facetime");
    await page.getByRole("button", { name: "核对", exact: true }).click();
    await expect.poll(() => page.getByTestId("verify-answer").textContent()).toContain("不是");
    expect(await page.getByTestId("verify-answer").locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
    // The reasons under the answer are in the page's language too (they came back in English on the Chinese page).
    const reasons = await page.getByTestId("verify-answer").locator("li").allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason).not.toMatch(/\b(never|hang up|yourself|contacts people)\b/);
    expect(reasons.join("")).toContain("从不通过 FaceTime");
    await shot(phone, "directory-zh-360");
    expect(phone.errors).toEqual([]);
  });
});

describe("Console and bank pages without a key", () => {
  it("ask for the analyst or institution key and say it stays in the tab", async () => {
    const { page } = phone;
    await page.goto(`${h.url}/console/reports?status=new`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("反诈中心工作台");
    expect(await page.getByLabel("分析员密钥").isVisible()).toBe(true);
    expect(await page.getByText("密钥只保存在这个浏览器标签页里").count()).toBe(1);
    await page.getByRole("link", { name: "银行止付" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("银行：紧急止付请求");
    expect(await page.getByLabel("机构密钥").isVisible()).toBe(true);
    expect(phone.errors).toEqual([]);
  });
});


describe("A mistyped address", () => {
  it("says there is no such page, names it, and still offers the Check page; a real page shows no such notice", async () => {
    const { page } = phone;
    await page.goto(`${h.url}/chekc`);
    await expect.poll(() => page.getByTestId("not-found").textContent()).toContain("没有这个页面：/chekc");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("这是诈骗吗？");
    expect(await page.getByLabel("短信、聊天或通话内容").isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole("link", { name: "通话中" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("通话中：边听边检查");
    expect(await page.getByTestId("not-found").count()).toBe(0);
    const en = await h.newPage({ lang: "en" });
    await en.page.goto(`${h.url}/reprot?x=1`);
    // The pages share one browser profile, whose stored language is the phone page's Chinese.
    await en.page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => en.page.getByTestId("not-found").textContent()).toContain("There is no page at /reprot");
    expect(phone.errors).toEqual([]);
    expect(en.errors).toEqual([]);
  });
});
