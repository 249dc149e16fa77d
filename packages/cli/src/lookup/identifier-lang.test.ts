import { extractIdentifiers } from "@scamguard/detect";
import { afterEach, describe, expect, it, vi } from "vitest";
import { guessLang, onlyIdentifiers } from "./identifier-lang.js";

describe("the language of a bare number, address or link", () => {
  afterEach(() => vi.unstubAllEnvs());
  const lang = (text: string) => guessLang(text, extractIdentifiers(text));

  it("is Chinese for a +86 number or a 95xxx service number, English for a US number, by the locale for an e-mail", () => {
    for (const name of ["LC_ALL", "LC_MESSAGES"]) vi.stubEnv(name, "");
    vi.stubEnv("LANG", "C.UTF-8");
    expect(lang("17012345678")).toBe("zh");
    expect(lang("+86 170 1234 5678")).toBe("zh");
    expect(lang("95588")).toBe("zh");
    expect(lang("+1 202 555 0143")).toBe("en");
    expect(lang("jd-kefu@icloud.com")).toBe("en");
    vi.stubEnv("LANG", "zh_CN.UTF-8");
    expect(lang("jd-kefu@icloud.com")).toBe("zh");
  });

  it("applies only when the text is nothing but identifiers", () => {
    const only = (text: string) => onlyIdentifiers(text, extractIdentifiers(text));
    expect(only("+86 170 1234 5678")).toBe(true);
    expect(only("jd-kefu@icloud.com, 17012345678")).toBe(true);
    expect(only("call 17012345678")).toBe(false);
    expect(only("请回拨 17012345678")).toBe(false);
    expect(only("hello")).toBe(false);
  });
});
