/**
 * Calling-pattern flags in the reputation store, through the HTTP surface on both engines: who may read
 * and clear them, what lookup and transfer screening say about a flagged number (a signal: suspicious at
 * most, with the why), the analyst's audited clear, and official numbers never stored.
 */
import type { CallFlag } from "@scamguard/contracts";
import { beforeAll, expect, it } from "vitest";
import { recordCallFlags } from "../../packages/server/src/commands/record-call-flags.js";
import { describeBothEngines } from "../../packages/server/src/testing/test-app.js";

const CALLER = "+8613512345678";
const flag = (caller: string, over: Partial<CallFlag> = {}): CallFlag => ({
  caller,
  score: 0.91,
  kind: "scam_like",
  reasons: ["812 calls to 790 different numbers in 24 h", "none of 64 sampled callees called back", "71% of answered calls ended within 10 s (people hang up)"],
  window: { start: "2026-11-30T16:00:00.000Z", end: "2026-12-01T16:00:00.000Z", length: "24h" },
  evidence: {
    calls: 812,
    distinctCallees: 790,
    unansweredRatio: 0.64,
    shortCallRatio: 0.71,
    nightShare: 0.2,
    reciprocity: 0,
    repeatRatio: 0.027,
    meanTalkSeconds: 140,
    peakHourCalls: 160,
    peakHourStart: "2026-12-01T02:00:00.000Z",
    activeHours: 14,
    burstiness: 2.8,
    simBlock: null,
  },
  ...over,
});

describeBothEngines("calling-pattern flags", (t) => {
  const get = async (caller: string, role?: "reporter" | "institution" | "analyst") =>
    t().app.inject({ method: "GET", url: `/v1/flags/${encodeURIComponent(caller)}`, headers: role ? await t().authHeader(role) : {} });
  const clear = async (caller: string, reason: unknown, role: "institution" | "analyst" = "analyst") =>
    t().app.inject({ method: "POST", url: `/v1/flags/${encodeURIComponent(caller)}/clear`, headers: await t().authHeader(role), payload: { reason } });
  const lookup = async (value: string) => (await t().app.inject({ method: "GET", url: `/v1/lookup?kind=phone&value=${encodeURIComponent(value)}` })).json();

  beforeAll(async () => {
    const stored = await recordCallFlags(t().ctx.rootDb, [flag(CALLER), flag("95588"), flag("+8613500000001", { kind: "harassing", score: 0.3 })]);
    expect(stored).toBe(2); // the official number is never stored
    expect(await recordCallFlags(t().ctx.rootDb, [flag(CALLER)])).toBe(0); // the same window again adds nothing
    await t().ctx.services.reputation.catchUp();
  });

  it("needs an institution or analyst key, a phone number, and a flagged one", async () => {
    expect((await get(CALLER)).statusCode).toBe(401);
    expect((await get(CALLER, "reporter")).statusCode).toBe(403);
    const bad = await get("not-a-number", "institution");
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: "invalid_identifier", message: "caller: not a phone number" });
    const none = await get("+8613900000000", "institution");
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe("flag_not_found");
    expect((await get("95588", "analyst")).statusCode).toBe(404);
  });

  it("shows the flag with its evidence, window and when it was raised, under any spelling of the number", async () => {
    const res = await get("+86 135 1234 5678", "institution");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ caller: CALLER, status: "active", flag: { kind: "scam_like", evidence: { calls: 812, reciprocity: 0 } } });
    expect(body.flag.window).toEqual({ start: "2026-11-30T16:00:00.000Z", end: "2026-12-01T16:00:00.000Z", length: "24h" });
    expect(Date.parse(body.raisedAt)).toBeGreaterThan(0);
    expect(body.events).toHaveLength(1);
  });

  it("makes lookup and transfer screening show the number as suspicious (a signal, not a verdict), saying why", async () => {
    const answer = await lookup(CALLER);
    expect(answer.verdict).toBe("suspicious");
    expect(answer.sources).toContainEqual({ source: "cdr", reports: 1, firstSeen: "2026-11-30T16:00:00.000Z", lastSeen: "2026-12-01T16:00:00.000Z" });
    expect(answer.reasons.join("\n")).toContain("call records show a scam-like calling pattern in the 24 h from 2026-11-30T16:00Z: 812 calls to 790 different numbers");
    expect((await lookup("95588")).verdict).toBe("official");
    const screened = await t().app.inject({
      method: "POST",
      url: "/v1/transfers/screen",
      headers: await t().authHeader("institution"),
      payload: { payee: { kind: "phone", value: CALLER }, amount: 500, currency: "CNY", channel: "mobile_app" },
    });
    expect(screened.statusCode).toBe(200);
    expect(screened.json().payeeReputation).toBe("suspicious");
  });

  it("lets only analysts clear a flag, with a reason, as an audited event; lookup follows at once", async () => {
    expect((await clear(CALLER, "courier depot", "institution")).statusCode).toBe(403);
    const short = await clear(CALLER, "ok");
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toMatch(/reason/);
    const done = await clear(CALLER, "courier depot, numbers verified with the operator");
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: "cleared", events: [{ type: "cleared", reason: "courier depot, numbers verified with the operator", flag: null }, { type: "raised" }] });
    const again = await clear(CALLER, "courier depot, numbers verified with the operator");
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("flag_not_active");
    const answer = await lookup(CALLER);
    expect(answer.verdict).toBe("unknown");
    expect(answer.sources).toEqual([]);
    expect((await get(CALLER, "analyst")).json().status).toBe("cleared");
  });
});
