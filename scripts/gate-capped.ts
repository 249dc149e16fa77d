/**
 * Which scams and benign rows the structure gate caps (no claim+ask, no decisive ask, no floor), by what is missing
 * (claim? ask?) and which signal families fired. TRAIN splits only (never test, never heldout).
 *   nice -n 10 npx tsx scripts/gate-capped.ts [SET…]   (LABEL=0|1 one label; SHOW=N prints N capped texts of a set, KIND=ask-only
 *   etc. only those, to read on the screen: never into a log or a note)
 */
import { readStructure } from "@scamguard/detect/signals/structure";
import { loadSplit, resolveDataDir, type TextSetId } from "../packages/cli/src/train/data.js";
import { toScoreInput } from "../packages/cli/src/train/extract.js";

const SETS = (process.argv.slice(2).length ? process.argv.slice(2) : ["smishing-sms-en", "fbs-spam-sms-zh", "phishing-email-en", "legit-sms-money-codes", "twitter-customer-care-en", "jddc-customer-service-zh"]) as TextSetId[];
const show = Number(process.env.SHOW ?? 0);
const only = process.env.LABEL; // "0" or "1"
const CLAIM = new Set(["impersonation", "pretext"]);
const ASK = new Set(["channel", "credential", "money"]);
for (const set of SETS) {
  const rows = loadSplit(resolveDataDir(), set, "train");
  for (const label of [1, 0] as const) {
    if (only !== undefined && String(label) !== only) continue;
    const mine = rows.filter((r) => r.label === label);
    const byKind = new Map<string, number>();
    const byFam = new Map<string, number>();
    let capped = 0;
    let shown = 0;
    for (const r of mine) {
      const input = toScoreInput(r);
      const s = readStructure(input.text, input.signals);
      const open = s.robocall || s.trajectory === true || s.persona === true || s.releaseFee === true || s.decisiveLine === true || s.claimAndAsk || s.decisive;
      if (open) continue;
      capped++;
      const live = input.signals.filter((x) => x.weight > 0 && x.family !== "protective");
      const claim = live.some((x) => CLAIM.has(x.family));
      const ask = live.some((x) => ASK.has(x.family) || x.id.startsWith("url:"));
      const kind = s.warning ? "warning" : claim && ask ? "both-not-paired" : claim ? "claim-only" : ask ? "ask-only" : "neither";
      byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
      for (const id of new Set(live.map((x) => x.id))) byFam.set(id, (byFam.get(id) ?? 0) + 1);
      if (shown < show && (process.env.KIND === undefined || process.env.KIND === kind)) {
        shown++;
        console.log(`  [${kind}] ${live.map((x) => x.id).join(",")} :: ${r.text.replace(/\s+/g, " ").slice(0, 300)}`);
      }
    }
    console.log(`${set} label=${label}: ${capped}/${mine.length} capped; ${[...byKind].map(([k, n]) => `${k} ${n}`).join(", ")}`);
    console.log(`   signals: ${[...byFam].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, n]) => `${k} ${n}`).join(", ")}`);
  }
}
