import { describe, expect, it } from "vitest";
import { readLang } from "./lang-option.js";

describe("--lang", () => {
  it("reads the locales the API reads (zh-CN, cn, en-US) as their language, and hands anything else on", () => {
    // Seen as a new user: `scamguard check --lang cn …` was refused, though POST /v1/analyze takes "cn".
    expect(["zh", "cn", "zh-CN", "zh-TW", "en", "en-US", "auto"].map(readLang)).toEqual(["zh", "zh", "zh", "zh", "en", "en", "auto"]);
    expect(readLang("fr")).toBe("fr");
  });
});
