/** `scamguard replay` as a person runs it: the real binary, a transcript file, alerts printed in order. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const replays = join(import.meta.dirname, "../../packages/detect/data/replays");

describe("scamguard replay", () => {
  it("fails with a readable message for a missing file and a bad option", async () => {
    const missing = await runCli(["replay", "/nonexistent/call.txt"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("/nonexistent/call.txt: no such file");
    const bad = await runCli(["replay", "--lang", "fr", join(replays, "transcripts/work-meeting-en.txt")]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--lang: expected zh, en or auto, got "fr"');
  });

  it("prints nothing alarming for a work meeting", async () => {
    const { code, stdout } = await runCli(["replay", join(replays, "transcripts/work-meeting-en.txt")]);
    expect(code).toBe(0);
    expect(stdout).not.toContain("ALERT");
    expect(stdout).toContain("3 utterances, 0 alerts, final stage -, risk low");
  });

  it("raises the screen-share alert at the line it is asked, with the advice to press Stop", async () => {
    const { code, stdout } = await runCli(["replay", join(replays, "transcripts/xu-payment-platform-en.txt")]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\[line 5\] ALERT \d · channel_switch · risk high: They asked you to share your screen/);
    expect(stdout).toContain("open the meeting app that is sharing and press \"Stop sharing\"");
    expect(stdout).toMatch(/\[line 6\] ALERT \d · money · risk critical: They want money moved to a "safe" or "designated" account/);
    expect(stdout.indexOf("[line 5]")).toBeLessThan(stdout.indexOf("[line 6]"));
  });

  it("reads remote:/user: prefixes in Chinese too and emits JSON lines on request", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sg-replay-"));
    const file = join(dir, "call.txt");
    writeFileSync(file, "# comment\n对方：您好，我是京东客服\n我：嗯\n对方：您收到的验证码念给我听\n");
    const { code, stdout } = await runCli(["replay", "--json", file]);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l) as { line: number; alert: { stage: string; advice: { id: string }[] } });
    expect(lines.map((l) => [l.line, l.alert.stage])).toEqual([[2, "impersonation"], [4, "harvest"]]);
    expect(lines[1]?.alert.advice.map((a) => a.id)).toContain("never-read-code");
  });

  it("plays a session fixture through the guard and ends on block for Ms. Zhang", async () => {
    const { code, stdout } = await runCli(["replay", "--lang", "en", join(replays, "seed-zhang-jinshan-loan-agreement.json")]);
    expect(code).toBe(0);
    expect(stdout).toContain("DECISION HOLD");
    expect(stdout).toContain("An SMS code arrived while your screen is being shared");
    expect(stdout.trim().split("\n").at(-1)).toBe("final decision: block");
  });
});
