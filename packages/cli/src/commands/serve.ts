/** `scamguard serve`: the HTTP service on its embedded defaults (PGlite in DATA_DIR) or DATABASE_URL. */
import type { Command } from "commander";

export function register(program: Command): void {
  program
    .command("serve")
    .description("start the API and console (PORT, default 8787; DATA_DIR or DATABASE_URL)")
    .option("-p, --port <port>", "port to listen on (overrides PORT)")
    .action(async (opts: { port?: string }) => {
      const { loadConfig } = await import("@scamguard/server/config");
      const { startServer } = await import("@scamguard/server/start");
      const env = opts.port ? { ...process.env, PORT: opts.port } : process.env;
      await startServer(loadConfig(env));
    });
}
