import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { CLI, runCli } from "../helpers/run-cli.js";

const parseLines = (stdout: string) => stdout.trimEnd().split("\n").map((line) => JSON.parse(line));

describe("scamguard classify (real process)", () => {
  it("answers a bad line with its line number and an error, and goes on", async () => {
    const input = Buffer.concat([
      Buffer.from('{"id":"a","text":5}\n'),
      Buffer.from("not json\n"),
      Buffer.from([0xff, 0xfe, 0x0a]),
      Buffer.from("\n"),
      Buffer.from('{"id":"ok","text":"hello"}\n'),
    ]);
    const { code, stdout } = await runCli(["classify"], { stdin: input });
    expect(code).toBe(0);
    const out = parseLines(stdout);
    expect(out).toHaveLength(5);
    expect(out[0]).toEqual({ id: "a", line: 1, error: "text: Invalid input: expected string, received number" });
    expect(out[1]).toMatchObject({ line: 2, error: expect.stringContaining("invalid JSON") });
    expect(out[2]).toEqual({ line: 3, error: "line is not valid UTF-8" });
    expect(out[3]).toEqual({ line: 4, error: "empty line: expected a JSON object" });
    expect(out[4]).toMatchObject({ id: "ok", label: expect.any(Number), score: expect.any(Number), risk: expect.any(String) });
  });

  it("says in words that an --input file does not exist or is a folder, not Node's ENOENT", async () => {
    const missing = await runCli(["classify", "--input", "/nonexistent/messages.jsonl"]);
    expect(missing.code).not.toBe(0);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toContain("--input /nonexistent/messages.jsonl: no such file");
    expect(missing.stderr).not.toContain("ENOENT");
    const folder = await runCli(["classify", "--input", tmpdir()]);
    expect(folder.code).not.toBe(0);
    expect(folder.stderr).toContain(`--input ${tmpdir()}: a folder, not a file`);
  });

  it("says a line without text needs one, not zod's 'received undefined'", async () => {
    const { code, stdout } = await runCli(["classify"], { stdin: '{"id":"b"}\n' });
    expect(code).toBe(0);
    expect(parseLines(stdout)).toEqual([{ id: "b", line: 1, error: "text: required (a string)" }]);
  });

  it("says where the text goes when a line names it message, content or transcript", async () => {
    const { code, stdout } = await runCli(["classify"], { stdin: '{"id":"c","message":"hello"}\n{"id":"d","transcript":"喂你好"}\n' });
    expect(code).toBe(0);
    const out = parseLines(stdout);
    expect(out[0]).toEqual({ id: "c", line: 1, error: 'text: required (a string); put the message to classify in "text", not "message"' });
    expect(out[1].error).toContain('in "text", not "transcript"');
  });

  it("stops quietly when its reader goes away (classify | head -1), without an EPIPE error", async () => {
    const child = spawn(process.execPath, [CLI, "classify"]);
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    // Like `head -1`: read the first line, then close the pipe while classify still has lines to write.
    child.stdout.once("data", () => child.stdout.destroy());
    child.stdin.on("error", () => {});
    child.stdin.end(`${JSON.stringify({ text: "您好，我是微粒贷客服，请下载会议软件共享屏幕" })}\n`.repeat(20_000));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });

  it("writes one line per input line, in order, with the verdict fields", async () => {
    const lines = Array.from({ length: 2000 }, (_, i) =>
      JSON.stringify({ id: `m${i}`, text: i % 2 ? "您好，我是微粒贷客服，请下载会议软件共享屏幕" : "明天下午三点开会", label: i % 2 }),
    );
    const { code, stdout } = await runCli(["classify"], { stdin: `${lines.join("\n")}\n` });
    expect(code).toBe(0);
    const out = parseLines(stdout);
    expect(out.map((o) => o.id)).toEqual(lines.map((_, i) => `m${i}`));
    for (const record of out) {
      expect(Object.keys(record)).toEqual(expect.arrayContaining(["id", "label", "score", "risk", "mode", "signals"]));
      expect([0, 1]).toContain(record.label);
    }
  });

  it("reads --input FILE and fails with a non-zero exit only when the file cannot be read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sg-classify-"));
    const file = join(dir, "in.jsonl");
    writeFileSync(file, '{"id":1,"text":"hi"}');
    const ok = await runCli(["classify", "--input", file]);
    expect(ok.code).toBe(0);
    expect(parseLines(ok.stdout)).toHaveLength(1);
    const missing = await runCli(["classify", "--input", join(dir, "nope.jsonl")]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("nope.jsonl");
  });
});

describe("scamguard check (real process)", () => {
  it("refuses a wrong --lang at once, without waiting for a text on stdin (a terminal that never sends EOF)", async () => {
    const child = spawn(process.execPath, [CLI, "check", "--lang", "fr"]); // stdin left open, as in a terminal
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill();
        resolve(null);
      }, 10_000);
      child.on("close", (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(code).toBe(1);
    expect(stderr).toContain('--lang: expected zh, en or auto, got "fr"');
  });

  it("rejects an unknown --lang with a message naming it", async () => {
    const { code, stderr } = await runCli(["check", "--lang", "fr", "hello"]);
    expect(code).toBe(1);
    expect(stderr).toContain("--lang");
  });

  it("rejects stdin that is not UTF-8", async () => {
    const { code, stderr } = await runCli(["check"], { stdin: Buffer.from([0xc3, 0x28, 0xff]) });
    expect(code).toBe(1);
    expect(stderr).toContain("not valid UTF-8");
  });

  it("refuses an empty text or an empty stdin instead of answering it with a reassuring low risk", async () => {
    for (const run of [runCli(["check", ""]), runCli(["check"], { stdin: "  \n" }), runCli(["check", "--json"])]) {
      const { code, stdout, stderr } = await run;
      expect(code).toBe(1);
      expect(stdout).toBe("");
      expect(stderr).toContain("nothing to check");
    }
  });

  it("prints JSON with --json", async () => {
    const { code, stdout } = await runCli(["check", "--json", "明天下午三点开会"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ risk: "low", lang: "zh" });
  });
});
