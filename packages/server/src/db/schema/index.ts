/**
 * The whole database schema, one file per area; drizzle-kit generates migrations from this list.
 * Add a table: write `src/db/schema/<area>.ts`, add one `export *` line here, then run (repo root)
 *   flock /tmp/scamguard-migrate.lock npx drizzle-kit generate --config packages/server/drizzle.config.ts --name <what>
 * and review the SQL it writes into packages/server/drizzle/ (add a `-- why` comment beside each index).
 */
export * from "./api-keys.js";
export * from "./reports.js";
export * from "./sessions.js";
export * from "./contacts.js";
export * from "./review.js";
export * from "./cases.js";
export * from "./call-flags.js";
export * from "./report-withdrawals.js";
