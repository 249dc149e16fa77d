import { describe, expect, it } from "vitest";
import { applyForm, FORMS, runForms } from "./form.js";
import { enCardinal, enDigits, zhCardinal, zhDigits } from "./spoken.js";

const form = (id: string) => {
  const f = FORMS.find((x) => x.id === id);
  if (!f) throw new Error(id);
  return f;
};

describe("spoken numbers", () => {
  it("writes English cardinals and digit strings as an ASR engine does", () => {
    expect(enCardinal(24)).toBe("twenty four");
    expect(enCardinal(1499)).toBe("one thousand four hundred ninety nine");
    expect(enCardinal(30000)).toBe("thirty thousand");
    expect(enDigits("18005551234", () => 0.9)).toBe("one eight zero zero five five five one two three four");
    expect(enDigits("18005551234", () => 0.1)).toBe("one eight hundred five five five one two three four");
  });

  it("writes Chinese cardinals as people say them (两, 十五, 零) and phone digits with 幺", () => {
    expect(zhCardinal(20000)).toBe("两万");
    expect(zhCardinal(15)).toBe("十五");
    expect(zhCardinal(1050)).toBe("一千零五十");
    expect(zhCardinal(25000)).toBe("两万五千");
    expect(zhCardinal(163_0000)).toBe("一百六十三万");
    expect(zhCardinal(2000)).toBe("两千");
    expect(zhDigits("13800138000", true)).toBe("幺三八零零幺三八零零零");
    expect(zhDigits("95588", false)).toBe("九五五八八");
  });
});

describe("form transforms", () => {
  it("en-asr: lowercase, no punctuation, numbers spoken, speaker tags gone", () => {
    const out = applyForm(form("en-asr"), "A: Press 1 now.\nB: What?", "en");
    expect(out.replace(/\b(uh|um|er)\b ?/g, "").trim()).toBe("press one now what");
    const phone = applyForm(form("en-asr"), "Your account is suspended. Call 1-800-555-1234 within 24 hours or visit amazon-help.com today, a $1,499 charge is pending", "en");
    expect(phone).not.toMatch(/[0-9$.,]/);
    expect(phone).toContain("dot com");
    expect(phone).toContain("dollars");
  });

  it("zh-asr: no punctuation or tags, 汉字 numbers, links kept as written", () => {
    const out = applyForm(form("zh-asr"), "A: 您好，请转5000元到安全账户。\nB: 好的。\nA: 登录 boc-jd.cc 填写，客服电话4008123456", "zh");
    expect(out).toMatch(/^您好请转五千(元|块)到安全账户好的登录 boc-jd\.cc 填写客服电话四零零八[幺一]二三四五六$/);
  });

  it("sms forms leave dialogues alone and change SMS", () => {
    const sms = "您的ETC已失效，请点击<url>重新认证";
    expect(applyForm(form("sms-signature"), sms, "zh")).toMatch(/【.+】/);
    expect(applyForm(form("sms-opt-out"), sms, "zh")).toMatch(/(退订|拒收)/);
    expect(applyForm(form("sms-short-link"), sms, "zh")).toMatch(/[a-z.]+\/[A-Za-z0-9]{6}/);
    expect(applyForm(form("sms-masked"), "您尾号为6222021234567890的卡", "zh")).not.toContain("6222021234567890");
    const dialogue = "A: 你好\nB: 你好";
    for (const id of ["sms-signature", "sms-opt-out", "sms-short-link", "sms-masked"]) expect(applyForm(form(id), dialogue, "zh")).toBe(dialogue);
  });

  it("is deterministic and applies a form only to texts of its language", () => {
    const t = "Your parcel is held. Pay the $2.99 fee at <url> within 12 hours.";
    expect(applyForm(form("en-asr"), t, "en")).toBe(applyForm(form("en-asr"), t, "en"));
    expect(applyForm(form("zh-asr"), t, "en")).toBe(t);
  });

  it("reports recall before and after on scams and false alarms on benign texts", () => {
    const flagged = (t: string) => t.includes("Press") || t.includes("press one");
    const report = runForms(
      [
        { text: "Press 1 now.", label: 1, lang: "en" },
        { text: "Press 2 for the menu.", label: 0, lang: "en" },
      ],
      flagged,
      [form("en-asr")],
    );
    const r = report.forms[0];
    expect(r).toMatchObject({ scams: 1, scamsChanged: 1, recallBefore: 1, recall: 1, benign: 1, benignChanged: 1, fprBefore: 1, fpr: 0 });
  });
});
