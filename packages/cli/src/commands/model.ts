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
    .option("--check", "fit nothing: say whether training now would reproduce model.json (same rows, features and recipe)")
    .action(async (opts: { data?: string; out?: string; seed?: number; check?: boolean }) => {
      if (opts.check) {
        const { checkTraining } = await import("../train/index.js");
        const check = await checkTraining({ dataDir: opts.data, model: opts.out });
        if (check.reproducible) console.log("reproducible: the rows, features and recipe are those model.json records; training would rewrite it byte for byte");
        else if (check.recorded === null) console.log("model.json records no inputs (fitted before they were recorded): refit to record them");
        else {
          const differs = [check.recorded.rows !== check.current.rows && "the training rows", check.recorded.features !== check.current.features && "the features (the signal engine changed since the fit)", !check.sameConfig && "the recipe"].filter(Boolean);
          console.log(`not reproducible: ${differs.join(", ")} differ from what model.json records`);
        }
        console.log(`recorded ${JSON.stringify(check.recorded)}\ncurrent  ${JSON.stringify(check.current)}`);
        process.exitCode = check.reproducible ? 0 : 1;
        return;
      }
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
