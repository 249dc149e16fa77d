import { DirectoryEntrySchema } from "@scamguard/contracts";
import { describe, expect, it } from "vitest";
import raw from "../../data/directory.json" with { type: "json" };
import { DIRECTORY } from "./data.js";

describe("directory.json", () => {
  it("validates against DirectoryEntrySchema, entry by entry", () => {
    for (const entry of raw as unknown[]) {
      const parsed = DirectoryEntrySchema.safeParse(entry);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
    expect(DIRECTORY.length).toBe((raw as unknown[]).length);
  });

  it("has unique ids", () => {
    const ids = DIRECTORY.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("holds every official number of DOMAIN.md's table", () => {
    const expected: Record<string, string> = {
      police: "110", "anti-fraud-center": "96110", webank: "95384", alipay: "95188", tencent: "95017",
      jd: "950618", unionpay: "95516", icbc: "95588", abc: "95599", boc: "95566", ccb: "95533",
      bocom: "95559", cmb: "95555", psbc: "95580", "pbc-credit-center": "400-810-8866", nfra: "12378",
    };
    for (const [id, number] of Object.entries(expected)) {
      expect(DIRECTORY.find((e) => e.id === id)?.numbers, id).toContain(number);
    }
  });

  it("gives every entry zh and en names and at least the FaceTime and codes policies", () => {
    for (const e of DIRECTORY) {
      expect(e.name.zh.length, e.id).toBeGreaterThan(0);
      expect(e.name.en.length, e.id).toBeGreaterThan(0);
      expect(e.policy, e.id).toEqual(expect.arrayContaining(["never_facetime", "never_asks_codes"]));
    }
  });
});
