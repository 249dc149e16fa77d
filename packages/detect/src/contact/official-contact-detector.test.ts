import { describe, expect, it } from "vitest";
import { normalize } from "../text/normalize.js";
import { officialContactDetector } from "./official-contact-detector.js";

const ids = (text: string) => officialContactDetector.detect({ text: normalize(text), lang: "zh" }).map((s) => s.id);

describe("officialContactDetector", () => {
  it("stays silent when any contact is not official", () => {
    expect(ids("如有疑问请拨打10086，或致电0571-88812345")).toEqual([]);
    expect(ids("请拨打95588，并打开 http://icbc-cn.com 验证")).toEqual([]);
    expect(ids("请下载Zoom，会议号 845 221 3090，我们的热线95588")).toEqual([]);
    expect(ids("您的话费积分即将清零，请登录 10086jf.cc 领取")).toEqual([]);
  });

  it("does not count an official chat app as a contact", () => {
    expect(ids("请下载QQ和我联系")).toEqual([]);
  });

  it("fires when every contact is an institution's own, with evidence on the original text", () => {
    const [signal] = officialContactDetector.detect({ text: normalize("【中国移动】您的手机号将于3日后停机，如有疑问请拨打10086。"), lang: "zh" });
    expect(signal?.id).toBe("protective:official-contact");
    expect(signal?.evidence.map((e) => e.text)).toEqual(["10086"]);
  });

  it("reads a bank branch visited in person with an ID as the bank's own channel, not any branch or e-banking", () => {
    expect(ids("您的账户已被冻结，如有疑问请携带有效证件前往网点办理。")).toEqual(["protective:official-contact"]);
    expect(ids("马上去附近网点把钱转到安全账户")).toEqual([]);
    expect(ids("请登录手机银行，转账到以下账户")).toEqual([]);
  });
});
