import { describe, expect, it } from "vitest";
import { appName, KNOWN_APPS } from "./apps.js";

const CJK = /[\u3400-\u9fff]/;

describe("appName: an app in the person's language", () => {
  it("gives a Chinese app its Chinese name to a Chinese reader and its English name to an English one", () => {
    expect(appName("tencent-meeting", "zh")).toBe("腾讯会议");
    expect(appName("tencent-meeting", "en")).toBe("Tencent Meeting");
    expect(appName("sunlogin", "en")).toBe("Sunlogin");
  });

  it("keeps a Latin name in both languages and answers an unknown id with the id", () => {
    expect(appName("anydesk", "zh")).toBe("AnyDesk");
    expect(appName("anydesk", "en")).toBe("AnyDesk");
    expect(appName("some-new-app", "en")).toBe("some-new-app");
  });

  it("has an English name without Chinese characters for every app, so no English line shows one", () => {
    for (const app of KNOWN_APPS) expect(CJK.test(appName(app.id, "en")), app.id).toBe(false);
  });
});
