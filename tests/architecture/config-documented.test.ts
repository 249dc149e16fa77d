/** The README's configuration table names every environment variable config.ts reads (no hidden knobs). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");

it("documents every variable config.ts reads in the README's configuration table", () => {
  const source = readFileSync(join(root, "packages/server/src/config.ts"), "utf8");
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const variables = [...new Set([...source.matchAll(/\b(?:str|int|url)\("([A-Z][A-Z0-9_]+)"/g)].map((m) => m[1] as string))];
  expect(variables.length).toBeGreaterThan(10);
  const missing = variables.filter((name) => !readme.includes(`| \`${name}\` |`));
  expect(missing, "add a row to the README's Configuration table").toEqual([]);
});
