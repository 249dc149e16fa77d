/**
 * `scamguard check` without a server, as a new user runs it on a number or a FaceTime caller ID: the
 * verdict comes from the words alone, and the output says the reports were not looked up (a bare "Low
 * risk" on a number read as "nobody reported it").
 */
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

describe("scamguard check offline", () => {
  it("says the number's reports were not looked up, and how to look them up, in the verdict's language", async () => {
    const env = { SCAMGUARD_SERVER: "", LANG: "C", LC_ALL: "", LC_MESSAGES: "" };
    const en = await runCli(["check", "jd-kefu2023@icloud.com"], { env });
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/^Low risk/);
    expect(en.stdout).toContain("Only the words were checked");
    expect(en.stdout).toContain("--server URL");
    const zh = await runCli(["check", "他让我打这个号码 17012345678"], { env });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain("只检查了文字，没有查询其中号码、邮箱和链接的举报记录");
    expect(zh.stdout).not.toContain("Only the words");
  });

  it("answers a bare +86 number in Chinese: a number has no words to tell the language by", async () => {
    const { code, stdout } = await runCli(["check", "+86 170 1234 5678"], { env: { SCAMGUARD_SERVER: "", LANG: "C", LC_ALL: "", LC_MESSAGES: "" } });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^低风险/);
    expect(stdout).not.toMatch(/Low risk|Only the words/);
  });

  it("says nothing about a lookup when the text names no number, address or link", async () => {
    const { code, stdout } = await runCli(["check", "周末一起去看电影吗？"], { env: { SCAMGUARD_SERVER: "" } });
    expect(code).toBe(0);
    expect(stdout).not.toContain("--server");
  });
});
