/**
 * Scores the hand-written held-out probes through the product path, the same `analyze()` that
 * `scamguard classify` and `npm run eval` call, with eval's rule for "flagged" (score ≥ the model's
 * threshold, i.e. risk high or critical). Prints figures and ids only, never texts, so the probes can
 * stay a blind check for whoever tunes detection:
 *   npx tsx scripts/score-heldout.ts [file.jsonl …]   (default: every *.jsonl in packages/detect/data/heldout)
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { analyze, defaultModel } from "@scamguard/detect";

interface Probe {
  id: string;
  label: 0 | 1;
  type: string;
  text: string;
}

interface TypeRow {
  label: 0 | 1;
  n: number;
  flagged: number;
  /** risk medium or above: shown beside eval's figure because the UI warns from medium. */
  medium: number;
  /** ids of scams not flagged (label 1) or of benign texts flagged (label 0). */
  wrong: string[];
}

const HELDOUT_DIR = path.resolve(import.meta.dirname, "../packages/detect/data/heldout");

function readProbes(file: string): Probe[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, i) => {
      const p = JSON.parse(line) as Probe;
      if (typeof p.id !== "string" || typeof p.text !== "string" || (p.label !== 0 && p.label !== 1)) {
        throw new Error(`${file}:${i + 1}: expected {id, label: 0|1, type, text}`);
      }
      return p;
    });
}

function scoreFile(file: string): void {
  const types = new Map<string, TypeRow>();
  for (const p of readProbes(file)) {
    const v = analyze(p.text);
    const flagged = v.score >= defaultModel.threshold;
    const row = types.get(p.type) ?? { label: p.label, n: 0, flagged: 0, medium: 0, wrong: [] };
    row.n++;
    if (flagged) row.flagged++;
    if (v.risk !== "low") row.medium++;
    if (flagged !== (p.label === 1)) row.wrong.push(p.id);
    types.set(p.type, row);
  }
  const rows = [...types.entries()].sort(([a, x], [b, y]) => y.label - x.label || a.localeCompare(b));
  const sum = (label: 0 | 1, key: "n" | "flagged" | "medium") =>
    rows.filter(([, r]) => r.label === label).reduce((s, [, r]) => s + r[key], 0);
  const share = (k: number, n: number) => (n === 0 ? "—" : (k / n).toFixed(2));
  console.log(`\n${path.relative(process.cwd(), file)}  (flagged = score ≥ ${defaultModel.threshold}, as in eval)`);
  console.log(
    `  scams ${sum(1, "n")}: recall ${share(sum(1, "flagged"), sum(1, "n"))} (medium+ ${share(sum(1, "medium"), sum(1, "n"))})` +
      `   benign ${sum(0, "n")}: false alarms ${share(sum(0, "flagged"), sum(0, "n"))} (medium+ ${share(sum(0, "medium"), sum(0, "n"))})`,
  );
  console.log(`  ${"type".padEnd(30)}${"n".padStart(4)}  flagged  medium+  misses / false alarms (ids)`);
  for (const [type, r] of rows) {
    const name = `${r.label === 1 ? "" : "¬"}${type}`;
    console.log(
      `  ${name.padEnd(30)}${String(r.n).padStart(4)}  ${share(r.flagged, r.n).padStart(7)}  ${share(r.medium, r.n).padStart(7)}  ${r.wrong.join(" ")}`,
    );
  }
}

const files = process.argv.slice(2);
const targets =
  files.length > 0
    ? files
    : readdirSync(HELDOUT_DIR)
        .filter((f) => f.endsWith(".jsonl"))
        .sort()
        .map((f) => path.join(HELDOUT_DIR, f));
for (const file of targets) scoreFile(path.resolve(file));
