/** The Report form guesses what was pasted under its default "phone number" (a pure function, no browser). */
import { describe, expect, it } from "vitest";
import { guessIdentifierKind } from "../../packages/web/src/pages/report/guess-kind.js";

describe("guessIdentifierKind", () => {
  it.each([
    ["https://jd-kefu-refund.top/tk?o=1", "url"],
    ["www.icbc-secure.cc/login", "url"],
    ["etc-gxrz.cn/renzheng", "url"],
    ["etc-gxrz.cn", "domain"],
    ["jd-kefu@icloud.com", "email"],
    ["+86 139 1234 5678", "phone"],
    ["(888) 555-0199", "phone"],
    ["95588", "phone"],
    ["6217 0038 1002 9483 711", "bank_account"],
    ["6228480402564890178", "bank_account"],
    ["", null],
    ["京东客服", null],
  ] as const)("%s → %s", (value, kind) => {
    expect(guessIdentifierKind(value)).toBe(kind);
  });
});
