import { describe, expect, it } from "vitest";
import { analyzeCaller } from "./analyze-caller.js";

describe("analyzeCaller", () => {
  it("a FaceTime caller from an iCloud Apple ID named 微粒贷客服 is a mismatch, call back 95384", () => {
    const v = analyzeCaller({ channel: "facetime", caller: { kind: "email", value: "random@icloud.com" }, displayName: "微粒贷客服" });
    expect(v).toMatchObject({ official: false, claimedInstitution: "webank", mismatch: true, callBack: ["95384"] });
    expect(v.reasons[0]).toMatch(/FaceTime/);
  });

  it("the official number over the phone network is official, with or without a matching name", () => {
    expect(analyzeCaller({ channel: "phone", caller: { kind: "phone", value: "95588" } })).toMatchObject({
      official: true,
      officialInstitution: "icbc",
      mismatch: false,
      callBack: ["95588"],
    });
    expect(analyzeCaller({ channel: "phone", caller: { kind: "phone", value: "+86 95588" }, displayName: "工商银行" })).toMatchObject({
      official: true,
      claimedInstitution: "icbc",
      mismatch: false,
    });
  });

  it("a personal mobile claiming a bank is a mismatch", () => {
    const v = analyzeCaller({ channel: "phone", caller: { kind: "phone", value: "13800138000" }, displayName: "微众银行" });
    expect(v).toMatchObject({ official: false, claimedInstitution: "webank", mismatch: true, callBack: ["95384"] });
    expect(v.reasons[0]).toMatch(/personal mobile/);
  });

  it("the official digits over VoIP are not official (caller IDs are forged there)", () => {
    const v = analyzeCaller({ channel: "voip", caller: { kind: "phone", value: "95588" }, displayName: "工商银行" });
    expect(v).toMatchObject({ official: false, officialInstitution: "icbc", mismatch: true });
  });

  it("one institution's number under another's name is a mismatch", () => {
    expect(analyzeCaller({ channel: "phone", caller: { kind: "phone", value: "95588" }, displayName: "京东客服" })).toMatchObject({
      official: true,
      claimedInstitution: "jd",
      mismatch: true,
      callBack: ["950618"],
    });
  });

  it("no claim, no mismatch; an unknown FaceTime caller still gets a reason", () => {
    const v = analyzeCaller({ channel: "facetime", caller: { kind: "email", value: "x@icloud.com" } });
    expect(v).toMatchObject({ official: false, mismatch: false, callBack: [] });
    expect(v.claimedInstitution).toBeUndefined();
    expect(v.reasons).toEqual(["FaceTime call from an Apple ID anyone can create: banks, platforms and police never call through FaceTime"]);
    expect(analyzeCaller({ channel: "phone", caller: { kind: "phone", value: "13800138000" }, displayName: "张三" })).toEqual({
      official: false,
      mismatch: false,
      callBack: [],
      reasons: [],
    });
  });
});

describe("analyzeCaller in Chinese", () => {
  it("gives the reasons in zh when asked", () => {
    const v = analyzeCaller({ channel: "facetime", caller: { kind: "email", value: "x@icloud.com" }, lang: "zh" });
    expect(v.reasons).toEqual(["来自任何人都能注册的 Apple ID 的 FaceTime 来电：银行、平台和警方从不通过 FaceTime 联系"]);
    const w = analyzeCaller({ channel: "voip", caller: { kind: "phone", value: "95588" }, displayName: "工商银行", lang: "zh" });
    expect(w.reasons[0]).toBe("即使号码相同，中国工商银行也不会通过 voip 来电");
  });
});
