/**
 * `scamguard import` as a process, on PGlite (DATA_DIR) and PostgreSQL (DATABASE_URL): bad input first,
 * then the lists load as weak signals (suspicious at most, naming the source) and re-imports add nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../packages/server/src/app.js";
import { loadConfig } from "../../packages/server/src/config.js";
import { testEngines, testEnvironment } from "../../packages/server/src/testing/test-app.js";
import { runCli } from "../helpers/run-cli.js";

/** The public lists in the shared data folder beside the repository (../shared/data). */
const FTC = fileURLToPath(new URL("../../../shared/data/ftc-dnc-reported-numbers/numbers.jsonl", import.meta.url));
const DOMAINS = fileURLToPath(new URL("../../../shared/data/scam-domains-durablenapkin/domains.txt", import.meta.url));
const fixtures = mkdtempSync(join(tmpdir(), "scamguard-import-"));
const ftcSample = join(fixtures, "numbers.jsonl");
// The list's top 300 lines, plus the kinds of damage a real file carries.
writeFileSync(
  ftcSample,
  `${readFileSync(FTC, "utf8").split("\n").slice(0, 300).join("\n")}\n{broken json\n{"number": "619448xxxx", "reports": 2}\n\n{"reports": 1}\n`,
);
afterAll(() => rmSync(fixtures, { recursive: true, force: true }));

for (const engine of testEngines()) {
  describe(`scamguard import [${engine}]`, () => {
    let env: Record<string, string>;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ env, cleanup } = await testEnvironment(engine));
    });
    afterAll(async () => cleanup?.());

    const cli = (args: string[]) => runCli(["import", ...args], { env: { ...env, LOG_LEVEL: "silent" } });
    const lookup = async (app: FastifyInstance, kind: string, value: string) =>
      (await app.inject({ method: "GET", url: `/v1/lookup?kind=${kind}&value=${encodeURIComponent(value)}` })).json();

    it("refuses an unknown format and a missing file", async () => {
      const format = await cli(["fax-numbers", ftcSample]);
      expect(format.code).not.toBe(0);
      expect(format.stderr).toMatch(/unknown command 'fax-numbers'/);
      const missing = await cli(["domains", join(fixtures, "nope.txt")]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/nope\.txt: no such file/);
    });

    it("loads FTC numbers, reporting each bad line, and re-imports idempotently", async () => {
      const first = await cli(["ftc-numbers", ftcSample]);
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/: 300 new, 0 duplicates .*, 0 skipped, 3 invalid, 304 lines$/m);
      expect(first.stderr).toContain("line 301: not JSON");
      expect(first.stderr).toContain('line 302: value: not a phone number ("619448xxxx")');
      expect(first.stderr).toContain("line 304: number: expected a string");
      const again = await cli(["ftc-numbers", ftcSample]);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/: 0 new, 300 duplicates/);
    });

    it("loads the domain list, skipping subdomains of shared platforms", async () => {
      const res = await cli(["domains", DOMAINS]);
      expect(res.code).toBe(0);
      expect(res.stdout).toMatch(/as source "durablenapkin" .*: 869 new, 807 duplicates .*, 538 skipped, 0 invalid, 2214 lines$/m);
    });

    it("answers imported-only identifiers as suspicious at most, naming the source; platforms stay unknown", async () => {
      const app = await createApp(loadConfig(env));
      try {
        const top = await lookup(app, "phone", "+1 833-304-1447");
        expect(top).toMatchObject({
          normalized: "+18333041447",
          verdict: "suspicious",
          reports: 0,
          distinctReporters: 0,
          sources: [{ source: "ftc-dnc", reports: 152, firstSeen: "2021-04-14T00:00:00.000Z", lastSeen: "2021-04-21T00:00:00.000Z" }],
        });
        expect(top.reasons).toContain("only imported public lists mention it: suspicious at most");
        expect(top.reasons[0]).toBe("listed by ftc-dnc (US FTC Do-Not-Call complaints; caller IDs are often spoofed): 152 complaints, 2021-04-14 to 2021-04-21; a complaint is not a verdict");
        expect(await lookup(app, "domain", "www.1stireland.com")).toMatchObject({ normalized: "1stireland.com", verdict: "suspicious" });
        expect(await lookup(app, "domain", "wordpress.com")).toMatchObject({ verdict: "unknown" });
        // A link in a text answers with its domain's listing.
        const analyzed = await app.inject({ method: "POST", url: "/v1/analyze", payload: { text: "退款请点 https://www.1stireland.com/refund 填写" } });
        expect(analyzed.json().identifiers).toMatchObject([{ kind: "url", lookup: { verdict: "suspicious", sources: [{ source: "durablenapkin" }] } }]);

        // A reporter's word adds to the prior; the list alone never made it a scam.
        const { key } = await app.ctx.services.apiKeys.create({ role: "institution" });
        const filed = await app.inject({
          method: "POST",
          url: "/v1/reports",
          headers: { authorization: `Bearer ${key}` },
          payload: { identifiers: [{ kind: "phone", value: "+18333041447" }] },
        });
        expect(filed.statusCode).toBe(201);
        expect(await lookup(app, "phone", "+18333041447")).toMatchObject({ verdict: "suspicious", distinctReporters: 1 });
      } finally {
        await app.close();
      }
    });

    it.runIf(engine === "postgres")("reaches a running server at once through NOTIFY", async () => {
      const app = await createApp(loadConfig(env));
      try {
        const fresh = join(fixtures, "more.jsonl");
        writeFileSync(fresh, `${readFileSync(FTC, "utf8").split("\n").slice(300, 310).join("\n")}\n`);
        const target = JSON.parse(readFileSync(fresh, "utf8").split("\n")[0] as string).number as string;
        expect((await lookup(app, "phone", target)).verdict).toBe("unknown");
        expect((await cli(["ftc-numbers", fresh])).code).toBe(0);
        const deadline = Date.now() + 5000;
        let verdict = "unknown";
        while (verdict !== "suspicious" && Date.now() < deadline) {
          verdict = (await lookup(app, "phone", target)).verdict;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        expect(verdict).toBe("suspicious");
      } finally {
        await app.close();
      }
    });
  });
}
