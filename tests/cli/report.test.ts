/**
 * `scamguard report` as a process against the real server over HTTP: a person reports a scam in one step,
 * the numbers taken from the story, and the report is what the API and the centre then read.
 */
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../packages/server/src/testing/test-app.js";
import { runCli } from "../helpers/run-cli.js";

describe("scamguard report", () => {
  let t: TestApp;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    t = await startTestApp("pglite");
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    env = { SCAMGUARD_SERVER: `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`, SCAMGUARD_KEY: await t.createKey("reporter") };
  });
  afterAll(async () => {
    await t?.close();
  });

  const read = async (id: string) => (await t.app.inject({ method: "GET", url: `/v1/reports/${id}`, headers: await t.authHeader("analyst") })).json();

  it("explains itself in --help without commander's '(default: [])' on the repeatable options", async () => {
    const { code, stdout } = await runCli(["report", "--help"], { env });
    expect(code).toBe(0);
    expect(stdout).toContain("--phone <number>");
    expect(stdout).toContain("$SCAMGUARD_KEY");
    expect(stdout).not.toContain("(default: [])");
  });

  it("says how to get a key when none is set, before sending anything", async () => {
    const { code, stderr } = await runCli(["report", "--phone", "13800138000"], { env: { ...env, SCAMGUARD_KEY: "" } });
    expect(code).toBe(1);
    expect(stderr).toContain("a reporter key is needed: set SCAMGUARD_KEY (or pass --key)");
    expect(stderr).toContain("scamguard keys create --role reporter");
  });

  it("says what went wrong in the story's language: no key, a refused key, a server that is down", async () => {
    // Seen as a new user: a story written in Chinese answered "a reporter key is needed: set SCAMGUARD_KEY …".
    const story = ["骗子自称京东客服，让我共享屏幕，号码 13912345678"];
    const noKey = await runCli(["report", ...story], { env: { ...env, SCAMGUARD_KEY: "" } });
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toContain("需要举报密钥：请设置环境变量 SCAMGUARD_KEY（或加 --key）");
    const badKey = await runCli(["report", ...story], { env: { ...env, SCAMGUARD_KEY: "sg_live_not-a-key" } });
    expect(badKey.code).toBe(1);
    expect(badKey.stderr).toContain("服务器不接受这个密钥（401）");
    const down = await runCli(["report", ...story, "--server", "http://127.0.0.1:9"], { env });
    expect(down.code).toBe(1);
    expect(down.stderr).toContain("无法连接 http://127.0.0.1:9");
    for (const { stderr } of [noKey, badKey, down]) expect(stderr).not.toMatch(/key is needed|refused|cannot reach/);
  });

  it("says the server refused the key (401) instead of printing the raw error", async () => {
    const { code, stderr } = await runCli(["report", "--phone", "13800138000"], { env: { ...env, SCAMGUARD_KEY: "sg_live_not-a-key" } });
    expect(code).toBe(1);
    expect(stderr).toContain("the server refused the key (401)");
  });

  it("asks for the scammer's number when the story names none, in the story's language", async () => {
    const { code, stderr } = await runCli(["report", "他自称京东客服，让我共享屏幕"], { env });
    expect(code).toBe(1);
    expect(stderr).toContain("您写的经过里没有找到骗子用的号码、邮箱、账户或链接：请用 --phone");
    expect(stderr).not.toMatch(/no number|found in the story/);
    const en = await runCli(["report", "He said he was from Amazon and asked me to install AnyDesk"], { env });
    expect(en.code).toBe(1);
    expect(en.stderr).toContain("no number, address or link found in the story");
  });

  it("refuses an unknown channel with the list, and passes the server's reason for a bad number", async () => {
    const channel = await runCli(["report", "--phone", "13800138000", "--channel", "fax"], { env });
    expect(channel.code).toBe(1);
    expect(channel.stderr).toContain('--channel: Invalid option: expected one of "phone_call"');
    const phone = await runCli(["report", "--phone", "call me maybe"], { env });
    expect(phone.code).toBe(1);
    expect(phone.stderr).toContain('the server refused the report (422): identifiers.0.value: not a phone number ("call me maybe")');
  });

  it("files the story with the number written in it, the channel as the person says it and the loss, and says to call 110", async () => {
    const story = "他自称京东客服，号码 138 0013 8041，说我的学生账户要注销，让我下载腾讯会议共享屏幕，我转了两万。";
    const { code, stdout, stderr } = await runCli(["report", story, "--channel", "phone", "--loss", "20000", "--when", "2026-11-20T09:30:00+08:00"], { env });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const id = /编号 (rpt_[A-Za-z0-9_-]+)/.exec(stdout)?.[1];
    expect(id, stdout).toBeDefined();
    expect(stdout).toContain("电话号码  138 0013 8041");
    expect(stdout).toContain("损失金额：20,000 CNY");
    expect(stdout).not.toMatch(/phone|Loss/);
    expect(stdout).toContain("请立即拨打110");
    const report = await read(id!);
    expect(report).toMatchObject({
      identifiers: [{ kind: "phone", value: "138 0013 8041", normalized: "+8613800138041" }],
      text: story,
      channel: "phone_call",
      loss: { amount: 20000, currency: "CNY" },
      occurredAt: "2026-11-20T01:30:00.000Z",
    });
    expect(report.mode).not.toBeNull();

    const again = await runCli(["report", story, "--channel", "phone", "--loss", "20000", "--when", "2026-11-20T09:30:00+08:00"], { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`您之前已经提交过同样的举报（编号 ${id}）`);
  });

  it("reports the identifiers given with --phone/--id instead of the story's, in the story's language", async () => {
    const { code, stdout } = await runCli(
      ["report", "He said he was from Amazon, call back 202 555 0100, and asked me to install AnyDesk", "--phone", "+1 202 555 0143", "--id", "url:https://amaz0n-refund.example.com/x"],
      { env },
    );
    expect(code).toBe(0);
    expect(stdout).toContain("Report filed, number rpt_");
    const id = /number (rpt_[A-Za-z0-9_-]+)/.exec(stdout)![1]!;
    const named = (await read(id)).identifiers.map((i: { kind: string; value: string }) => `${i.kind}:${i.value}`);
    expect(named.sort()).toEqual(["phone:+1 202 555 0143", "url:https://amaz0n-refund.example.com/x"]);
  });

  it("reads a loss as people write it (2万, $300), in the currency it names, else in dollars for an English story", async () => {
    const zh = await runCli(["report", "冒充公安的人让我把钱转到安全账户", "--phone", "13800138042", "--loss", "2万"], { env });
    expect(zh.stderr).toBe("");
    expect(zh.stdout).toContain("损失金额：20,000 CNY");
    expect((await read(/编号 (rpt_[A-Za-z0-9_-]+)/.exec(zh.stdout)![1]!)).loss).toEqual({ amount: 20000, currency: "CNY" });

    const en = await runCli(["report", "A robocall said my power would be cut off; I paid with gift cards", "--phone", "+1 202 555 0177", "--loss", "300"], { env });
    expect(en.stderr).toBe("");
    expect(en.stdout).toContain("Loss recorded: 300 USD");
    expect((await read(/number (rpt_[A-Za-z0-9_-]+)/.exec(en.stdout)![1]!)).loss).toEqual({ amount: 300, currency: "USD" });

    const clash = await runCli(["report", "--phone", "13800138043", "--loss", "$300", "--currency", "CNY"], { env });
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('--loss "$300" is in USD but --currency says CNY');
  });
});
