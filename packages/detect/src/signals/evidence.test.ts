import { describe, expect, it } from "vitest";
import { normalize } from "../text/normalize.js";
import { readableEnd, wholeEvidence, wholeTokenEnd } from "./evidence.js";

const end = wholeTokenEnd;

describe("wholeTokenEnd", () => {
  it("runs a cut amount or link to its end and keeps other ends", () => {
    expect(end("pay $1.99 now", 0, 6)).toBe(9);
    expect(end("pay $1.99. ok", 0, 6)).toBe(9);
    expect(end("go to https://x.top/pay.", 6, 12)).toBe(23);
    expect(end("转账1,000.5元", 0, 3)).toBe(9);
    expect(end("verify your account now", 0, 6)).toBe(6);
    expect(end("pay now", 0, 3)).toBe(3);
  });

  it("runs a span that stops inside a Latin word to the word's end, never into the next word or CJK", () => {
    expect(end("will be disconnected today", 0, 18)).toBe(20);
    expect(end("your account is suspended.", 16, 22)).toBe(25);
    expect(end("disconnect now", 0, 10)).toBe(10);
    expect(end("停机disconnected", 0, 2)).toBe(2);
    expect(end("it's suspendedX1", 5, 12)).toBe(15);
  });

  it("ends a cut link before closing punctuation, and leaves words that only look like domains whole", () => {
    expect(end("login (https://x.top/pay), now", 7, 13)).toBe(24);
    expect(end("visit www.x-bank.top/verify!", 6, 9)).toBe(27);
    expect(end("see https:// now", 4, 10)).toBe(12);
    expect(end("update your KYC.Click here", 12, 15)).toBe(15);
  });
});

describe("wholeEvidence", () => {
  it("quotes the whole amount in the original text", () => {
    expect(wholeEvidence(normalize("Pay $1.99 now"), 0, 6)).toEqual({ start: 0, end: 9, text: "Pay $1.99" });
    expect(wholeEvidence(normalize("Pay now"), 0, 3)).toEqual({ start: 0, end: 3, text: "Pay" });
    expect(wholeEvidence(normalize("Your power will be disconnected today"), 5, 29).text).toBe("power will be disconnected");
  });
});

describe("readableEnd", () => {
  it("runs a quote cut inside a bare link with a path to the link's end", () => {
    // Seen as a new user on the Check page: "点击 sf-kd.top" quoted for "点击 sf-kd.top/x9" in a parcel-fee SMS.
    const zh = "请于今日点击 sf-kd.top/x9 补填地址";
    expect(zh.slice(4, readableEnd(zh, 4, 15))).toBe("点击 sf-kd.top/x9");
    expect(readableEnd("tap bit.ly/3fX9k, then pay", 4, 10)).toBe(16);
    const en = "Visit usps-redeliver.top/track now";
    expect(en.slice(0, readableEnd(en, 0, 24))).toBe("Visit usps-redeliver.top/track");
  });

  it("keeps ends at a token boundary, inside words and inside domains without a path", () => {
    expect(readableEnd("verify your account now", 0, 6)).toBe(6);
    expect(readableEnd("update your KYC.Click here", 12, 15)).toBe(15);
    expect(readableEnd("点击链接", 0, 2)).toBe(2);
    expect(readableEnd("visit sf-kd.top now", 0, 15)).toBe(15);
  });
});
