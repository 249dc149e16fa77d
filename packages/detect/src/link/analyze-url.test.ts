import { describe, expect, it } from "vitest";
import { analyzeUrl } from "./analyze-url.js";
import { editDistance, findBrandToken, findLookalike, skeleton } from "./lookalike.js";

const factIds = (url: string) => analyzeUrl(url).facts.map((f) => f.id);

describe("analyzeUrl: look-alikes of official domains", () => {
  it.each([
    ["jd-kefu.com", "jd"],
    ["http://jdkefu.cn/zhuxiao", "jd"],
    ["webank-service.cn", "webank"],
    ["icbc-cn.com", "icbc"],
    ["icbcvip.cn", "icbc"],
    ["https://webamk.com/login", "webank"],
    ["alipay.top", "alipay"],
    ["paypa1.com", "paypal"],
    ["appIe.com", "apple"],
    ["http://аlipay.com/", "alipay"],
    ["http://xn--lipay-3ve.com", "alipay"],
    ["bankofchina-secure.com", "boc"],
    ["taobao-tuikuan.com", "taobao"],
    ["wechat-pay.vip", "tencent"],
  ])("%s imitates %s", (url, institution) => {
    const a = analyzeUrl(url);
    expect(a.risk).toBe("high");
    expect(a.imitates).toBe(institution);
    expect(a.facts.find((f) => f.id === "lookalike")?.institution).toBe(institution);
  });

  it("puts a brand in the subdomain of an unrelated domain", () => {
    const a = analyzeUrl("https://jd.com.verify-login.xyz/a");
    expect(a.facts.map((f) => f.id)).toEqual(["brand-subdomain", "suspicious-tld"]);
    expect(a).toMatchObject({ risk: "high", imitates: "jd", domain: "verify-login.xyz" });
  });

  it("marks punycode hosts and shows them in Unicode", () => {
    const a = analyzeUrl("http://xn--lipay-3ve.com/");
    expect(a.displayHost).toBe("аlipay.com");
    expect(a.facts.map((f) => f.id)).toEqual(["punycode", "lookalike"]);
  });
});

describe("analyzeUrl: official, neutral and other facts", () => {
  it.each([
    ["https://www.icbc.com.cn/", "icbc"],
    ["jr.jd.com", "jd"],
    ["https://weixin.qq.com/x", "tencent"],
    ["HTTPS://WWW.WEBANK.COM", "webank"],
  ])("%s is official (%s)", (url, id) => {
    expect(analyzeUrl(url)).toMatchObject({ official: id, risk: "safe", imitates: null });
  });

  it.each(["google.com", "github.com", "en.wikipedia.org", "pineapple.com", "livestream.com", "courtlistener.com", "small.com", "cloud.com", "infra.com", "jdk.java.net"])(
    "%s raises nothing",
    (url) => {
      expect(analyzeUrl(url)).toMatchObject({ facts: [], risk: "low", imitates: null });
    },
  );

  it.each([
    ["http://1.2.3.4/pay", ["ip-host"], "medium"],
    ["bit.ly/abc", ["shortener"], "medium"],
    ["t.cn/A6x", ["shortener"], "medium"],
    ["example.top", ["suspicious-tld"], "low"],
  ] as const)("%s → %j, %s", (url, ids, risk) => {
    expect(factIds(url)).toEqual(ids);
    expect(analyzeUrl(url).risk).toBe(risk);
  });

  it("answers low with no facts for what is not a URL", () => {
    expect(analyzeUrl("not a url")).toMatchObject({ url: null, facts: [], risk: "low" });
    expect(analyzeUrl("javascript:alert(1)")).toMatchObject({ url: null, facts: [] });
  });
});

describe("look-alike building blocks", () => {
  it("edit distance gives up past the limit", () => {
    expect(editDistance("webank", "webamk", 2)).toBe(1);
    expect(editDistance("alipay", "alipya", 2)).toBe(2);
    expect(editDistance("alipay", "google", 2)).toBe(3);
  });

  it("skeletons collide for homoglyphs", () => {
    expect(skeleton("paypa1")).toBe(skeleton("paypal"));
    expect(skeleton("аlipay")).toBe(skeleton("alipay"));
    expect(skeleton("rnicrosoft")).toBe(skeleton("microsoft"));
    expect(skeleton("icbc")).not.toBe(skeleton("ccb"));
  });

  it("brand tokens need a whole token or a scam word for short brands", () => {
    expect(findBrandToken("jd-kefu")?.institution).toBe("jd");
    expect(findBrandToken("jdkefu")?.institution).toBe("jd");
    expect(findBrandToken("jdk")).toBeUndefined();
    expect(findBrandToken("pineapple")).toBeUndefined();
    expect(findBrandToken("myalipayhelp")?.institution).toBe("alipay");
  });

  it("the official domain itself is no look-alike", () => {
    expect(findLookalike("webank", "webank.com")).toBeUndefined();
    expect(findLookalike("webank", "webank.top")).toEqual({ institution: "webank", imitates: "webank.com", how: "other-suffix" });
  });
});
