/**
 * Which TRAIN flags changed? Like label-diff but on the TRAIN splits of the English sets (or SETS=a,b):
 * `npx tsx scripts/train-diff.ts <baseline-repo-root> [--show N]`. To tune on train without reading a test text.
 */
import path from "node:path";
import { loadSplit, resolveDataDir, type TextSetId } from "../packages/cli/src/train/data.js";
import { stripArtefacts } from "../packages/cli/src/train/strip.js";

type Analyze = (text: string) => { label: number; risk: string; score: number };
const base = process.argv[2];
if (!base) throw new Error("usage: tsx scripts/train-diff.ts <baseline repo root> [--show N]");
const showAt = process.argv.indexOf("--show");
const show = showAt > 0 ? Number(process.argv[showAt + 1]) : 3;
const sets = (process.env.SETS ?? "smishing-sms-en,phishing-email-en,legit-sms-money-codes,twitter-customer-care-en,bothbosu-scam-dialogue-en").split(",") as TextSetId[];
const load = async (root: string): Promise<Analyze> => (await import(path.resolve(root, "packages/detect/src/index.ts"))).analyze as Analyze;
const [before, after] = [await load(base), await load(path.resolve(import.meta.dirname, ".."))];
const cells = new Map<string, string[]>();
let n = 0;
const med = { up: 0, down: 0 };
for (const set of sets)
  for (const row of loadSplit(resolveDataDir(), set, (process.env.SPLIT ?? "train") as "train" | "test")) {
    const text = stripArtefacts(row.text);
    const [a, b] = [before(text), after(text)];
    n++;
    if (row.label === 0 && a.risk === "low" && b.risk !== "low") med.up++;
    if (a.label === b.label) continue;
    const what = row.label === 1 ? (b.label === 1 ? "GAIN" : "LOSS") : b.label === 1 ? "NEW-FA" : "FA-FIXED";
    const key = `${what} ${set} ${row.type}`;
    const list = cells.get(key) ?? [];
    list.push(`${row.id} ${a.score.toFixed(3)}→${b.score.toFixed(3)} ${JSON.stringify(text.slice(0, 200))}`);
    cells.set(key, list);
  }
for (const [key, list] of [...cells].sort()) {
  console.log(`${key}: ${list.length}`);
  for (const line of list.slice(0, show)) console.log(`    ${line}`);
}
console.log(`${n} texts compared, ${[...cells.values()].reduce((s, l) => s + l.length, 0)} flags changed; benign low -> medium+: ${med.up}`);
