/** `scamguard bench [suite...]`: benchmark programs that print figures and side-by-side ratios. */
import type { Command } from "commander";

/** Each suite exports `run()`; loaded lazily so one suite's dependencies never slow another. */
const SUITES: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  detect: () => import("../bench/detect.js"),
  "classify-memory": () => import("../bench/classify-memory.js"),
  lookup: () => import("../bench/lookup.js"),
  transfers: () => import("../bench/transfers.js"),
  range: () => import("../bench/range.js"),
  contacts: () => import("../bench/contacts.js"),
  stream: () => import("../bench/stream.js"),
  speed: () => import("../bench/speed.js"),
};

export function register(program: Command): void {
  program
    .command("bench")
    .description(`run benchmarks (suites: ${Object.keys(SUITES).join(", ")}; default all)`)
    .argument("[suites...]", "which suites to run")
    .action(async (names: string[]) => {
      // `speed` repeats lookup and transfers in short: not part of "all".
      const chosen = names.length > 0 ? names : Object.keys(SUITES).filter((name) => name !== "speed");
      for (const name of chosen) {
        const load = SUITES[name];
        if (!load) throw new Error(`unknown suite "${name}"; known: ${Object.keys(SUITES).join(", ")}`);
        console.log(`\n=== ${name} ===`);
        await (await load()).run();
      }
    });
}
