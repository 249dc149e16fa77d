/**
 * Stand-alone entry before/besides the CLI: `npx tsx packages/cli/src/train/run.ts [--experiments] [--seed N]`.
 */
import { runExperiments } from "./experiments.js";
import { runTrain } from "./index.js";

const args = process.argv.slice(2);
const seedAt = args.indexOf("--seed");
const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : undefined;
if (args.includes("--experiments")) await runExperiments({ ...(seed !== undefined ? { seed } : {}) });
else await runTrain({ ...(seed !== undefined ? { seed } : {}) });
