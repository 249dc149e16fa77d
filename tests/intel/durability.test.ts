/**
 * A report answered 201, and a transfer hold answered 200, survive `kill -9` of the server right after the
 * answer: the real server as a child process (`scamguard serve`), on PGlite (DATA_DIR) and on PostgreSQL
 * (DATABASE_URL), killed with SIGKILL the moment the answer arrives, restarted, and asked for the report and
 * its lookup effect, then for the hold's guardian alert.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../packages/cli/src/soak/server-process.js";
import { testEngines, testEnvironment } from "../../packages/server/src/testing/test-app.js";
import { CLI, runCli } from "../helpers/run-cli.js";


interface Served {
  child: ChildProcess;
  url: string;
  exited: Promise<NodeJS.Signals | number | null>;
}

async function serve(env: Record<string, string>): Promise<Served> {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, "serve"], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early: ${stderr}`);
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) return { child, url, exited };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not answer /healthz within 60 s: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

for (const engine of testEngines()) {
  describe(`durability [${engine}]`, () => {
    let env: Record<string, string>;
    let cleanup: () => Promise<void>;
    let running: Served | null = null;
    let institutionKey = "";
    beforeAll(async () => {
      ({ env, cleanup } = await testEnvironment(engine));
      env = { ...env, LOG_LEVEL: "silent" };
    });
    afterAll(async () => {
      running?.child.kill("SIGKILL");
      await running?.exited;
      await cleanup?.();
    });

    it("keeps a report answered 201 through kill -9, with its lookup effect", async () => {
      const created = await runCli(["keys", "create", "--role", "analyst"], { env });
      expect(created.code).toBe(0);
      const key = created.stdout.trim().split("\n").at(-1) as string;
      const institution = await runCli(["keys", "create", "--role", "institution"], { env });
      expect(institution.code).toBe(0);
      institutionKey = institution.stdout.trim().split("\n").at(-1) as string;

      running = await serve(env);
      const res = await fetch(`${running.url}/v1/reports`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ identifiers: [{ kind: "phone", value: "13300133000" }], text: "自称公安局，要求转账到安全账户" }),
      });
      running.child.kill("SIGKILL");
      expect(res.status).toBe(201);
      const { id } = (await res.json()) as { id: string };
      expect(await running.exited).toBe("SIGKILL");

      running = await serve(env);
      const report = await fetch(`${running.url}/v1/reports/${id}`, { headers: { authorization: `Bearer ${key}` } });
      expect(report.status).toBe(200);
      expect(await report.json()).toMatchObject({ id, identifiers: [{ kind: "phone", normalized: "+8613300133000" }] });
      const lookup = await fetch(`${running.url}/v1/lookup?kind=phone&value=13300133000`);
      expect(await lookup.json()).toMatchObject({ verdict: "suspicious", reports: 1, distinctReporters: 1 });
    });

    it("keeps a transfer hold answered 200 through kill -9: its alert is there after the restart", async () => {
      expect(running, "the report test leaves a restarted server").not.toBeNull();
      const served = running as Served;
      const payer = "6222000099990001";
      // The payee of the report above is now suspicious: a transfer to it is held, committed before the answer.
      const res = await fetch(`${served.url}/v1/transfers/screen`, {
        method: "POST",
        headers: { authorization: `Bearer ${institutionKey}`, "content-type": "application/json" },
        body: JSON.stringify({ payer: { kind: "bank_account", value: payer }, payee: { kind: "phone", value: "13300133000" }, amount: 5000, currency: "CNY", channel: "mobile_app" }),
      });
      served.child.kill("SIGKILL");
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ decision: "hold", payeeReputation: "suspicious" });
      expect(await served.exited).toBe("SIGKILL");

      running = await serve(env);
      const alerts = await fetch(`${running.url}/v1/alerts?limit=50`, { headers: { authorization: `Bearer ${institutionKey}` } });
      expect(alerts.status).toBe(200);
      const items = ((await alerts.json()) as { items: { subject: string; source: string; decision: string }[] }).items;
      expect(items.filter((a) => a.subject === payer).map((a) => `${a.source}:${a.decision}`)).toEqual(["transfer:hold"]);
    });
  });
}
