/** Every sub-command registers itself here, one line each. */
import type { Command } from "commander";
import { register as registerCdr } from "./cdr.js";
import { register as registerCheck } from "./check.js";
import { register as registerClassify } from "./classify.js";
import { register as registerBench } from "./bench.js";
import { register as registerImport } from "./import.js";
import { register as registerKeys } from "./keys.js";
import { register as registerLookup } from "./lookup.js";
import { register as registerModel } from "./model.js";
import { register as registerServe } from "./serve.js";
import { register as registerReplay } from "./replay.js";
import { register as registerReport } from "./report.js";
import { register as registerVerifyCall } from "./verify-call.js";
import { register as registerSeedDemo } from "./seed-demo.js";
import { register as registerSoak } from "./soak.js";

export function registerCommands(program: Command): void {
  registerServe(program);
  registerCheck(program);
  registerReport(program);
  registerLookup(program);
  registerClassify(program);
  registerBench(program);
  registerKeys(program);
  registerImport(program);
  registerReplay(program);
  registerModel(program);
  registerVerifyCall(program);
  registerSeedDemo(program);
  registerCdr(program);
  registerSoak(program);
}
