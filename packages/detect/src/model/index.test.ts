import { describe, expect, it } from "vitest";
import { detectSignals } from "../signals/index.js";
import probes from "./fixtures/probes.json" with { type: "json" };
import { defaultModel, loadModel, MODEL_VERSION, scoreText } from "./index.js";

const score = (text: string, lang: "zh" | "en") => scoreText(detectSignals(text, { lang })).score;

describe("committed model artefact", () => {
  it("refuses something that is not an artefact, naming what is wrong", () => {
    expect(() => loadModel({})).toThrow(/not a scamguard-logreg v1 artefact/);
    expect(() => loadModel({ format: "scamguard-logreg", formatVersion: 1 })).toThrow(/missing bias/);
  });

  it("loads, has a version and a threshold inside (0, 1)", () => {
    expect(MODEL_VERSION).toMatch(/^pblr-1-[0-9a-f]{8}$/);
    expect(defaultModel.threshold).toBeGreaterThan(0);
    expect(defaultModel.threshold).toBeLessThan(1);
  });

  it("scores a seed-like scam script above the threshold and a refund chat below it", () => {
    const scam = probes.scam.find((p) => p.id === "seed-weilidai-facetime");
    const refund = probes.benign.find((p) => p.id === "refund-chat-zh");
    if (!scam || !refund) throw new Error("probe missing");
    const s = score(scam.text, "zh");
    const b = score(refund.text, "zh");
    expect(s).toBeGreaterThan(b);
    expect(s).toBeGreaterThanOrEqual(defaultModel.threshold);
    expect(b).toBeLessThan(defaultModel.threshold);
  });

  it("ranks every scam probe above every benign probe", () => {
    const lowestScam = Math.min(...probes.scam.map((p) => score(p.text, p.lang as "zh" | "en")));
    const highestBenign = Math.max(...probes.benign.map((p) => score(p.text, p.lang as "zh" | "en")));
    expect(lowestScam).toBeGreaterThan(highestBenign);
  });

  it("explains a score with its largest contributions, and is deterministic", () => {
    const input = detectSignals("您好，我是京东客服，请您共享屏幕，把验证码告诉我，再转到安全账户", { lang: "zh" });
    const a = scoreText(input);
    const b = scoreText(input);
    expect(a).toEqual(b);
    expect(a.contributions?.length).toBeGreaterThan(0);
    expect(a.contributions?.[0]?.contribution).toBeGreaterThan(0);
    expect(scoreText(input, { topK: 0 }).contributions).toBeUndefined();
  });

  it("scores empty text low", () => {
    expect(score("", "zh")).toBeLessThan(defaultModel.threshold);
  });
});
