/**
 * Which legitimate TRAIN texts does the product warn about? Runs analyze() over the train split of every set
 * in ../shared/data (cleaned as eval reads them) and prints each label-0 text at risk medium or above, with its
 * risk, score and tactic signals, so a false alarm can be read and fixed by tactic. Train splits only: the test
 * splits and the blind probes stay unread.
 *   npx tsx scripts/flagged-benign.ts [--set real-cases-zh] [--min medium|high] [--scams-missed] [--max-chars 300]
 * `--scams-missed` lists label-1 texts below `--min` instead (to see what a fix would cost).
 */
import { analyze } from "@scamguard/detect";
import { loadAll } from "../packages/cli/src/train/pipeline.js";
import { resolveDataDir } from "../packages/cli/src/train/data.js";
import { stripArtefacts } from "../packages/cli/src/train/strip.js";

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const only = opt("--set");
const min = opt("--min") ?? "medium";
const maxChars = Number(opt("--max-chars") ?? 300);
const missed = args.includes("--scams-missed");
const RANK: Record<string, number> = { low: 0, medium: 1, high: 2, critical: 3 };
const minRank = RANK[min];
if (minRank === undefined) throw new Error(`--min: expected medium or high, got ${min}`);

const counts = new Map<string, { n: number; hit: number }>();
for (const row of loadAll(resolveDataDir(), "train", "all")) {
  if (only !== undefined && row.set !== only) continue;
  if (row.label !== (missed ? 1 : 0)) continue;
  const text = stripArtefacts(row.text);
  const v = analyze(text);
  const c = counts.get(row.set) ?? { n: 0, hit: 0 };
  c.n++;
  counts.set(row.set, c);
  const at = (RANK[v.risk] ?? 0) >= minRank;
  if (missed ? at : !at) continue;
  c.hit++;
  const tactics = v.signals.filter((s) => s.weight !== 0).map((s) => `${s.id}(${s.weight})`);
  console.log(`\n[${row.set} ${row.id}] ${v.risk} ${v.score.toFixed(3)} ${v.mode ?? "-"} ${v.stage ?? "-"}\n  ${tactics.join(" ")}`);
  console.log(`  ${text.replace(/\s+/g, " ").slice(0, maxChars)}`);
}
console.log("\nset: listed / read");
for (const [set, c] of counts) console.log(`${set}: ${c.hit} / ${c.n}`);
