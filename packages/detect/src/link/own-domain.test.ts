import { describe, expect, it } from "vitest";
import { analyzeUrl } from "./analyze-url.js";
import { borrowedName, isOwnDomain, letterheadNames } from "./own-domain.js";

describe("letterheadNames", () => {
  it("reads every run of the header's words, never a run of header words alone", () => {
    expect([...letterheadNames("Royal Mail: we tried to deliver your parcel")].sort()).toEqual(["royal", "royalmail"]);
    expect(letterheadNames("T-Mobile: your bill").has("tmobile")).toBe(true);
    expect(letterheadNames("[Evri] sorry we missed you").has("evri")).toBe(true);
    expect([...letterheadNames("Toll Services: unpaid toll")]).toEqual([]);
    expect([...letterheadNames("Fraud Alert: did you make this purchase?")]).toEqual([]);
  });
  it("never reads a name that carries a service word: the scammer writes the letterhead too", () => {
    expect([...letterheadNames("Amazon Refunds: you are owed $89.99")]).toEqual(["amazon"]);
    expect([...letterheadNames("Parcelforce Redelivery: a fee is due")]).toEqual(["parcelforce"]);
    expect([...letterheadNames("USPSHelp: your package is on hold")]).toEqual([]);
    expect([...letterheadNames("Chase Secure: your account is locked")]).toEqual(["chase"]);
  });
  it("is empty without a letterhead or with a sentence before the colon", () => {
    expect(letterheadNames("pay your bill at verizon.com/pay").size).toBe(0);
    expect(letterheadNames("We tried to deliver your parcel today but nobody was home and now: pay").size).toBe(0);
  });
});

describe("isOwnDomain", () => {
  const royal = letterheadNames("Royal Mail: we tried to deliver your parcel");
  it("takes the header's own registered domain, a subdomain of it, and an e-mail domain", () => {
    expect(isOwnDomain(analyzeUrl("royalmail.com/track"), royal)).toBe(true);
    expect(isOwnDomain(analyzeUrl("https://www.royalmail.com/track-your-item"), royal)).toBe(true);
    expect(isOwnDomain(analyzeUrl("t-mobile.com"), letterheadNames("T-Mobile: your bill is due"))).toBe(true);
    expect(isOwnDomain(analyzeUrl("thameswater.co.uk"), letterheadNames("Thames Water: your bill"))).toBe(true);
  });
  it("refuses added words, another suffix, a look-alike suffix, a risky TLD and a name that is not the header's", () => {
    expect(isOwnDomain(analyzeUrl("royalmail-redelivery.info"), royal)).toBe(false);
    expect(isOwnDomain(analyzeUrl("royalmail.com.parcel-fee.top"), royal)).toBe(false);
    expect(isOwnDomain(analyzeUrl("royalmail.co/redeliver"), royal)).toBe(false);
    expect(isOwnDomain(analyzeUrl("royalmail.top"), royal)).toBe(false);
    expect(isOwnDomain(analyzeUrl("evri.com"), royal)).toBe(false);
    expect(isOwnDomain(analyzeUrl("royalmail.com"), letterheadNames("Your parcel is waiting"))).toBe(false);
    expect(isOwnDomain(analyzeUrl("amazonrefunds.net"), letterheadNames("Amazon Refunds: confirm your card"))).toBe(false);
    expect(isOwnDomain(analyzeUrl("parcelforceredelivery.com"), letterheadNames("Parcelforce Redelivery: pay the fee"))).toBe(false);
    expect(isOwnDomain(analyzeUrl("uspshelp.com"), letterheadNames("USPSHelp: pay the fee"))).toBe(false);
  });
});

describe("borrowedName", () => {
  it("finds the header's name beside other words in the label, or in a subdomain", () => {
    expect(borrowedName(analyzeUrl("evri-rebook-parcel.com"), letterheadNames("Evri: we missed you"))).toEqual({ name: "evri", where: "label" });
    expect(borrowedName(analyzeUrl("verizon.billing-centre.com"), letterheadNames("Verizon: pay now"))).toEqual({ name: "verizon", where: "subdomain" });
  });
  it("is null for the sender's own site and for a link that does not carry the name", () => {
    expect(borrowedName(analyzeUrl("t-mobile.com/pay"), letterheadNames("T-Mobile: your bill"))).toBeNull();
    expect(borrowedName(analyzeUrl("royalmail.com"), letterheadNames("Royal Mail: delivered"))).toBeNull();
    expect(borrowedName(analyzeUrl("parcel-fee.top"), letterheadNames("Royal Mail: delivered"))).toBeNull();
  });
});

describe("a letterhead that ends in a qualifier a scammer adds to a brand", () => {
  it("keeps the brand, not the brand with the qualifier", () => {
    expect(isOwnDomain(analyzeUrl("evriuk.com"), letterheadNames("Evri UK: we could not deliver your parcel"))).toBe(false);
    expect(isOwnDomain(analyzeUrl("parcelforcedelivery.com"), letterheadNames("Parcelforce Delivery: your parcel is on hold"))).toBe(false);
    expect(isOwnDomain(analyzeUrl("evri.com"), letterheadNames("Evri UK: we could not deliver your parcel"))).toBe(true);
    expect(isOwnDomain(analyzeUrl("royalmail.com/track"), letterheadNames("Royal Mail: we tried to deliver"))).toBe(true);
  });
});
