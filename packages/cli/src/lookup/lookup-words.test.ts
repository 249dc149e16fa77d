import { extractIdentifiers } from "@scamguard/detect";
import { describe, expect, it } from "vitest";
import { lookupWords } from "./lookup-words.js";

const values = (...words: string[]) => lookupWords(words, extractIdentifiers).identifiers.map((i) => [i.kind, i.normalized]);

describe("the values given to scamguard lookup", () => {
  it("looks up several numbers, addresses and links typed side by side one by one", () => {
    // Seen as a new user: `scamguard lookup 95588 13912345678` answered "银行账户 9558813912345678：没有记录".
    expect(values("95588", "13912345678")).toEqual([
      ["phone", "95588"],
      ["phone", "+8613912345678"],
    ]);
    expect(values("jd-kefu@icloud.com", "https://icbc-vip.top/x", "13912345678").map(([kind]) => kind)).toEqual(["email", "url", "phone"]);
    // A name beside them is read on its own and found nothing to look up; the numbers are still apart.
    expect(values("京东客服", "95588", "13912345678")).toEqual([
      ["phone", "95588"],
      ["phone", "+8613912345678"],
    ]);
  });

  it("keeps the groups of one number together", () => {
    expect(values("170", "1234", "0001")).toEqual([["phone", "+8617012340001"]]);
    expect(values("+86", "170", "1234", "0001")).toEqual([["phone", "+8617012340001"]]);
    expect(values("(202)", "555-0148")).toEqual([["phone", "+12025550148"]]);
    // Digit groups are one value unless every group is a number by itself: "12345" alone is a service number.
    expect(lookupWords(["6222", "0212", "3456", "7890", "12345"], extractIdentifiers).value).toBe("6222 0212 3456 7890 12345");
    expect(values("6222", "0212", "3456", "7890", "12345")).toEqual(values("6222 0212 3456 7890 12345"));
  });

  it("gives each identifier its place in the value the words make", () => {
    const { value, identifiers } = lookupWords(["  95588 ", "jd-kefu@icloud.com"], extractIdentifiers);
    expect(value).toBe("95588 jd-kefu@icloud.com");
    for (const i of identifiers) expect(value.slice(i.start, i.end)).toBe(i.value);
  });
});
