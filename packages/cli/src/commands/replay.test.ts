import type { ConversationAlert } from "@scamguard/contracts";
import { describe, expect, it } from "vitest";
import { formatAlert, parseTranscript } from "./replay.js";

describe("parseTranscript", () => {
  it("reads English caller:/me: prefixes as well as remote:/user: and 对方：/我：", () => {
    const parsed = parseTranscript("Caller: this is Amazon support\nMe: ok, what do I do?\n对方：请共享屏幕\n我：好\nno prefix at all");
    expect(parsed.map((u) => [u.speaker, u.text])).toEqual([
      ["remote", "this is Amazon support"],
      ["user", "ok, what do I do?"],
      ["remote", "请共享屏幕"],
      ["user", "好"],
      ["remote", "no prefix at all"],
    ]);
  });
});

describe("formatAlert", () => {
  it("prints each heard quote once and drops a quote that a longer one already contains", () => {
    const quote = (text: string) => ({ utterance: 1, speaker: "remote" as const, start: 0, end: text.length, text });
    const alert = {
      seq: 2,
      stage: "pretext",
      risk: "high",
      title: "对方用“影响征信”制造恐慌",
      evidence: ["征信", "注销", "否则", "学生账户需要注销", "影响征信", "账户需要注销", "征信"].map(quote),
      advice: [],
    } as unknown as ConversationAlert;
    const heard = formatAlert(alert, "line 2").split("\n").filter((l) => l.includes("heard:"));
    expect(heard.map((l) => l.trim())).toEqual(['heard: "否则"', 'heard: "学生账户需要注销"', 'heard: "影响征信"']);
  });
});
