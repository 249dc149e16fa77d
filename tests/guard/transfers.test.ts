/**
 * `POST /v1/transfers/screen` through the real app on both engines: who may call it, validation, payee
 * reputation from reports, payer bursts, a linked kill-chain session, and the guardian alert a block raises.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ReplayFixtureSchema } from "@scamguard/contracts";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeBothEngines } from "../../packages/server/src/testing/test-app.js";
import { reportedPayee } from "../helpers/reported-payee.js";

const weilidai = ReplayFixtureSchema.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, "../../packages/detect/data/replays/seed-l-weilidai-wechat-cs.json"), "utf8")),
);
const body = (over: Record<string, unknown> = {}) => ({
  payee: { kind: "bank_account", value: "6222020000111100002" },
  amount: 2000,
  currency: "CNY",
  channel: "mobile_app",
  ...over,
});

describeBothEngines("transfer screening", (t) => {
  const screen = async (payload: unknown, role: "institution" | "reporter" | null = "institution") =>
    t().app.inject({ method: "POST", url: "/v1/transfers/screen", payload: payload as object, headers: role ? await t().authHeader(role) : {} });

  it("needs an institution key and a valid body", async () => {
    expect((await screen(body(), null)).statusCode).toBe(401);
    expect((await screen(body(), "reporter")).statusCode).toBe(403);
    const bad = await screen(body({ amount: -5 }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^amount: /);
    const currency = await screen(body({ currency: "yuan" }));
    expect(currency.json().error.message).toContain("currency: expected an ISO 4217 code");
  });

  it("allows an ordinary transfer to a known payee", async () => {
    const res = await screen(body({ payeeKnown: true }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ decision: "allow", risk: "low", reasons: [], payeeReputation: "unknown", sessionId: null });
  });

  it("holds a transfer to a payee with scam reports against it", async () => {
    const payee = await reportedPayee(t(), "6230580000999988887");
    const res = await screen(body({ payee }));
    expect(res.statusCode).toBe(200);
    expect(["suspicious", "scam"]).toContain(res.json().payeeReputation);
    expect(["hold", "block"]).toContain(res.json().decision);
    expect(res.json().reasons[0].id).toMatch(/^transfer-to-(suspicious|reported)-payee$/);
  });

  it("cools off the third transfer of one payer within minutes, per institution", async () => {
    const payer = { kind: "bank_account", value: "6222 0000 5555 0001" };
    const t0 = Date.parse("2026-07-05T08:00:00Z");
    const decisions: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await screen(body({ payer, amount: 900 + i, at: new Date(t0 + i * 60_000).toISOString(), payee: { kind: "phone", value: `+8613900000${100 + i}` } }));
      decisions.push(res.json().decision);
    }
    expect(decisions).toEqual(["allow", "allow", "cooling_off"]);
  });

  it("keeps an audit row of every screening, allowed and cooled-off alike, on either engine", async () => {
    const payer = { kind: "bank_account", value: "6222 0000 5555 0777" };
    const t0 = Date.parse("2026-07-06T08:00:00Z");
    const decisions: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await screen(body({ payer, amount: 700 + i, at: new Date(t0 + i * 60_000).toISOString(), payee: { kind: "phone", value: `+8613900000${200 + i}` } }));
      decisions.push(res.json().decision);
    }
    expect(decisions).toEqual(["allow", "allow", "cooling_off"]);
    // Allowed and cooled-off rows are written behind the answer: flushed here instead of waiting for the timer.
    await t().ctx.services.transfers.writer.flush();
    const rows = await t().ctx.database.rows<{ decision: string; amount: number }>(
      sql`select decision, amount from transfer_screenings where payer = '6222000055550777' order by amount`,
    );
    expect(rows.map((r) => r.decision)).toEqual(decisions);
  });

  it("writes the audit rows queued before a hold in the hold's own commit: there when the hold is answered", async () => {
    const payee = await reportedPayee(t(), "6230580000777766665");
    const allowed = await screen(body({ payer: { kind: "bank_account", value: "6222000055550888" }, payeeKnown: true }));
    expect(allowed.json().decision).toBe("allow");
    const held = await screen(body({ payee }));
    expect(["hold", "block"]).toContain(held.json().decision);
    // No flush: the allowed row was queued for the log and left in the hold's statement.
    const rows = await t().ctx.database.rows<{ decision: string }>(sql`select decision from transfer_screenings where payer = '6222000055550888'`);
    expect(rows.map((r) => r.decision)).toEqual(["allow"]);
  });

  it("blocks a transfer inside a kill-chain session and raises a guardian alert; an unknown session is 404", async () => {
    const headers = await t().authHeader("institution");
    const beforeTransfer = weilidai.events.filter((e) => e.type !== "transfer.initiated");
    for (const event of beforeTransfer) {
      const res = await t().app.inject({ method: "POST", url: "/v1/sessions/sess-weilidai-01/events?subject=cust-l-0001", payload: event, headers });
      expect(res.statusCode).toBe(200);
    }
    const res = await screen(body({ sessionId: "sess-weilidai-01", amount: 30000, payeeKnown: false, at: "2026-06-12T14:41:00+08:00", payee: { kind: "bank_account", value: "6228480000111122223" } }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ decision: "block", risk: "critical", stage: "money", sessionId: "sess-weilidai-01" });
    expect(res.json().reasons.map((r: { id: string }) => r.id)).toContain("transfer-to-safe-account");
    const alerts = await t().app.inject({ method: "GET", url: "/v1/alerts?limit=10", headers });
    const mine = alerts.json().items.filter((a: { subject: string }) => a.subject === "cust-l-0001");
    expect(mine.map((a: { source: string; decision: string }) => `${a.source}:${a.decision}`)).toEqual(["transfer:block", "session:hold"]);
    const missing = await screen(body({ sessionId: "sess-nobody-0001" }));
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe("sessionId: no session sess-nobody-0001");
  });
});
