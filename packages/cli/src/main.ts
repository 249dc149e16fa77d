/** The `scamguard` command. Each sub-command lives in commands/ and loads its heavy parts lazily. */
import { Command } from "commander";
import { registerCommands } from "./commands/index.js";
import { useDiskLexiconTableCache } from "./lexicon-table-cache.js";

// The lexicon scanner starts from its tables on disk when they are current (about a second of CPU less per run).
useDiskLexiconTableCache();

const program = new Command()
  .name("scamguard")
  .description("Stop impersonation scams before money moves: check texts, run the service, train and evaluate the engine.")
  .showHelpAfterError();

registerCommands(program);

/** `scamguard classify … | head`: the reader has gone, so stop quietly as Unix tools do, not with a stack trace. */
const readerGone = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === "EPIPE";
process.stdout.on("error", (error) => {
  if (readerGone(error)) process.exit(0);
  throw error;
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (readerGone(error)) process.exit(0);
  console.error(`scamguard: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
