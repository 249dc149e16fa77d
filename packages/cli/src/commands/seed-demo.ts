/**
 * `scamguard seed-demo`: fills DATA_DIR (or DATABASE_URL) with the anti-fraud centre's demo data — reports
 * from distinct reporter keys, a case, a freeze request answered by a bank — through the service's own routes,
 * so the console, the statistics and the evidence packet have something real to show. Run it with the server
 * stopped when on the embedded database (DATA_DIR is locked while a server runs). Prints the demo keys.
 */
import type { Command } from "commander";

export function register(program: Command): void {
  program
    .command("seed-demo")
    .description("seed demo reports, a case and an answered freeze request (keys labelled 'demo …'); prints an analyst and a bank key")
    .action(async () => {
      const { loadConfig } = await import("@scamguard/server/config");
      const { createApp } = await import("@scamguard/server/app");
      const { seedCentreDemo } = await import("@scamguard/server/demo/seed-centre");
      const app = await createApp({ ...loadConfig(process.env), logLevel: "silent" });
      try {
        const seeded = await seedCentreDemo(app);
        process.stderr.write(
          `seeded ${seeded.reportIds.length} reports, case ${seeded.caseId}, freeze request ${seeded.freezeRequestId} (answered partially_frozen by ICBC)\n`,
        );
        process.stdout.write(`ANALYST_KEY=${seeded.keys.analyst}\nBANK_KEY=${seeded.keys.bank}\n`);
      } finally {
        await app.close();
      }
    });
}
