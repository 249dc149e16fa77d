/**
 * `scamguard gen-cdr` and `scamguard ingest-cdr` as processes: bad input is counted with line numbers and
 * never fatal; on a generated day (a seed the rules were not tuned on) scam-like callers are flagged with
 * precision and recall ≥ 0.95; CSV and JSON Lines from stdin give the same flags; with DATA_DIR or
 * DATABASE_URL the flags land in the reputation store and lookup shows them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CallFlag } from "@scamguard/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../packages/server/src/app.js";
import { loadConfig } from "../../packages/server/src/config.js";
import { testEngines, testEnvironment } from "../../packages/server/src/testing/test-app.js";
import { type DayTruth, scoreFlags } from "../../packages/stream/src/index.js";
import { runCli } from "../helpers/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "scamguard-cdr-"));
const day = join(dir, "day.csv");
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const noStore = { DATA_DIR: "", DATABASE_URL: "" };
const flagsOf = (stdout: string): CallFlag[] => stdout.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));

describe("scamguard ingest-cdr", () => {
  beforeAll(async () => {
    const gen = await runCli(["gen-cdr", "--seed", "11", "--cdrs", "60000", "-o", day]);
    expect(gen.code).toBe(0);
    expect(gen.stderr).toMatch(/gen-cdr: 60000 CDRs for 2026-12-01 \(seed 11\)/);
  });

  it("counts malformed rows with line numbers, rejects non-phone callers and late rows, and goes on", async () => {
    const csv = [
      "start_time,caller,callee,duration_s",
      "2026-12-01T01:00:00Z,+8613800000001,+8613800000002,30",
      "2026-12-01T01:00:05Z,+8613800000001",
      "2026-12-01T01:00:06Z,anonymous,+8613800000002,30",
      "2026-12-01T02:00:00Z,+8613800000001,+8613800000003,abc",
      "2026-12-02T01:00:00Z,+8613800000001,+8613800000004,30",
      "2026-12-01T01:00:07Z,+8613800000001,+8613800000005,30",
    ].join("\n");
    const res = await runCli(["ingest-cdr", "-", "--no-progress"], { stdin: csv, env: noStore });
    expect(res.code).toBe(0);
    expect(res.stdout).toBe("");
    expect(res.stderr).toContain("ingest-cdr: 4 CDRs read (7 lines), 2 accepted; 2 malformed, 1 non-phone callers rejected, 1 late beyond the tolerance");
    expect(res.stderr).toContain("line 3: expected 4 comma-separated fields");
    expect(res.stderr).toContain("line 4: caller is not a phone number");
    expect(res.stderr).toContain("line 5: duration_s is not a non-negative number");
    expect(res.stderr).toContain("line 7: start time more than 10 min behind a closed window");
    expect(res.stderr).not.toContain("+8613800000001"); // no personal values in diagnostics
  });

  it("refuses a missing file and input that is not CDRs", async () => {
    const missing = await runCli(["ingest-cdr", join(dir, "nope.csv")], { env: noStore });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("nope.csv: no such file");
    const wrong = await runCli(["ingest-cdr", "-"], { stdin: "a,b,c\n1,2,3\n", env: noStore });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("expected a CSV header naming start_time,caller,callee,duration_s or JSON Lines");
  });

  it("flags the scam-like callers of a generated day with precision and recall of at least 0.95", async () => {
    const res = await runCli(["ingest-cdr", day, "--no-progress"], { env: noStore });
    expect(res.code).toBe(0);
    const truth = JSON.parse(readFileSync(`${day}.truth.json`, "utf8")) as DayTruth;
    const flags = flagsOf(res.stdout);
    const score = scoreFlags(flags, truth);
    expect(score.scamCallers).toBeGreaterThan(20);
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
    expect(score.byPopulation.official?.scam_like).toBe(0);
    expect(res.stderr).toContain(`${truth.malformedRows} malformed, ${truth.nonPhoneRows} non-phone callers rejected`);
    for (const f of flags) expect(f.reasons.length).toBeGreaterThanOrEqual(2);
    writeFileSync(join(dir, "csv.flags"), res.stdout);
  });

  it("gives the same flags for the same day as JSON Lines with epoch times, from stdin", async () => {
    const gen = await runCli(["gen-cdr", "--seed", "11", "--cdrs", "60000", "--format", "jsonl", "--time", "epoch"]);
    expect(gen.code).toBe(0);
    const res = await runCli(["ingest-cdr", "-", "--no-progress"], { stdin: gen.stdout, env: noStore });
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(readFileSync(join(dir, "csv.flags"), "utf8"));
  });
});

for (const engine of testEngines()) {
  describe(`scamguard ingest-cdr into the reputation store [${engine}]`, () => {
    let env: Record<string, string>;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ env, cleanup } = await testEnvironment(engine));
    });
    afterAll(async () => cleanup?.());

    it("stores the flags, and lookup shows them as a signal with the why", async () => {
      const first = await runCli(["ingest-cdr", day, "--no-progress"], { env: { ...env, DATABASE_URL: env.DATABASE_URL ?? "" } });
      expect(first.code).toBe(0);
      const flags = flagsOf(first.stdout);
      expect(first.stderr).toContain(`stored ${flags.length} new flag events`);

      const app = await createApp(loadConfig(env));
      try {
        const scam = flags.find((f) => f.kind === "scam_like") as CallFlag;
        const res = await app.inject({ method: "GET", url: `/v1/lookup?kind=phone&value=${encodeURIComponent(scam.caller)}` });
        expect(res.json().verdict).toBe("suspicious");
        expect(res.json().reasons.join("\n")).toContain(`call records show a scam-like calling pattern in the 24 h from 2026-11-30T16:00Z: ${scam.reasons[0]}`);
      } finally {
        await app.close();
      }
    }, 240_000);
  });
}
