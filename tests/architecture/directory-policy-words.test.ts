/** Every "never does" policy id of the official directory has words on the web page, in both languages. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "../../packages/web/src/i18n/messages.js";

const directory = JSON.parse(readFileSync(new URL("../../packages/detect/data/directory.json", import.meta.url), "utf8")) as { policy: string[] }[];

describe("the directory page's words for policies", () => {
  it("names every policy id of directory.json in Chinese and in English (a raw id like never_cancels_credit_by_phone was shown)", () => {
    const ids = [...new Set(directory.flatMap((e) => e.policy))];
    expect(ids.length).toBeGreaterThan(0);
    for (const lang of ["zh", "en"] as const) {
      const words = MESSAGES[lang] as Record<string, string>;
      expect(ids.filter((id) => !words[`policy.${id}`]), lang).toEqual([]);
    }
  });
});
