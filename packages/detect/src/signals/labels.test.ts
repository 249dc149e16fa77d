import { describe, expect, it } from "vitest";
import commonLexicon from "../../data/lexicons/common.json" with { type: "json" };
import enLexicon from "../../data/lexicons/en.json" with { type: "json" };
import zhLexicon from "../../data/lexicons/zh.json" with { type: "json" };
import { analyze } from "../analyze.js";
import { labelledIds, signalLabels } from "./labels.js";

/** Ids the code detectors (contact, link, amount) emit; lexicon ids come from the data files. */
const DETECTOR_IDS = [
  "impersonation:display-name",
  "impersonation:unofficial-number",
  "channel:facetime",
  "money:large-amount",
  "protective:official-contact",
  "url:lookalike",
  "url:brand-subdomain",
  "url:punycode",
  "url:ip-host",
  "url:shortener",
  "url:suspicious-tld",
];
const LEXICON_IDS = [...new Set([zhLexicon, enLexicon, commonLexicon].flatMap((f) => f.entries.map((e) => e.id)))];
const HAN = /\p{Script=Han}/u;
/** Product names Chinese text writes in Latin letters; anything else of 4+ lower-case letters is English prose. */
const PRODUCT_NAMES = /FaceTime|iMessage|AnyDesk|TeamViewer|Zoom|App|APP|QQ/g;

describe("signal labels", () => {
  it.each([...LEXICON_IDS, ...DETECTOR_IDS])("%s has a Chinese and an English label", (id) => {
    const label = signalLabels(id);
    expect(label, `add "${id}" to data/lexicons/labels.json`).toBeDefined();
    expect(label?.zh).toMatch(HAN);
    expect(label?.en).not.toMatch(HAN);
    expect(label?.en.length).toBeGreaterThan(3);
  });

  it("labels no id that nothing emits (a renamed signal leaves no stale label)", () => {
    const known = new Set([...LEXICON_IDS, ...DETECTOR_IDS]);
    expect(labelledIds().filter((id) => !known.has(id))).toEqual([]);
  });

  it("a Chinese verdict reads Chinese only, an English one English only", () => {
    const zh = analyze("您好，我是微粒贷客服，您的利率过高需要注销，否则影响征信。请下载会议软件共享屏幕，把验证码告诉我，再转到安全账户。", { lang: "zh" });
    expect(zh.risk).not.toBe("low");
    for (const line of [...zh.reasons, ...zh.signals.map((s) => s.description), ...zh.advice.map((a) => a.text)]) {
      expect(line.replace(/“[^”]*”/g, "").replace(PRODUCT_NAMES, ""), line).not.toMatch(/[a-z]{4,}/);
    }
    const en = analyze("This is Amazon customer service. Your account is locked; share your screen, read me the verification code and buy gift cards.", { lang: "en" });
    expect(en.risk).not.toBe("low");
    for (const line of [...en.reasons, ...en.signals.map((s) => s.description), ...en.advice.map((a) => a.text)]) {
      expect(line.replace(/“[^”]*”/g, ""), line).not.toMatch(HAN);
    }
  });
});
