/**
 * Database.prepared: the statements of the screening hot path, planned once per connection. The same
 * answers on both engines; on PGlite its arguments travel as quoted literals, so awkward text must
 * come back byte for byte.
 */
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { sqlWithParams } from "../../packages/server/src/db/client.js";
import { describeBothEngines } from "../../packages/server/src/testing/test-app.js";

describeBothEngines("prepared statements", (t) => {
  it("returns the statement's rows, and text parameters come back unchanged", async () => {
    const echo = t().ctx.database.prepared<{ a: string; n: number }>(
      "test_echo",
      "select $1::text as a, jsonb_array_length($2::jsonb)::int as n",
      ["text", "jsonb"],
    );
    const awkward = `it's a \\ back'slash '' $1 $$ 反诈 \u00e9 "quoted"\n`;
    for (let i = 0; i < 7; i++) {
      // Past PostgreSQL's five custom plans, into the generic one: still the same answers.
      expect(await echo([awkward, JSON.stringify([awkward, i, { k: "'\\" }])])).toEqual([{ a: awkward, n: 3 }]);
    }
  });

  it("tries a failed PREPARE again, and refuses a second text under the same name", async () => {
    const db = t().ctx.database;
    const table = `prep_t_${Date.now()}`;
    const count = db.prepared<{ n: number }>("test_count_rows", `select count(*)::int as n from ${table}`, []);
    await expect(count([])).rejects.toThrow();
    await db.rows(sql.raw(`create table ${table} (a int)`));
    expect(await count([])).toEqual([{ n: 0 }]);
    await db.rows(sql.raw(`drop table ${table}`));
    if (t().ctx.engine === "pglite") {
      const other = db.prepared("test_count_rows", "select 1", []);
      await expect(other([])).rejects.toThrow(/another text/);
    }
    expect(() => db.prepared("bad name; drop", "select 1", [])).toThrow(/statement name/);
  });

  it("sqlWithParams runs the same text through drizzle, with its parameters bound", async () => {
    const rows = await t().ctx.database.rows<{ a: string; b: string }>(sqlWithParams("select $2::text as a, $1::text as b", ["x'", "y\\"]));
    expect(rows).toEqual([{ a: "y\\", b: "x'" }]);
    expect(() => sqlWithParams("select $3", ["a"])).toThrow(/\$3/);
  });
});
