/**
 * Same verdicts? Runs every eval text (all TEST splits of ../shared/data, raw and cleaned as eval reads
 * them, plus the case tables) through analyze() of two checkouts in ONE process and counts the verdicts
 * that differ in risk, score, label, mode, stage, institution or signals (id, weight, evidence spans):
 * `npx tsx scripts/verdict-diff.ts <baseline-repo-root>`. A speed change must print 0 differing. A differing test
 * row is named by its set and id, never shown (tuning must not read test texts); a case-table row shows its text.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadAll } from "../packages/cli/src/train/pipeline.js";
import { resolveDataDir } from "../packages/cli/src/train/data.js";
import { stripArtefacts } from "../packages/cli/src/train/strip.js";

type Analyze = (text: string) => {
  risk: string;
  score: number;
  label: number;
  mode: string | null;
  stage: string | null;
  impersonating: string | null;
  signals: { id: string; weight: number; evidence: { start: number; end: number }[] }[];
};
const base = process.argv[2];
if (!base) throw new Error("usage: tsx scripts/verdict-diff.ts <baseline repo root>");
const load = async (root: string): Promise<Analyze> => (await import(path.resolve(root, "packages/detect/src/index.ts"))).analyze as Analyze;
const [before, after] = [await load(base), await load(path.resolve(import.meta.dirname, ".."))];

/** Each text with what a differing one is printed as: a test row's set and id, a case-table row's own text. */
const texts: { text: string; name: string }[] = [];
for (const row of loadAll(resolveDataDir(), "test", "all")) {
  texts.push({ text: row.text, name: `${row.set} ${row.id} (raw)` }, { text: stripArtefacts(row.text), name: `${row.set} ${row.id} (cleaned)` });
}
const casesDir = path.resolve(import.meta.dirname, "../packages/detect/data/cases");
for (const file of readdirSync(casesDir).filter((f) => f.endsWith(".jsonl"))) {
  for (const line of readFileSync(path.join(casesDir, file), "utf8").split("\n")) {
    const row = line.trim() === "" ? null : (JSON.parse(line) as { text?: unknown });
    if (typeof row?.text === "string") texts.push({ text: row.text, name: JSON.stringify(row.text.slice(0, 80)) });
  }
}

/** What a person or a caller reads from a verdict (reasons and advice follow from these). */
const key = (v: ReturnType<Analyze>): string =>
  JSON.stringify([v.risk, v.score, v.label, v.mode, v.stage, v.impersonating, v.signals.map((s) => [s.id, s.weight, s.evidence.map((e) => [e.start, e.end])])]);

let differing = 0;
for (const { text, name } of texts) {
  const [a, b] = [key(before(text)), key(after(text))];
  if (a === b) continue;
  if (differing++ < 5) console.log(`differs: ${name}\n  before ${a.slice(0, 300)}\n  after  ${b.slice(0, 300)}`);
}
console.log(`${texts.length} verdicts compared, ${differing} differing`);
process.exitCode = differing === 0 ? 0 : 1;
