/**
 * Applies the generated migrations in packages/server/drizzle at startup, on either engine.
 *
 * This is drizzle's own migrator (what `drizzle-orm/pglite/migrator` and `drizzle-orm/node-postgres/
 * migrator` do: `readMigrationFiles` then `dialect.migrate`, same journal table, same hashes) with one
 * rewrite: drizzle-kit writes enum and foreign-key references as `"public"."x"`, which would point out
 * of a non-default schema (DATABASE_SCHEMA, one schema per test file). Unqualified names resolve through
 * search_path, which is `public` in production, so the rewrite changes nothing there.
 */
import { fileURLToPath } from "node:url";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { Database } from "./client.js";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../drizzle", import.meta.url));

export async function migrateDatabase(database: Database): Promise<void> {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((migration) => ({
    ...migration,
    sql: migration.sql.map((statement) => statement.replaceAll('"public".', "")),
  }));
  // The journal lives beside the tables when a schema is chosen, so dropping the schema forgets it too.
  const migrationsSchema = database.schemaName === "public" ? "drizzle" : database.schemaName;
  const db = database.db as unknown as {
    dialect: { migrate(m: unknown, session: unknown, config: unknown): Promise<void> };
    session: unknown;
  };
  await database.exclusive(() => db.dialect.migrate(migrations, db.session, { migrationsFolder: MIGRATIONS_FOLDER, migrationsSchema }));
}
