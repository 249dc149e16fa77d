/** Migrations: generated SQL, reviewed (a comment beside each index), applied on both engines, idempotent. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER, migrateDatabase } from "../../packages/server/src/db/migrate.js";
import { describeBothEngines } from "../../packages/server/src/testing/test-app.js";

const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };

describe("migration files", () => {
  it("lists every SQL file in the journal and nothing else", () => {
    const files = readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith(".sql")).map((f) => f.replace(/\.sql$/, "")).sort();
    expect(journal.entries.map((e) => e.tag).sort()).toEqual(files);
  });

  it("says why beside every index (a -- comment on the line above)", () => {
    const undocumented: string[] = [];
    for (const { tag } of journal.entries) {
      const lines = readFileSync(join(MIGRATIONS_FOLDER, `${tag}.sql`), "utf8").split("\n");
      lines.forEach((line, i) => {
        if (/^\s*CREATE (UNIQUE )?INDEX/i.test(line) && !/^\s*--/.test(lines[i - 1] ?? "")) undocumented.push(`${tag}.sql:${i + 1}`);
      });
    }
    expect(undocumented).toEqual([]);
  });
});

describeBothEngines("migrations", (t, engine) => {
  it("applied every journal entry once", async () => {
    const { database } = t().ctx;
    const journalSchema = database.schemaName === "public" ? "drizzle" : database.schemaName;
    const applied = await database.rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(journalSchema)}.__drizzle_migrations`);
    expect(applied[0]?.n).toBe(journal.entries.length);
  });

  it("is a no-op when run again", async () => {
    const { database } = t().ctx;
    await migrateDatabase(database);
    const journalSchema = database.schemaName === "public" ? "drizzle" : database.schemaName;
    const applied = await database.rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(journalSchema)}.__drizzle_migrations`);
    expect(applied[0]?.n).toBe(journal.entries.length);
  });

  it("creates the tables in the app's own schema", async () => {
    const { database } = t().ctx;
    const tables = await database.rows(
      sql`select table_name from information_schema.tables where table_schema = ${database.schemaName} and table_name = 'api_keys'`,
    );
    expect(tables).toHaveLength(1);
    if (engine === "postgres") expect(database.schemaName).toMatch(/^t_[0-9a-f]{12}$/);
  });
});
