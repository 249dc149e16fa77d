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
// Order bias check: AB_REVERSE=1 loads this tree first (and runs it first in the first round). With the same engine
// code in both checkouts (a null A/B, 2026-12-03 23:20-23:30 UTC, busy machine) this tree / baseline read 0.90, 0.93,
// 0.93 and 0.94 when the baseline was loaded first, and 0.99, 1.05 and 0.96 when this tree was: which checkout loads
// first moves the figure by several per cent (the modules both share, such as contracts, are shared instances). Run
// both orders and read both: a change smaller than their disagreement is not measured.
const reverse = process.env.AB_REVERSE === "1";
const engines: [string, Analyze][] = [];
for (const [name, root] of reverse
  ? [["this tree", path.resolve(import.meta.dirname, "..")], ["baseline", base]]
  : [["baseline", base], ["this tree", path.resolve(import.meta.dirname, "..")]]) {
  engines.push([name as string, await load(root as string)]);
}
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
// Each round times both engines back to back, so its ratio shares that round's load: the spread of the six
// ratios says how far a difference of medians can be noise (this machine is shared; a change of a few
// per cent reads as anything from -8 % to +8 % in a busy hour, so only a ratio whose whole range is on one side counts).
const thisRates = rates.get("this tree") ?? [];
const ratios = (rates.get("baseline") ?? []).map((base, round) => (thisRates[round] ?? Number.NaN) / base).sort((x, y) => x - y);
console.log(`this tree / baseline per round: median ${median(ratios).toFixed(3)}, range ${ratios[0]?.toFixed(3)}–${ratios[ratios.length - 1]?.toFixed(3)}`);
