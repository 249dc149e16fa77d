/**
 * Which flags changed? Every cleaned eval text (all TEST splits of ../shared/data, as eval reads them) through
 * analyze() of two checkouts in ONE process; prints, per set, label and type, the texts that became flagged
 * (score ≥ threshold) or stopped being flagged, so each gain can be weighed against each new false alarm:
 * `npx tsx scripts/label-diff.ts <baseline-repo-root> [--show N]` (N rows named per cell by id and scores, default 3;
 * never their text: tuning must not read test texts).
 */
import path from "node:path";
import { resolveDataDir } from "../packages/cli/src/train/data.js";
import { loadAll } from "../packages/cli/src/train/pipeline.js";
import { stripArtefacts } from "../packages/cli/src/train/strip.js";

type Analyze = (text: string) => { label: number; risk: string; score: number };
const base = process.argv[2];
if (!base) throw new Error("usage: tsx scripts/label-diff.ts <baseline repo root> [--show N]");
const showAt = process.argv.indexOf("--show");
const show = showAt > 0 ? Number(process.argv[showAt + 1]) : 3;
const load = async (root: string): Promise<Analyze> => (await import(path.resolve(root, "packages/detect/src/index.ts"))).analyze as Analyze;
const [before, after] = [await load(base), await load(path.resolve(import.meta.dirname, ".."))];

const cells = new Map<string, string[]>();
let n = 0;
for (const row of loadAll(resolveDataDir(), "test", "all")) {
  const text = stripArtefacts(row.text);
  const [a, b] = [before(text), after(text)];
  n++;
  if (a.label === b.label) continue;
  const what = row.label === 1 ? (b.label === 1 ? "GAIN" : "LOSS") : b.label === 1 ? "NEW-FA" : "FA-FIXED";
  const key = `${what} ${row.set} ${row.type}`;
  const list = cells.get(key) ?? [];
  list.push(`${row.id} ${a.score.toFixed(3)}→${b.score.toFixed(3)}`);
  cells.set(key, list);
}
for (const [key, list] of [...cells].sort()) {
  console.log(`${key}: ${list.length}`);
  for (const line of list.slice(0, show)) console.log(`    ${line}`);
}
console.log(`${n} texts compared, ${[...cells.values()].reduce((s, l) => s + l.length, 0)} flags changed`);
