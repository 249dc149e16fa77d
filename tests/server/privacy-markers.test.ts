/**
 * Logs and stores keep no personal values they don't need. A real `scamguard serve` process (default log
 * level) gets marker values — phone numbers, e-mail addresses, words in texts — on EVERY route of the
 * policy table (a route without a hand-made request still gets markers in its path, query and body). Then:
 * - its logs (stdout and stderr) hold none of them;
 * - its data (PGlite: every file under DATA_DIR; PostgreSQL: every row of its schema) holds none of the
 *   markers sent where nothing needs storing (checks, lookups, searches, live-call and session utterance
 *   text), and does hold the ones a feature stores by design (a report's identifiers and text: the positive
 *   control that the search can find what is there). PRIVACY.md lists which store keeps what.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomInt } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routePolicy } from "../../packages/server/src/auth/policy.js";
import { dropScratchSchema, scratchSchemaName } from "../../packages/server/src/db/scratch-schema.js";
import { seedPgliteDataDir } from "../../packages/server/src/testing/pglite-template.js";
import { TEST_DATABASE_URL, testEngines } from "../../packages/server/src/testing/test-app.js";
import { CLI, runCli } from "../helpers/run-cli.js";

/** A word no code or data contains by chance. */
const word = (tag: string) => `zq${tag}${randomBytes(5).toString("hex")}`;
/** A valid mainland mobile number nobody reported; searched for as its 11 digits. */
const mobile = () => `139${String(randomInt(10_000_000, 99_999_999))}`;

interface Sent {
  route: string;
  /** Markers nothing needs to keep: absent from logs and data. */
  transient: string[];
  /** Markers a feature stores by design: absent from logs; in data (not asserted unless `control`). */
  stored: string[];
  control?: boolean;
}

for (const engine of testEngines()) {
  describe(`no personal values in logs or data [${engine}]`, () => {
    const dataDir = mkdtempSync(join(tmpdir(), "scamguard-privacy-"));
    const schema = scratchSchemaName("t");
    const env: Record<string, string> = { DATA_DIR: dataDir, PORT: "0", RATE_LIMIT: "1000000", LOG_LEVEL: "", SCAMGUARD_SERVER: "" };
    if (engine === "postgres") Object.assign(env, { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema });
    let server: ChildProcess;
    let logs = "";
    let base = "";
    const sent: Sent[] = [];

    beforeAll(async () => {
      // The migrated template (nothing personal in it yet): the markers are what this test puts there.
      if (engine === "pglite") await seedPgliteDataDir(dataDir);
      server = spawn(process.execPath, [CLI, "serve"], { env: { ...process.env, ...env } });
      server.stdout?.setEncoding("utf8").on("data", (d: string) => (logs += d));
      server.stderr?.setEncoding("utf8").on("data", (d: string) => (logs += d));
      base = await new Promise<string>((resolve, reject) => {
        const timer = setInterval(() => {
          const url = /"url":"(http:\/\/[^"]+)"/.exec(logs)?.[1];
          if (url) {
            clearInterval(timer);
            resolve(url);
          }
        }, 100);
        server.on("exit", (code) => reject(new Error(`server exited ${code}: ${logs}`)));
      });
    }, 120_000);

    afterAll(async () => {
      if (server.exitCode === null) server.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
      if (engine === "postgres") {
        await dropScratchSchema(TEST_DATABASE_URL, schema);
      }
    });

    it("sends markers to every route, then finds them only where a feature stores them", async () => {
      const { stdout, code } = await runCli(["keys", "create", "--role", "admin", "--label", "privacy test"], { env });
      expect(code).toBe(0);
      const keys: Record<string, string> = { admin: stdout.trim().split("\n").pop() as string };
      for (const role of ["reporter", "institution", "analyst"]) {
        const res = await call("POST", "/v1/admin/keys", { role, label: "privacy test" }, "admin");
        expect(res.status).toBe(201);
        keys[role] = ((await res.json()) as { key: string }).key;
      }

      async function call(method: string, path: string, body: unknown, role: string | null, query = ""): Promise<Response> {
        const headers: Record<string, string> = {};
        if (role) headers.authorization = `Bearer ${keys[role]}`;
        if (body !== undefined) headers["content-type"] = "application/json";
        const controller = new AbortController();
        // Server-sent events never end by themselves.
        const timer = setTimeout(() => controller.abort(), 1500);
        try {
          const res = await fetch(`${base}${path}${query}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: controller.signal });
          await res.clone().text().catch(() => "");
          return res;
        } catch {
          return new Response(null, { status: 599 });
        } finally {
          clearTimeout(timer);
        }
      }

      const roleFor = (route: string): string | null => {
        const access = routePolicy[route];
        return access === "anonymous" || access === undefined ? null : (access[0] as string);
      };

      // Hand-made requests that get past validation to the handlers (where storing would happen).
      const crafted: Record<string, () => Promise<Sent>> = {
        "POST /v1/analyze": async () => {
          const [p, w] = [mobile(), word("an")];
          await call("POST", "/v1/analyze", { text: `我是京东客服 ${w}，请回电 +86${p}` }, null);
          return { route: "POST /v1/analyze", transient: [p, w], stored: [] };
        },
        "GET /v1/lookup": async () => {
          const w = word("lk");
          await call("GET", "/v1/lookup", undefined, null, `?kind=email&value=${w}%40example.com`);
          return { route: "GET /v1/lookup", transient: [w], stored: [] };
        },
        "POST /v1/lookup": async () => {
          const [p, w] = [mobile(), word("bl")];
          await call("POST", "/v1/lookup", { items: [{ kind: "phone", value: `+86${p}` }, { kind: "email", value: `${w}@example.com` }] }, "institution");
          return { route: "POST /v1/lookup", transient: [p, w], stored: [] };
        },
        "GET /v1/directory": async () => {
          const w = word("dq");
          await call("GET", "/v1/directory", undefined, null, `?q=${w}`);
          return { route: "GET /v1/directory", transient: [w], stored: [] };
        },
        "POST /v1/directory/verify": async () => {
          const [p, w] = [mobile(), word("dv")];
          await call("POST", "/v1/directory/verify", { claimed: `京东 ${w}`, contact: { kind: "phone", value: `+86${p}` } }, null);
          return { route: "POST /v1/directory/verify", transient: [p, w], stored: [] };
        },
        "POST /v1/reports": async () => {
          const [p, w] = [mobile(), word("rp")];
          const res = await call("POST", "/v1/reports", { identifiers: [{ kind: "phone", value: `+86${p}` }], text: `冒充京东客服 ${w} 让我共享屏幕` }, "reporter");
          expect(res.status).toBe(201);
          return { route: "POST /v1/reports", transient: [], stored: [p, w], control: true };
        },
        "POST /v1/sessions/:id/events": async () => {
          const [w, subject] = [word("su"), word("sj")];
          const path = `/v1/sessions/sess-${word("id")}/events`;
          const res = await call("POST", path, { type: "utterance", at: new Date().toISOString(), speaker: "remote", text: `我是微粒贷客服 ${w}，请共享屏幕` }, "institution", `?subject=${subject}`);
          expect(res.status).toBe(200);
          // The session's subject names the protected person: stored for guardians, never logged.
          return { route: "POST /v1/sessions/:id/events", transient: [w], stored: [subject] };
        },
        "POST /v1/transfers/screen": async () => {
          const p = word("py");
          await call("POST", "/v1/transfers/screen", { payee: { kind: "bank_account", value: "6222020200112233445" }, amount: 5000, currency: "CNY", channel: "mobile_app", payer: { kind: "email", value: `${p}@example.com` } }, "institution");
          // The screening log keeps payer and payee for the institution's review.
          return { route: "POST /v1/transfers/screen", transient: [], stored: [p] };
        },
        "POST /v1/conversations/:id/utterances": async () => {
          const created = await call("POST", "/v1/conversations", {}, null);
          const { id } = (await created.json()) as { id: string };
          const w = word("cu");
          const res = await call("POST", `/v1/conversations/${id}/utterances`, { speaker: "remote", text: `请下载会议软件共享屏幕 ${w}` }, null);
          expect(res.status).toBe(200);
          await call("GET", `/v1/conversations/${id}/events`, undefined, null);
          // The conversation id is a credential: not logged either.
          return { route: "POST /v1/conversations/:id/utterances", transient: [w, id], stored: [] };
        },
        "POST /v1/guardians": async () => {
          const [p, name] = [mobile(), word("gn")];
          await call("POST", "/v1/guardians", { subject: word("gs"), name, contact: { kind: "phone", value: `+86${p}` }, relation: "family" }, "reporter");
          // A guardian's name and number are what the feature is for: stored, never logged.
          return { route: "POST /v1/guardians", transient: [], stored: [p, name] };
        },
      };

      for (const route of Object.keys(routePolicy)) {
        const make = crafted[route];
        if (make) {
          sent.push(await make());
          continue;
        }
        // Any other route: markers in every path parameter, in the query and in a JSON body.
        const [method, pattern] = route.split(" ") as [string, string];
        const [inPath, inQuery, inBody, phone] = [word("pp"), word("qq"), word("bb"), mobile()];
        const path = pattern.replace(/:[a-z]+/gi, inPath).replace("/*", "/static/index.html");
        const body = method === "GET" || method === "DELETE" ? undefined : { text: inBody, value: inBody, phone: `+86${phone}` };
        await call(method, path, body, roleFor(route), `?q=${inQuery}&value=%2B86${phone}`);
        sent.push({ route, transient: pattern.includes(":") ? [inPath, inQuery, inBody, phone] : [inQuery, inBody, phone], stored: [] });
      }

      // Stop the server so that everything it would write is written.
      await new Promise<void>((resolve) => {
        server.on("exit", () => resolve());
        server.kill("SIGTERM");
      });

      expect(logs).toContain("request completed");
      for (const s of sent) for (const marker of [...s.transient, ...s.stored]) expect(logs.includes(marker), `${s.route}: ${marker} in the logs`).toBe(false);

      const data = engine === "pglite" ? filesUnder(dataDir) : await rowsOf(schema);
      for (const s of sent) {
        for (const marker of s.transient) expect(data.includes(marker), `${s.route}: ${marker} stored`).toBe(false);
        if (s.control) for (const marker of s.stored) expect(data.includes(marker), `${s.route}: ${marker} not found in the data`).toBe(true);
      }
    }, 300_000);
  });
}

/** Every file under a folder, as one latin1 string (PGlite's heap, WAL and everything else). */
function filesUnder(dir: string): string {
  let all = "";
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    all += statSync(path).isDirectory() ? filesUnder(path) : readFileSync(path).toString("latin1");
  }
  return all;
}

/** Every row of every table of a schema, as text. */
async function rowsOf(schema: string): Promise<string> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>("select table_name from information_schema.tables where table_schema = $1", [schema]);
    let all = "";
    for (const { table_name } of tables.rows) {
      const rows = await client.query(`select t::text as row from "${schema}"."${table_name}" t`);
      for (const row of rows.rows as Array<{ row: string }>) all += `${row.row}\n`;
    }
    return all;
  } finally {
    await client.end();
  }
}
