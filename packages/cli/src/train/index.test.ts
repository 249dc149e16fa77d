import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadModel } from "@scamguard/detect/model/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runEval } from "../eval/index.js";
import { checkTraining, runTrain } from "./index.js";

const SCAM_ZH = ["您好，我是京东客服，您的学生账户需要注销，否则影响征信，请下载会议软件共享屏幕，把验证码告诉我。", "这里是公安局，您的账户涉嫌洗钱，请立即把钱转到安全账户，不要告诉任何人。"];
const SCAM_EN = ["This is Amazon customer service, your account is compromised. Please give me the verification code and buy gift cards to secure it.", "This is the Social Security Administration. Your SSN is suspended; confirm your social security number now or you will be arrested."];
const LEGIT_ZH = ["A: [订单x] 这个订单什么时候到\nB: 亲亲，[站点x]已经发货了哦，预计明天送达 #E-s[数字x]", "A: 发票怎么开\nB: 您好，在订单详情里申请电子发票即可哦"];
const LEGIT_EN = ["A: @AppleSupport my iPhone won't charge\nB: @someone Sorry! Try another cable, then DM us. https://web.archive.org/web/2020/https://support.apple.com ^JS", "A: Where is my order?\nB: It shipped yesterday and arrives Friday."];

let dir = "";
const write = (set: string, split: string, rows: { text: string; label: 0 | 1; lang: string }[]) => {
  mkdirSync(path.join(dir, set), { recursive: true });
  const lines = rows.map((r, i) => JSON.stringify({ id: `${set}-${split}-${i}`, ...r, kind: "dialogue", type: "t", source: "test" }));
  writeFileSync(path.join(dir, set, `${split}.jsonl`), `${lines.join("\n")}\n`);
};
const repeat = <T>(xs: T[], n: number): T[] => Array.from({ length: n }, (_, i) => xs[i % xs.length] as T);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "scamguard-train-"));
  for (const split of ["train", "test"]) {
    const n = split === "train" ? 12 : 4;
    write("teleantifraud-zh", split, [...repeat(SCAM_ZH, n).map((text) => ({ text, label: 1 as const, lang: "zh" })), ...repeat(["A: 我要订外卖\nB: 好的，请问送到哪里？"], n).map((text) => ({ text, label: 0 as const, lang: "zh" }))]);
    write("bothbosu-scam-dialogue-en", split, [...repeat(SCAM_EN, n).map((text) => ({ text, label: 1 as const, lang: "en" })), ...repeat(["A: Hi, your parcel will arrive at 5pm.\nB: Thanks!"], n).map((text) => ({ text, label: 0 as const, lang: "en" }))]);
    write("twitter-customer-care-en", split, repeat(LEGIT_EN, n).map((text) => ({ text, label: 0 as const, lang: "en" })));
    write("jddc-customer-service-zh", split, repeat(LEGIT_ZH, n).map((text) => ({ text, label: 0 as const, lang: "zh" })));
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("runTrain / runEval", () => {
  it("fails with the missing path when the data folder is wrong", async () => {
    await expect(runTrain({ dataDir: path.join(dir, "nope"), out: path.join(dir, "m.json"), quiet: true })).rejects.toThrow(/nope.*not found/);
  });

  it("writes a loadable artefact, byte-identical for the same seed", async () => {
    const a = await runTrain({ dataDir: dir, out: path.join(dir, "a.json"), seed: 7, quiet: true });
    const b = await runTrain({ dataDir: dir, out: path.join(dir, "b.json"), seed: 7, quiet: true });
    expect(readFileSync(a.out, "utf8")).toBe(readFileSync(b.out, "utf8"));
    expect(a.version).toBe(b.version);
    const model = loadModel(JSON.parse(readFileSync(a.out, "utf8")));
    expect(model.version).toBe(a.version);
    expect(a.oof.map((m) => m.set)).toEqual(["teleantifraud-zh", "bothbosu-scam-dialogue-en", "twitter-customer-care-en", "jddc-customer-service-zh", "all"]);
  });

  it("records what it was fitted on, and says whether training now would reproduce it", async () => {
    const out = path.join(dir, "c.json");
    await runTrain({ dataDir: dir, out, quiet: true });
    const inputs = (JSON.parse(readFileSync(out, "utf8")) as { training: { inputs: { rows: string; features: string } } }).training.inputs;
    expect(inputs.rows).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(inputs.features).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await checkTraining({ dataDir: dir, model: out, quiet: true })).toMatchObject({ reproducible: true, sameConfig: true, recorded: inputs, current: inputs });
    // Another seed is another recipe; a model without the record cannot be checked.
    const seeded = path.join(dir, "d.json");
    await runTrain({ dataDir: dir, out: seeded, seed: 8, quiet: true });
    expect(await checkTraining({ dataDir: dir, model: seeded, quiet: true })).toMatchObject({ reproducible: false, sameConfig: false });
    const bare = JSON.parse(readFileSync(out, "utf8")) as { training: Record<string, unknown> };
    delete bare.training.inputs;
    writeFileSync(seeded, JSON.stringify(bare));
    expect(await checkTraining({ dataDir: dir, model: seeded, quiet: true })).toMatchObject({ reproducible: false, recorded: null });
  });

  it("evaluates every test split; all-negative sets report FPR and specificity", async () => {
    const report = await runEval({ dataDir: dir, quiet: true, adversarial: false });
    const jddc = report.cleaned.find((m) => m.set === "jddc-customer-service-zh");
    expect(jddc?.positives).toBe(0);
    expect(jddc?.recall).toBeNull();
    expect(jddc?.fpr).toBeTypeOf("number");
    expect((jddc?.fpr ?? 0) + (jddc?.specificity ?? 0)).toBeCloseTo(1);
    const tele = report.cleaned.find((m) => m.set === "teleantifraud-zh");
    expect(tele?.recall).toBeTypeOf("number");
    expect(report.raw).toHaveLength(report.cleaned.length);
    expect(report.asr).toHaveLength(report.cleaned.length);
    expect(report.byType.find((t) => t.set === "jddc-customer-service-zh")?.n).toBe(4);
    // Leave-one-source-out: one row per held-out set, fitted on the others only.
    expect(report.loso.map((r) => r.set)).toEqual(["teleantifraud-zh", "bothbosu-scam-dialogue-en", "twitter-customer-care-en", "jddc-customer-service-zh"]);
    const heldTele = report.loso.find((r) => r.set === "teleantifraud-zh");
    expect(heldTele?.fittedOn).not.toContain("teleantifraud-zh");
    expect(heldTele?.recall).toBeTypeOf("number");
    expect(report.modeAccuracy.map((m) => m.set)).toContain("teleantifraud-zh");
  });
});
