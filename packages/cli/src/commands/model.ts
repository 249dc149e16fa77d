/** `scamguard train` and `scamguard eval`: build the classifier from ../shared/data and measure it on the test splits. */
import type { Command } from "commander";

const parseSeed = (value: string): number => {
  const seed = Number(value);
  if (!Number.isSafeInteger(seed)) throw new Error(`--seed: expected an integer, got "${value}"`);
  return seed;
};

export function register(program: Command): void {
  program
    .command("train")
    .description("train and calibrate the classifier on the ../shared/data train splits (fixed seed, progress bar)")
    .option("--data <dir>", "dataset folder (default ../shared/data or SCAMGUARD_DATA_DIR)")
    .option("--out <file>", "artefact path (default packages/detect/model/model.json)")
    .option("--seed <n>", "random seed", parseSeed)
    .action(async (opts: { data?: string; out?: string; seed?: number }) => {
      const { runTrain } = await import("../train/index.js");
      const report = await runTrain({ dataDir: opts.data, out: opts.out, seed: opts.seed });
      console.log(`model ${report.version}: ${report.features} features, threshold ${report.threshold}, ${report.bytes} bytes → ${report.out}`);
    });

  program
    .command("eval")
    .description("leave-one-source-out, then recall, false alarms and mode accuracy per ../shared/data test split and type, through analyze(), and the adversarial suite")
    .option("--data <dir>", "dataset folder (default ../shared/data or SCAMGUARD_DATA_DIR)")
    .option("--json", "print the report as JSON")
    .option("--no-loso", "skip leave-one-source-out (the slow part)")
    .option("--no-adversarial", "skip the adversarial suite")
    .action(async (opts: { data?: string; json?: boolean; loso: boolean; adversarial: boolean }) => {
      const { runEval } = await import("../eval/index.js");
      await runEval({ dataDir: opts.data, json: opts.json, loso: opts.loso, adversarial: opts.adversarial });
    });
}
