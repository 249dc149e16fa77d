import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { LexiconTableCache } from "@scamguard/detect";
import { afterAll, describe, expect, it, vi } from "vitest";
import { diskLexiconTableCache } from "./lexicon-table-cache.js";

const dir = mkdtempSync(path.join(tmpdir(), "scamguard-lexicon-tables-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Seed scams and their benign look-alikes, in both languages. */
const TEXTS = [
  "您好，我是微粒贷客服，您的账户利率过高需要注销，否则影响征信。请下载会议软件共享屏幕",
  "Hi, this is Amazon support, please install AnyDesk and read me the code we texted you",
  "【某银行】温馨提示：工作人员不会要求您共享屏幕或提供验证码，谨防诈骗。",
  "Your package is held at customs. Pay the $1.99 fee at https://usps-track.top/pay within 24 hours.",
  "亲，您的订单已经发货了，预计明天送达，请您耐心等待哦",
];

/** Verdicts of a fresh engine (new module instances) whose scanner starts from `cache`. */
async function verdictsWith(cache: LexiconTableCache | undefined) {
  vi.resetModules();
  const plug = await import("@scamguard/detect/signals/lexicon-table-cache");
  plug.useLexiconTableCache(cache);
  const { analyze } = await import("@scamguard/detect");
  return TEXTS.map((text) => analyze(text));
}

describe("the lexicon tables on disk", () => {
  it("answers what was stored for the same sources only, and keeps one file", () => {
    const own = path.join(dir, "unit");
    const cache = diskLexiconTableCache(own);
    expect(cache.load(["安全账户"])).toBeUndefined();
    cache.store(["安全账户"], Uint8Array.of(1, 2, 3));
    expect([...(cache.load(["安全账户"]) ?? [])]).toEqual([1, 2, 3]);
    expect(cache.load(["安全账户", "验证码"])).toBeUndefined();
    cache.store(["安全账户", "验证码"], Uint8Array.of(4));
    expect(cache.load(["安全账户"])).toBeUndefined();
    expect(readdirSync(own)).toHaveLength(1);
  });

  it("never fails a process where it cannot write", () => {
    const file = path.join(dir, "a-file");
    writeFileSync(file, "");
    const cache = diskLexiconTableCache(path.join(file, "below"));
    expect(() => cache.store(["x"], Uint8Array.of(1))).not.toThrow();
    expect(cache.load(["x"])).toBeUndefined();
  });

  it("gives the engine's verdicts whether its tables are read from the sources, from the disk or from a broken file", async () => {
    const own = path.join(dir, "engine");
    const disk = diskLexiconTableCache(own);
    const stored = vi.fn(disk.store);
    const fromSources = await verdictsWith({ load: disk.load, store: stored });
    expect(stored).toHaveBeenCalledTimes(1);
    expect(readdirSync(own)).toHaveLength(1);
    const loaded = vi.fn(disk.load);
    const fromDisk = await verdictsWith({ load: loaded, store: () => expect.fail("tables on disk were built again") });
    expect(loaded).toHaveReturnedWith(expect.any(Uint8Array));
    expect(fromDisk).toEqual(fromSources);
    const broken = await verdictsWith({ load: () => Uint8Array.of(9, 9, 9, 9, 9, 9), store: () => {} });
    expect(broken).toEqual(fromSources);
    const scam = expect.stringMatching(/^(high|critical)$/);
    expect(fromSources.map((v) => v.risk)).toEqual([scam, scam, "low", scam, "low"]);
    expect(existsSync(path.join(own, readdirSync(own)[0]!))).toBe(true);
  });
});
