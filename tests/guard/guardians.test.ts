/**
 * Guardians, alerts and webhooks through the real app: who may read which alert, URL checks that keep the
 * server from fetching private addresses, and signed deliveries with retries to a local receiver that the
 * operator allowlisted.
 */
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { ReplayFixtureSchema } from "@scamguard/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isForbiddenAddress } from "../../packages/server/src/services/webhook-url.js";
import { startTestApp, type TestApp, testEngines } from "../../packages/server/src/testing/test-app.js";

const zhang = ReplayFixtureSchema.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, "../../packages/detect/data/replays/seed-zhang-jinshan-loan-agreement.json"), "utf8")),
);

describe("webhook addresses", () => {
  it("forbids private, loopback, link-local, CGNAT, mapped and reserved addresses", () => {
    for (const a of ["127.0.0.1", "10.2.3.4", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "224.0.0.1"]) {
      expect(isForbiddenAddress(a), a).toBe(true);
    }
    // IPv4-compatible ([::127.0.0.1] as the URL parser writes it), 6to4 and Teredo wrapping loopback, NAT64, ORCHID, …
    for (const a of ["::7f00:1", "::127.0.0.1", "2002:7f00:1::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "64:ff9b::7f00:1", "2001:20::1", "::ffff:7f00:1", "fec0::1", "255.255.255.255", "192.0.2.1", "not-an-ip"]) {
      expect(isForbiddenAddress(a), a).toBe(true);
    }
    for (const a of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"]) expect(isForbiddenAddress(a), a).toBe(false);
  });
});

describe("guardians and webhooks without an allowlist", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp("pglite");
  });
  afterAll(async () => t?.close());

  it("refuses webhook URLs that are not public https, naming url", async () => {
    const headers = await t.authHeader("institution");
    for (const url of ["http://127.0.0.1:9999/hook", "https://127.0.0.1/hook", "https://10.0.0.5/hook", "https://[::1]/hook", "https://169.254.169.254/latest", "https://localhost/hook", "https://user:pw@example.com/x", "https://[::127.0.0.1]/hook", "https://[2002:7f00:1::1]/hook", "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook"]) {
      const res = await t.app.inject({ method: "POST", url: "/v1/webhooks", payload: { url }, headers });
      expect(res.statusCode, url).toBe(422);
      expect(res.json().error).toMatchObject({ code: "invalid_webhook_url", message: expect.stringMatching(/^url: /) });
    }
    const notUrl = await t.app.inject({ method: "POST", url: "/v1/webhooks", payload: { url: "not a url" }, headers });
    expect(notUrl.statusCode).toBe(400);
    const reporter = await t.app.inject({ method: "POST", url: "/v1/webhooks", payload: { url: "https://example.com/x" }, headers: await t.authHeader("reporter") });
    expect(reporter.statusCode).toBe(403);
  });

  it("lets a person's app register a guardian and read only alerts it is concerned by", async () => {
    const noKey = await t.app.inject({ method: "GET", url: "/v1/alerts" });
    expect(noKey.statusCode).toBe(401);
    const family = await t.authHeader("reporter");
    const guardian = (subject: string) => ({ subject, name: "Zhang Wei (son)", contact: { kind: "phone", value: "+8613800000000" } });
    const notYours = await t.app.inject({ method: "POST", url: "/v1/guardians", payload: guardian("cust-zhang-01"), headers: family });
    expect(notYours.statusCode).toBe(422);
    expect(notYours.json().error.code).toBe("subject_not_yours");
    const prefix = /start the subject with "(k_[^"]+:)"/.exec(notYours.json().error.message)?.[1] as string;
    const subject = `${prefix}zhang`;
    const g = await t.app.inject({ method: "POST", url: "/v1/guardians", payload: guardian(subject), headers: family });
    expect(g.statusCode).toBe(201);
    expect(g.json()).toMatchObject({ subject, relation: "family", id: expect.stringMatching(/^g_/) });
    // Someone else's app registering a guardian under the same subject string gets nothing from it.
    const snoop = await t.createKey("reporter", "snoop");
    const snooped = await t.app.inject({ method: "POST", url: "/v1/guardians", payload: guardian(subject), headers: { authorization: `Bearer ${snoop}` } });
    expect(snooped.statusCode).toBe(422);
    const bad = await t.app.inject({ method: "POST", url: "/v1/guardians", payload: { subject: "a b", name: "x", contact: { kind: "fax", value: "123" } }, headers: family });
    expect(bad.statusCode).toBe(400);

    const bank = await t.authHeader("institution");
    for (const event of zhang.events) {
      await t.app.inject({ method: "POST", url: `/v1/sessions/sess-guard-zhang/events?subject=${encodeURIComponent(subject)}&lang=en`, payload: event, headers: bank });
    }
    const seen = async (headers: { authorization: string }) =>
      (await t.app.inject({ method: "GET", url: "/v1/alerts", headers })).json().items as { decision: string; guardianIds: string[]; reasons: { en: string }[] }[];
    const bankAlerts = await seen(bank);
    expect(bankAlerts.map((a) => a.decision)).toEqual(["block", "hold"]); // one per escalation, newest first
    expect(bankAlerts[0]!.guardianIds).toEqual([g.json().id]);
    expect(bankAlerts[1]!.reasons[0]!.en).toContain("sharing your screen");
    expect((await seen(family)).map((a) => a.decision)).toEqual(["block", "hold"]);
    expect(await seen({ authorization: `Bearer ${await t.createKey("institution", "another bank")}` })).toEqual([]);
    expect((await seen(await t.authHeader("analyst"))).length).toBeGreaterThanOrEqual(2);

    const page = await t.app.inject({ method: "GET", url: "/v1/alerts?limit=1", headers: bank });
    const next = await t.app.inject({ method: "GET", url: `/v1/alerts?limit=1&cursor=${page.json().nextCursor}`, headers: bank });
    expect(next.json().items[0].decision).toBe("hold");
  });
});

for (const engine of testEngines()) describe(`signed webhook deliveries to an allowlisted local receiver [${engine}]`, () => {
  let t: TestApp;
  let receiver: Server;
  let port = 0;
  const received: { headers: IncomingHttpHeaders; body: string; status: number }[] = [];

  beforeAll(async () => {
    let calls = 0;
    receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        calls++;
        const status = calls === 1 ? 503 : 204; // the first attempt fails: the outbox must retry
        received.push({ headers: req.headers, body, status });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    port = (receiver.address() as AddressInfo).port;
    t = await startTestApp(engine, { env: { WEBHOOK_ALLOW_HOSTS: `127.0.0.1:${port}`, WEBHOOK_POLL_MS: "50" } });
  });
  afterAll(async () => {
    await t?.close();
    receiver?.close();
  });

  it("delivers each alert signed with HMAC-SHA256, retrying after a failure", async () => {
    const bank = await t.authHeader("institution");
    const hook = await t.app.inject({ method: "POST", url: "/v1/webhooks", payload: { url: `http://127.0.0.1:${port}/alerts` }, headers: bank });
    expect(hook.statusCode).toBe(201);
    const secret = hook.json().secret as string;
    expect(secret).toMatch(/^whsec_/);
    const listed = await t.app.inject({ method: "GET", url: "/v1/webhooks", headers: bank });
    expect(listed.json().items[0]).not.toHaveProperty("secret");

    const res = await t.app.inject({
      method: "POST",
      url: "/v1/transfers/screen",
      payload: { payer: { kind: "bank_account", value: "cust-xu-0001" }, payee: { kind: "bank_account", value: "6217000012345678901", name: "安全账户" }, amount: 6200, currency: "CNY", channel: "mobile_app" },
      headers: bank,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().decision).toBe("block");

    const deadline = Date.now() + 20_000;
    while (!received.some((r) => r.status === 204) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(received.map((r) => r.status)).toEqual([503, 204]);
    const ok = received[1]!;
    expect(ok.body).toBe(received[0]!.body);
    const [, ts, mac] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(ok.headers["x-scamguard-signature"])) ?? [];
    expect(mac).toBe(createHmac("sha256", secret).update(`${ts}.${ok.body}`).digest("hex"));
    const payload = JSON.parse(ok.body);
    expect(payload).toMatchObject({ type: "guardian.alert", alert: { source: "transfer", decision: "block", subject: "cust-xu-0001" } });
    await t.ctx.services.webhooks.worker.idle();
  });
});
