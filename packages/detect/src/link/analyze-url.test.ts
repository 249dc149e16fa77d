import { describe, expect, it } from "vitest";
import { analyzeUrl } from "./analyze-url.js";
import urlCases from "./url-cases.json" with { type: "json" };
import { editDistance, findBrandToken, findLookalike, skeleton } from "./lookalike.js";

interface UrlCase {
  url: string;
  risk: string;
  imitates?: string;
  official?: string;
  facts?: string[];
}

describe("analyzeUrl: shared cases (url-cases.json)", () => {
  it.each((urlCases.cases as UrlCase[]).map((c) => [c.url, c] as const))("%s", (_url, c) => {
    const a = analyzeUrl(c.url);
    expect(a.risk).toBe(c.risk);
    expect(a.imitates).toBe(c.imitates ?? null);
    expect(a.official).toBe(c.official ?? null);
    if (c.facts) expect(a.facts.map((f) => f.id)).toEqual(c.facts);
    if (c.imitates) expect(a.facts.find((f) => f.id === "lookalike" || f.id === "brand-subdomain")?.institution).toBe(c.imitates);
  });
});

describe("analyzeUrl: details", () => {
  it("shows punycode hosts in Unicode", () => {
    expect(analyzeUrl("http://xn--lipay-3ve.com/").displayHost).toBe("аlipay.com");
  });

  it("names the registrable domain behind a brand subdomain", () => {
    expect(analyzeUrl("https://jd.com.verify-login.xyz/a").domain).toBe("verify-login.xyz");
  });

  it("answers no URL for what is not http(s)", () => {
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
