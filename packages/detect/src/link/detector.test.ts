import { describe, expect, it } from "vitest";
import { normalize } from "../text/normalize.js";
import { readSpoken } from "../text/spoken.js";
import { findLinks, linkDetector } from "./detector.js";

const run = (text: string) => linkDetector.detect({ text: normalize(text), lang: "zh" });

describe("linkDetector", () => {
  it("gives nothing for texts without risky links", () => {
    expect(run("您好，您的快递已到，请到门口取件")).toEqual([]);
    expect(run("【工商银行】请登录 www.icbc.com.cn 或致电95588")).toEqual([]);
  });

  it("emits url:lookalike with evidence in the original text", () => {
    const text = "请登录 jd-kefu.com 办理注销";
    const [signal, ...rest] = run(text);
    expect(rest).toEqual([]);
    expect(signal).toMatchObject({ id: "url:lookalike", family: "channel", stage: "channel_switch", weight: 0.85 });
    expect(signal?.evidence).toEqual([{ start: 4, end: 15, text: "jd-kefu.com" }]);
    expect(text.slice(4, 15)).toBe("jd-kefu.com");
  });

  it("keeps the homoglyph spelling the person saw, though normalisation folds it", () => {
    const text = "打开 аlipay.com 登录";
    const ids = run(text).map((s) => s.id);
    expect(ids).toEqual(["url:punycode", "url:lookalike"]);
    expect(run(text)[1]?.evidence[0]).toEqual({ start: 3, end: 13, text: "аlipay.com" });
  });

  it("finds full-width links through the normalised text and points at the original", () => {
    const text = "请访问 ｊｄ－ｋｅｆｕ．ｃｏｍ";
    expect(findLinks(normalize(text))).toEqual([{ value: "ｊｄ－ｋｅｆｕ．ｃｏｍ", start: 4, end: 15 }]);
    expect(run(text).map((s) => s.id)).toEqual(["url:lookalike"]);
  });

  it("reads a spoken domain in a call transcript as the domain, pointing at the spoken words", () => {
    const text = "please verify your account at paypal dash secure dot com slash login";
    const links = findLinks(readSpoken(normalize(text)));
    expect(links.map((l) => l.value)).toEqual(["paypal-secure.com/login"]);
    expect(text.slice(links[0]?.start, links[0]?.end)).toBe("paypal dash secure dot com slash login");
    expect(linkDetector.detect({ text: readSpoken(normalize(text)), lang: "en" }).map((s) => s.id)).toContain("url:lookalike");
  });

  it("sees a link through the bidi controls and zero-width characters sprinkled into it", () => {
    for (const mark of ["\u200b", "\u202a", "\u2066", "\u2069", "\u00ad"]) {
      expect(run(`secure your account at app${mark}leid-support-verify.com`).map((s) => s.id), JSON.stringify(mark)).toEqual(["url:lookalike"]);
    }
  });

  it("merges the same fact from several links into one signal", () => {
    const signals = run("先点 bit.ly/a 再点 t.cn/b，或 http://1.2.3.4/x");
    expect(signals.map((s) => [s.id, s.evidence.map((e) => e.text)])).toEqual([
      ["url:shortener", ["bit.ly/a", "t.cn/b"]],
      ["url:ip-host", ["http://1.2.3.4/x"]],
    ]);
    for (const s of signals) expect(s.id).toMatch(/^[a-z]+:[a-z0-9-]+$/);
  });
});

describe("linkDetector: a bare address with a path (English)", () => {
  const runEn = (text: string) => linkDetector.detect({ text: normalize(text), lang: "en" });
  it("gives channel:link-given for a host without a scheme followed by a token path, as the lexicon does for http:// and www.", () => {
    const text = "Your delivery has been stopped at our depot. Resolve it here: f94.us/VrVwq";
    const given = runEn(text).find((s) => s.id === "channel:link-given");
    expect(given).toMatchObject({ family: "channel", stage: "channel_switch", weight: 0.2 });
    expect(given?.evidence).toEqual([{ start: 62, end: 74, text: "f94.us/VrVwq" }]);
  });
  it("gives none for a path of words, an official domain, a bare domain without a path, or a Chinese text", () => {
    expect(runEn("AT&T: To avoid service interruption, please pay your bill by Dec 15 at att.com/pay.").map((s) => s.id)).not.toContain("channel:link-given");
    expect(runEn("Your order has shipped! Track it at amazon.com/orders").map((s) => s.id)).not.toContain("channel:link-given");
    expect(runEn("Questions? Visit our site, examplebank.com, or call us.").map((s) => s.id)).not.toContain("channel:link-given");
    expect(run("请登录 qvo5j.com/VYOCGL2SUT 办理").map((s) => s.id)).not.toContain("channel:link-given");
  });
});

describe("linkDetector on very large input", () => {
  it("keeps one signal per fact with at most 64 evidence spans", () => {
    const signals = run("登录 jd-kefu.com 办理 ".repeat(20_000));
    expect(signals.map((s) => [s.id, s.evidence.length])).toEqual([["url:lookalike", 64]]);
  });
});
