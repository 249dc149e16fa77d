import { describe, expect, it } from "vitest";
import { typedIdentifierKind } from "./typed-kind.js";

describe("the kind of an identifier typed alone", () => {
  it.each([
    ["jd-kefu@icloud.com", "email"],
    ["https://jd-kefu-refund.top/tk?o=1", "url"],
    ["etc-gxrz.cn", "domain"],
    ["6222 0212 3456 7890 123", "bank_account"],
    ["6228480402564890178", "bank_account"],
    ["6222-0212-3456-7890", "bank_account"],
    ["+86 139 1234 5678", "phone"],
    ["(202) 555-0148", "phone"],
    ["95588", "phone"],
    ["京东客服", "display_name"],
  ] as const)("%s → %s", (value, kind) => {
    expect(typedIdentifierKind(value)).toBe(kind);
  });
});
