/**
 * Engine speed on one core: dialogues/s for ~1.5 KB call transcripts and p50/p99 latency for 200-character
 * messages, beside two floors measured in the same run (normalisation only, signals only) so the ratio
 * says where the time goes. Goals (issue 2): ≥ 5,000 dialogues/s, p99 ≤ 1 ms.
 */
import { analyze, detectSignals, normalize } from "@scamguard/detect";
import { loadBenchTexts } from "./bench-texts.js";
import { median, percentile, printTable } from "./stats.js";

const ROUNDS = 5;

export async function run(): Promise<void> {
  const { dialogues, messages } = loadBenchTexts();
  const meanChars = Math.round(dialogues.reduce((n, d) => n + d.length, 0) / dialogues.length);
  const candidates: [string, (text: string) => unknown][] = [
    ["normalize only", (t) => normalize(t)],
    ["signals only", (t) => detectSignals(t)],
    ["analyze (full verdict)", (t) => analyze(t)],
  ];
  for (const [, fn] of candidates) for (const d of dialogues.slice(0, 200)) fn(d); // warm up the JIT

  const rows: (string | number)[][] = [];
  let fullRate = 0;
  let fullCpuRate = 0;
  for (const [name, fn] of candidates) {
    const rates: number[] = [];
    const cpuRates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const start = process.hrtime.bigint();
      const cpuStart = process.cpuUsage();
      for (const d of dialogues) fn(d);
      const cpu = process.cpuUsage(cpuStart);
      rates.push(dialogues.length / (Number(process.hrtime.bigint() - start) / 1e9));
      // CPU time of this process only: steadier than wall time when other jobs share the cores.
      cpuRates.push(dialogues.length / ((cpu.user + cpu.system) / 1e6));
    }
    const rate = median(rates);
    const cpuRate = median(cpuRates);
    if (name.startsWith("analyze")) {
      fullRate = rate;
      fullCpuRate = cpuRate;
    }
    rows.push([name, rate, 1e6 / rate, cpuRate]);
  }
  printTable(`detect: ${dialogues.length} dialogues (mean ${meanChars} chars), median of ${ROUNDS} rounds, one core`, ["path", "dialogues/s (wall)", "µs/dialogue", "dialogues/CPU-s"], rows);
  console.log(`  goal ≥ 5,000 dialogues/s: ${fullRate >= 5000 ? "met" : "NOT met"} (${Math.round(fullRate)}/s wall, ${Math.round(fullCpuRate)}/CPU-s)`);

  const latencies = new Float64Array(messages.length * 4);
  let k = 0;
  for (let round = 0; round < 4; round++) {
    for (const m of messages) {
      const start = process.hrtime.bigint();
      analyze(m);
      latencies[k++] = Number(process.hrtime.bigint() - start) / 1e6;
    }
  }
  latencies.sort();
  printTable(`detect: ${latencies.length} analyses of 200-character messages`, ["p50 ms", "p99 ms", "max ms"], [
    [percentile(latencies, 0.5), percentile(latencies, 0.99), latencies[latencies.length - 1] as number],
  ]);
  console.log(`  goal p99 ≤ 1 ms: ${percentile(latencies, 0.99) <= 1 ? "met" : "NOT met"}`);
}
