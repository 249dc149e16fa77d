/**
 * `POST /v1/sessions/:id/events` and `GET /v1/sessions/:id` through the real app, on PGlite and PostgreSQL:
 * validation names the field, only institutions (and admins) may send, every seed story is stopped before
 * the money moves, and a new app instance on the same database continues a session where it was.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type ReplayFixture, ReplayFixtureSchema } from "@scamguard/contracts";
import { replaySession } from "@scamguard/detect/session/index";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { describeBothEngines } from "../../packages/server/src/testing/test-app.js";

const fixture = (name: string): ReplayFixture =>
  ReplayFixtureSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, "../../packages/detect/data/replays", `${name}.json`), "utf8")));
const zhang = fixture("seed-zhang-jinshan-loan-agreement");
const at = "2026-07-05T10:00:00Z";

describeBothEngines("sessions", (t) => {
  const post = async (id: string, payload: unknown, role: "institution" | "reporter" | "admin" | null = "institution", query = "") =>
    t().app.inject({ method: "POST", url: `/v1/sessions/${id}/events${query}`, payload: payload as object, headers: role ? await t().authHeader(role) : {} });

  it("needs an institution key: none → 401, a reporter → 403", async () => {
    const call = { type: "call.ended", at };
    expect((await post("sess-auth-0001", call, null)).statusCode).toBe(401);
    const res = await post("sess-auth-0001", call, "reporter");
    expect(res.statusCode).toBe(403);
  });

  it("rejects unknown types, wrong field types and unknown fields, naming them", async () => {
    const unknownType = await post("sess-valid-0001", { type: "call.teleported", at });
    expect(unknownType.statusCode).toBe(400);
    expect(unknownType.json().error.code).toBe("validation_failed");
    expect(unknownType.json().error.message).toMatch(/^type: /);
    const wrongType = await post("sess-valid-0001", { type: "call.started", at, channel: "facetime", caller: { kind: "email", value: "a@icloud.com" }, known: "no" });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.message).toContain("known: ");
    const extra = await post("sess-valid-0001", { type: "otp.received", at, source: "95588", code: "123456" });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.message).toContain("code: unknown field");
    const badTime = await post("sess-valid-0001", { type: "screenshare.started", at: "yesterday" });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json().error.message).toContain("at: expected an ISO 8601 time with offset");
    const badId = await post("x", { type: "call.ended", at });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.message).toContain("id: expected 8-128 characters");
  });

  it("holds Ms. Zhang's session before the transfer and blocks the transfer, with reasons in both languages", async () => {
    const decisions: string[] = [];
    let last: { decision: string; reasons: { id: string; text: string; zh: string; en: string }[]; advice: { id: string }[] } | undefined;
    for (const event of zhang.events) {
      const res = await post("sess-zhang-0001", event, "institution", "?lang=en&subject=cust-zhang-01");
      expect(res.statusCode, res.body).toBe(200);
      last = res.json().decision;
      decisions.push(last!.decision);
    }
    const transfer = zhang.events.findIndex((e) => e.type === "transfer.initiated");
    expect(decisions.slice(0, transfer)).toContain("hold");
    expect(decisions[transfer]).toBe("block");
    expect(last!.reasons.map((r) => r.id)).toContain("transfer-to-safe-account");
    expect(last!.reasons[0]!.text).toBe(last!.reasons[0]!.en);
    expect(last!.reasons[0]!.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(last!.advice.map((a) => a.id)).toContain("call-110");

    const view = await t().app.inject({ method: "GET", url: "/v1/sessions/sess-zhang-0001?lang=en", headers: await t().authHeader("institution") });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ sessionId: "sess-zhang-0001", events: zhang.events.length, decision: { decision: "block" } });
    expect(view.json().facts["call.stranger-facetime"]).toBe(zhang.events[0]!.at);

    const bank = await t().ctx.services.apiKeys.authenticate((await t().authHeader("institution")).authorization.slice("Bearer ".length));
    const history = await t().ctx.services.sessions.history("sess-zhang-0001", bank!);
    expect(history).toHaveLength(zhang.events.length * 2);
    expect(history.filter((h) => h.kind === "decision").map((h) => (h.payload as { decision: string }).decision)).toEqual(decisions);
  });

  it("keeps sessions apart: the same id from another institution is its own session, so nobody can squat an id; an admin may look", async () => {
    await post("sess-owned-0001", { type: "call.ended", at });
    const other = { authorization: `Bearer ${await t().createKey("institution", "another bank")}` };
    const res = await t().app.inject({ method: "GET", url: "/v1/sessions/sess-owned-0001", headers: other });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("session_not_found");
    // B "squats" A's next predictable id first; A still gets its own session, with its own first event.
    const squat = await t().app.inject({ method: "POST", url: "/v1/sessions/sess-owned-0002/events", payload: { type: "call.ended", at }, headers: other });
    expect(squat.statusCode).toBe(200);
    const mine = await post("sess-owned-0002", { type: "call.ended", at });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().seq).toBe(1);
    const admin = await t().app.inject({ method: "GET", url: "/v1/sessions/sess-owned-0001", headers: await t().authHeader("admin") });
    expect(admin.statusCode).toBe(200);
  });

  it("continues a session on a new app instance over the same database, exactly as if never restarted", async () => {
    const straight = replaySession(zhang.events, { lang: "zh" }).steps.map((s) => s.decision);
    const half = Math.floor(zhang.events.length / 2);
    for (const event of zhang.events.slice(0, half)) expect((await post("sess-restart-01", event)).statusCode).toBe(200);
    const second = await t().withEnv({});
    const headers = await t().authHeader("institution");
    for (const [i, event] of zhang.events.slice(half).entries()) {
      const res = await second.inject({ method: "POST", url: "/v1/sessions/sess-restart-01/events", payload: event, headers });
      expect(res.statusCode).toBe(200);
      expect(res.json().seq).toBe(half + i + 1);
      expect(res.json().decision).toEqual(straight[half + i]);
    }
  });

  it("keeps the event log append-only", async () => {
    await post("sess-append-01", { type: "call.ended", at });
    const error = await t().ctx.database.db.execute(sql`UPDATE session_events SET kind = 'event'`).then(() => null, (e: unknown) => e as Error & { cause?: Error });
    expect(`${error?.message} ${error?.cause?.message}`).toContain("session_events is append-only (UPDATE refused)");
  });
});

describe("session fixtures", () => {
  it("has Ms. Zhang's transfer in it", () => expect(zhang.events.some((e) => e.type === "transfer.initiated")).toBe(true));
});
