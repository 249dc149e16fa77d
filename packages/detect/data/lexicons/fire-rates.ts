/**
 * Dev tool, not part of the package: how often each signal fires, and how often a playbook stage is
 * reached, per TRAIN split of ../shared/data (legit vs scam). Never point it at a test split.
 * Run from the repo root: npx tsx packages/detect/data/lexicons/fire-rates.ts [../shared/data]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { detectSignals } from "../../src/signals/detect-signals.js";
import { inferPlaybook } from "../../src/signals/playbook.js";

const root = process.argv[2] ?? join(process.cwd(), "..", "shared", "data");
const sets: Array<[string, string, (label: number) => boolean]> = [
  ["jddc legit", "jddc-customer-service-zh", () => true],
  ["twitter legit", "twitter-customer-care-en", () => true],
  ["teleanti 0", "teleantifraud-zh", (l) => l === 0],
  ["teleanti 1", "teleantifraud-zh", (l) => l === 1],
  ["bothbosu 0", "bothbosu-scam-dialogue-en", (l) => l === 0],
  ["bothbosu 1", "bothbosu-scam-dialogue-en", (l) => l === 1],
];
const fired = new Map<string, number[]>();
const staged: number[] = [];
const totals: number[] = [];
sets.forEach(([, dir, keep], k) => {
  const rows = readFileSync(join(root, dir, "train.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { text: string; label: number })
    .filter((r) => keep(r.label));
  totals[k] = rows.length;
  staged[k] = 0;
  for (const row of rows) {
    const { text, signals } = detectSignals(row.text);
    if (inferPlaybook(text, signals).stage !== null) staged[k]! += 1;
    for (const s of signals) {
      if (!fired.has(s.id))
        fired.set(
          s.id,
          sets.map(() => 0),
        );
      fired.get(s.id)![k]! += 1;
    }
  }
});
const pct = (n: number, k: number): string => `${((100 * n) / totals[k]!).toFixed(1)}%`.padStart(14);
console.log("signal".padEnd(34), sets.map(([name]) => name.padStart(14)).join(""));
for (const [id, counts] of [...fired.entries()].sort()) console.log(id.padEnd(34), counts.map(pct).join(""));
console.log("stage reached".padEnd(34), staged.map(pct).join(""));
