/**
 * A/B speed of two checkouts of the detection engine in ONE process, rounds interleaved, so load from
 * other jobs on the machine hits both alike: `npx tsx scripts/ab-bench-detect.ts <baseline-repo-root>`.
 * Prints dialogues per CPU-second (~1.5 KB transcripts) and p50/p99 of 200-character messages.
 */
import path from "node:path";
import { loadBenchTexts } from "../packages/cli/src/bench/bench-texts.js";
import { median, percentile } from "../packages/cli/src/bench/stats.js";

type Analyze = (text: string) => unknown;
const base = process.argv[2];
if (!base) throw new Error("usage: tsx scripts/ab-bench-detect.ts <baseline repo root>");
/** AB_FN=normalize|detectSignals|analyze (default): which stage of the engine to time. */
const fnName = process.env.AB_FN ?? "analyze";
const load = async (root: string): Promise<Analyze> => (await import(path.resolve(root, "packages/detect/src/index.ts")))[fnName] as Analyze;
const engines: [string, Analyze][] = [
  ["baseline", await load(base)],
  ["this tree", await load(path.resolve(import.meta.dirname, ".."))],
];
// Order bias check: AB_REVERSE=1 runs this tree first in the first round.
if (process.env.AB_REVERSE === "1") engines.reverse();
const { dialogues, messages } = loadBenchTexts();
for (const [, fn] of engines) for (const d of dialogues.slice(0, 300)) fn(d);
const rates = new Map<string, number[]>(engines.map(([n]) => [n, []]));
const lat = new Map<string, number[]>(engines.map(([n]) => [n, []]));
// The engine that runs second in a round was measured ~13 % slower under load (GC and cache left by the
// first): the order alternates every round, and an even number of rounds gives each order half of them.
const ROUNDS = 6;
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, fn] of round % 2 === 0 ? engines : [...engines].reverse()) {
    const cpu = process.cpuUsage();
    for (const d of dialogues) fn(d);
    const used = process.cpuUsage(cpu);
    rates.get(name)?.push(dialogues.length / ((used.user + used.system) / 1e6));
    for (const m of messages) {
      const t = process.hrtime.bigint();
      fn(m);
      lat.get(name)?.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
}
console.log(`${dialogues.length} dialogues, ${messages.length} messages × ${ROUNDS} rounds, interleaved, order alternating`);
for (const [name] of engines) {
  const l = Float64Array.from(lat.get(name) ?? []).sort();
  console.log(`${name.padEnd(10)} ${Math.round(median(rates.get(name) ?? [])).toLocaleString()} dialogues/CPU-s   p50 ${percentile(l, 0.5).toFixed(3)} ms   p99 ${percentile(l, 0.99).toFixed(3)} ms`);
}
