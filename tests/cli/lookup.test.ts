/**
 * `scamguard lookup` as a new user runs it against the real server: one number, FaceTime caller ID or
 * link → who reported it, and one line of what to do, in the person's language.
 */
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../packages/server/src/testing/test-app.js";
import { runCli } from "../helpers/run-cli.js";

describe("scamguard lookup", () => {
  let t: TestApp;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    t = await startTestApp("pglite");
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    env = { SCAMGUARD_SERVER: `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`, LANG: "C", LC_ALL: "", LC_MESSAGES: "" };
  });
  afterAll(async () => {
    await t?.close();
  });

  it("says a reported +86 number was reported, in Chinese, and not to call back", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/v1/reports",
      headers: { authorization: `Bearer ${await t.createKey("reporter")}` },
      payload: { identifiers: [{ kind: "phone", value: "+8617012340001" }], text: "自称京东客服，让我共享屏幕" },
    });
    expect(res.statusCode).toBe(201);
    const { code, stdout, stderr } = await runCli(["lookup", "170 1234 0001"], { env });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("电话号码 +8617012340001：被举报，可疑 — 1 人举报");
    expect(stdout).toContain("不要回拨、不要点链接、不要转账");
    expect(stdout).not.toMatch(/reported|phone /);
  });

  it("names the institution of an official number, and says caller IDs can be faked", async () => {
    const { code, stdout } = await runCli(["lookup", "950618"], { env });
    expect(code).toBe(0);
    expect(stdout).toContain("这是京东的官方联系方式");
    expect(stdout).toContain("来电号码可以伪造");
  });

  it("never calls a stranger's Apple ID official, and says institutions do not call on FaceTime", async () => {
    const { code, stdout } = await runCli(["lookup", "jd-kefu2023@icloud.com"], { env });
    expect(code).toBe(0);
    expect(stdout).toContain("e-mail/Apple ID jd-kefu2023@icloud.com: unknown — no reports");
    expect(stdout).toContain("real institutions do not call you on FaceTime");
    expect(stdout).not.toContain("official contact");
  });

  it("looks up a bare card or account number as a bank account, as the Check page does, and says it was reported", async () => {
    // A new user typed the "safe account" a caller read out and was told to "say what it is with --kind".
    const res = await t.app.inject({
      method: "POST",
      url: "/v1/reports",
      headers: { authorization: `Bearer ${await t.createKey("reporter")}` },
      payload: { identifiers: [{ kind: "bank_account", value: "6222021234567890123" }], text: "自称公安，让我把钱转到安全账户" },
    });
    expect(res.statusCode).toBe(201);
    const { code, stdout, stderr } = await runCli(["lookup", "6222 0212 3456 7890 123"], { env: { ...env, LANG: "zh_CN.UTF-8" } });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("银行账户 6222021234567890123：被举报，可疑 — 1 人举报");
    expect(stdout).toContain("不要转账");
    const unknown = await runCli(["lookup", "6217003810029483711"], { env });
    expect(unknown.code).toBe(0);
    expect(unknown.stdout).toContain("bank account 6217003810029483711: unknown — no reports");
  });

  it("looks up several values typed side by side one by one, never as one run-together account", async () => {
    // A new user typed `scamguard lookup 95588 13912345678` and read "银行账户 9558813912345678：没有记录".
    const { code, stdout, stderr } = await runCli(["lookup", "95588", "13912345678"], { env });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("电话号码 95588：官方联系方式");
    expect(stdout).toContain("电话号码 +8613912345678：没有记录");
    expect(stdout).not.toContain("银行账户");
  });

  it("says a server that does not answer in the person's language, with how to start one", async () => {
    // Seen as a new user: a +86 number looked up against a stopped server answered in English.
    const zh = await runCli(["lookup", "13912345678", "--server", "http://127.0.0.1:9"], { env });
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain("无法连接 http://127.0.0.1:9");
    expect(zh.stderr).toContain("npm start");
    expect(zh.stderr).not.toContain("could not reach");
    const en = await runCli(["lookup", "+1 202 555 0143", "--server", "http://127.0.0.1:9"], { env });
    expect(en.stderr).toContain("cannot reach http://127.0.0.1:9");
  });

  it("asks what the value is when it is not a number, address or link, in Chinese for a Chinese value", async () => {
    const { code, stdout, stderr } = await runCli(["lookup", "hello there"], { env });
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("say what it is with --kind");
    const zh = await runCli(["lookup", "某某科技"], { env });
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain("“某某科技”不是可以查询的号码、邮箱或链接；请用 --kind 说明它是什么");
  });

  it("answers the name a caller gave (京东客服, ICBC) with that institution's official number, in the name's language", async () => {
    const zh = await runCli(["lookup", "京东客服"], { env });
    expect(zh.stderr).toBe("");
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain("“京东客服”是一个名称，不是号码、邮箱或链接：任何人都可以自称是它。");
    expect(zh.stdout).toContain("京东：请挂断，自行拨打 950618 核实");
    const en = await runCli(["lookup", "ICBC"], { env });
    expect(en.code).toBe(0);
    expect(en.stdout).toContain("hang up and call 95588 yourself");
  });

  it("says how to write a US number given without +1, and finds one written the American way", async () => {
    // A new user typed "2025550148" and was told to "say what it is with --kind", which refused it too.
    const bare = await runCli(["lookup", "2025550148"], { env });
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain("write a US or Canadian number as +1 2025550148 or (202) 555-0148");
    expect(bare.stderr).not.toContain("--kind");
    const written = await runCli(["lookup", "(202) 555-0148"], { env });
    expect(written.stderr).toBe("");
    expect(written.code).toBe(0);
    expect(written.stdout).toContain("+12025550148");
  });
});
