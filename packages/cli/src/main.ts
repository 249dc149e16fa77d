/** The `scamguard` command. Each sub-command lives in commands/ and loads its heavy parts lazily. */
import { Command } from "commander";
import { registerCommands } from "./commands/index.js";

const program = new Command()
  .name("scamguard")
  .description("Stop impersonation scams before money moves: check texts, run the service, train and evaluate the engine.")
  .showHelpAfterError();

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`scamguard: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
