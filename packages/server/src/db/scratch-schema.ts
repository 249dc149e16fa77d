/**
 * Scratch schemas on a shared PostgreSQL (tests, benches, the soak): one name maker and one drop, so every
 * caller quotes and removes them the same way.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

/** A fresh schema name with the caller's prefix. @example scratchSchemaName("t") // "t_9f3a1c2b0d4e" */
export function scratchSchemaName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString("hex")}`;
}

/** Drops the schema and everything in it; a schema that is not there is not an error. */
export async function dropScratchSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema.replaceAll('"', '""')}" CASCADE`);
  } finally {
    await client.end();
  }
}
