/** The Check page and `scamguard check` say the same words around a low verdict (one source: contracts' LOW_VERDICT_WORDS). */
import { analyze } from "@scamguard/detect";
import { describe, expect, it } from "vitest";
import { renderVerdict } from "../../packages/cli/src/present/render-verdict.js";
import { MESSAGES } from "../../packages/web/src/i18n/messages.js";

describe("the words around a low verdict", () => {
  it("are the page's in the terminal: the careful note, the warning headline and the lone cues' heading", () => {
    for (const lang of ["zh", "en"] as const) {
      const page = MESSAGES[lang];
      const plain = lang === "zh" ? "妈，我周末回家吃饭，帮我留点饺子。" : "See you at the pub quiz on Friday!";
      expect(renderVerdict(plain, analyze(plain, { lang }), { color: false }), lang).toContain(page["verdict.lowNote"]);
      const warning =
        lang === "zh"
          ? "【反诈中心提醒】凡是陌生人让您下载会议软件、开启屏幕共享、把钱转到安全账户的，都是诈骗！如有疑问请拨打96110。"
          : "Reminder from your bank: if anyone asks you to share your screen or move money to a safe account, it is a scam. We will never ask you to do this.";
      expect(renderVerdict(warning, analyze(warning, { lang }), { color: false }), lang).toContain(page["verdict.headline.warning"]);
    }
    // The page adds only that the cues are highlighted; the terminal marks them «…».
    expect(MESSAGES.zh["verdict.evidenceLow"]).toBe("值得留意（已标出）：单独出现，还不构成诈骗手法");
    expect(MESSAGES.en["verdict.evidenceLow"]).toBe("Worth a second look (highlighted): signs on their own, not yet a scam tactic");
  });
});
