import type { Signal } from "@scamguard/contracts";
import { describe, expect, it } from "vitest";
import type { NormalizedText } from "../types.js";
import { featurize } from "./featurize.js";
import { featureSign, signalFeatures } from "./signal-features.js";
import { hashedNgrams, ngramText, splitTurns } from "./text-features.js";

const plain = (s: string): NormalizedText => ({ original: s, normalized: s.toLowerCase(), toOriginal: Int32Array.from({ length: s.length + 1 }, (_, i) => i) });
const sig = (id: string, family: Signal["family"], stage: Signal["stage"], start: number, end: number, text: string): Signal => ({
  id,
  family,
  stage,
  weight: 1,
  description: "",
  evidence: [{ start, end, text: text.slice(start, end) }],
});

const DIALOGUE = "A: 您好，我是微粒贷客服，您的账户利率违规。\nB: 啊？那怎么办？\nA: 请您下载会议软件共享屏幕，把验证码告诉我，再把钱转到安全账户。";
const SIGNALS = [
  sig("impersonation:customer-service", "impersonation", "impersonation", 7, 12, DIALOGUE),
  sig("channel:screen-share", "channel", "channel_switch", 45, 49, DIALOGUE),
  sig("credential:verification-code", "credential", "harvest", 51, 54, DIALOGUE),
  sig("money:safe-account", "money", "money", 63, 67, DIALOGUE),
];
const NGRAM = { buckets: 1024, cjk: 2, latin: 3 };

describe("featurize", () => {
  it("is deterministic", () => {
    const a = featurize({ text: plain(DIALOGUE), lang: "zh", signals: SIGNALS }, NGRAM);
    const b = featurize({ text: plain(DIALOGUE), lang: "zh", signals: SIGNALS }, NGRAM);
    expect([...a.named]).toEqual([...b.named]);
    expect([...a.grams]).toEqual([...b.grams]);
  });

  it("encodes families, co-occurrence, furthest stage and speakers", () => {
    const f = signalFeatures(SIGNALS, DIALOGUE);
    expect(f.get("fam:money")).toBe(1);
    expect(f.get("co:impersonation+credential")).toBe(1);
    expect(f.get("co:channel+money")).toBe(1);
    expect(f.get("stage:money+")).toBe(1);
    expect(f.get("stage:impersonation+")).toBe(1);
    expect(f.has("stage:disappear+")).toBe(false);
    expect(f.get("playbook:families")).toBeCloseTo(4 / 6);
    expect(f.get("playbook:speaker-families")).toBeCloseTo(4 / 6);
    expect(f.get("sig:money:safe-account@money")).toBe(1);
  });

  it("gives no playbook features without signals", () => {
    const f = signalFeatures([], "A: 你好");
    expect([...f.keys()]).toEqual([]);
  });

  it("n-grams are unit-norm presence features without punctuation, tags, digits or links", () => {
    expect(ngramText("A: 请点击 https://x.cn/a 领取 ¥500！")).toBe("请点击 领取 0");
    const g = hashedNgrams("共享屏幕共享屏幕", NGRAM);
    let norm = 0;
    for (const v of g.values()) norm += v * v;
    expect(norm).toBeCloseTo(1);
    expect(hashedNgrams("A: 共享屏幕", NGRAM)).toEqual(hashedNgrams("共享屏幕", NGRAM));
    expect(hashedNgrams("共享屏幕", NGRAM).size).toBe(3);
  });

  it("splits turns by neutral tags and joins untagged continuation lines", () => {
    expect(splitTurns("A: hi\nmore\nB: yo").map((t) => t.speaker)).toEqual(["A", "B"]);
    expect(splitTurns("just one sms").map((t) => t.speaker)).toEqual(["_"]);
  });

  it("splits turns exactly as the speaker-tag regex over the lines does", () => {
    const TAG = /^[ \t]*([ABab])[:：][ \t]?/;
    const byRegex = (original: string) => {
      const turns: { speaker: string; start: number; end: number }[] = [];
      let pos = 0;
      for (const line of original.split("\n")) {
        const m = TAG.exec(line);
        const end = pos + line.length;
        if (m?.[1]) turns.push({ speaker: m[1].toUpperCase(), start: pos + m[0].length, end });
        else if (turns.length > 0) turns[turns.length - 1]!.end = end;
        else if (line.trim() !== "") turns.push({ speaker: "_", start: pos, end });
        pos = end + 1;
      }
      return turns;
    };
    const texts = ["", "\n", " \n\nA:", "A: hi\r\nb：yo\n", "\t a:\tx\nB:\n  c: no\nA", "x\nA: y", "AB: no\nb:", "Ａ: full width\nB:  two spaces\n\n"];
    for (const text of texts) expect(splitTurns(text), JSON.stringify(text)).toEqual(byRegex(text));
  });

  it("reads speaker tags through invisible characters (zero-width, bidi controls, BOM) around them", () => {
    const text = "\u2066A\u2069:\u200b 你好，我是客服\n\ufeffB\u200d： 好的\nA:\u00ad 请转账";
    const turns = splitTurns(text);
    expect(turns.map((t) => t.speaker)).toEqual(["A", "B", "A"]);
    expect(turns.map((t) => text.slice(t.start, t.end))).toEqual(["你好，我是客服", "好的", "请转账"]);
  });

  it("reads speaker tags behind emoji padding at the start of a line", () => {
    const text = "🌹A: 你好\n✨\ufe0f B： 好的\n❤️👍A: 请转账\n中A: 不是标签";
    const turns = splitTurns(text);
    expect(turns.map((t) => t.speaker)).toEqual(["A", "B", "A"]);
    expect(turns.map((t) => text.slice(t.start, t.end))).toEqual(["你好", "好的", "请转账\n中A: 不是标签"]);
  });

  it("reads a bare link as an ask only in a short one-sender message (a support reply's link is a reference)", () => {
    const link = (text: string) => sig("channel:link-given", "channel", "channel_switch", text.indexOf("<url>"), text.indexOf("<url>") + 5, text);
    const sms = "Your parcel is on hold, pay the fee at <url>";
    const reply = "A: my order never arrived\nB: Sorry about that, please check the steps at <url>";
    const feature = "sig:channel:link-given@channel";
    expect(featurize({ text: plain(sms), lang: "en", signals: [link(sms)] }, null).named.get(feature)).toBe(1);
    expect(featurize({ text: plain(reply), lang: "en", signals: [link(reply)] }, null).named.has(feature)).toBe(false);
    expect(featurize({ text: plain(reply), lang: "en", signals: [link(reply)] }, null).named.has("fam:channel")).toBe(false);
  });

  it("constrains tactic features upward and protective ones downward", () => {
    expect(featureSign("co:channel+money")).toBe(1);
    expect(featureSign("sig:protective:never-ask-code@protective")).toBe(-1);
    expect(featureSign("turn:question-ratio")).toBe(0);
  });
});

describe("claim and ask", () => {
  it("marks a claim (impersonation/pretext) together with an ask (channel/credential/money)", () => {
    expect(signalFeatures(SIGNALS, DIALOGUE).get("playbook:claim+ask")).toBe(1);
    expect(signalFeatures(SIGNALS.slice(0, 1), DIALOGUE).has("playbook:claim+ask")).toBe(false);
    expect(signalFeatures(SIGNALS.slice(1), DIALOGUE).get("playbook:ask-families")).toBeCloseTo(1);
  });
});
