/**
 * drizzle-kit configuration. Run from the repository root, under the shared lock so two engineers never
 * generate the same migration number:
 *   flock /tmp/scamguard-migrate.lock npx drizzle-kit generate --config packages/server/drizzle.config.ts --name <what>
 */
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./packages/server/src/db/schema/*.ts",
  out: "./packages/server/drizzle",
  casing: undefined,
  strict: true,
  verbose: true,
});
