/**
 * A reporter withdraws their own report, on PGlite and PostgreSQL: its reputation effect is gone from the
 * plain and the range lookup (and from another process on the same PostgreSQL), the report and the
 * withdrawal stay as the audit trail, nobody else can withdraw it.
 */
import { expect, it } from "vitest";
import { findInRange, identifierHash, rangePrefix } from "@scamguard/detect";
import { describeBothEngines } from "../../packages/server/src/testing/test-app.js";

const NUMBER = "+8617099887766";

describeBothEngines("report withdrawal", (t, engine) => {
  const bearer = async () => `Bearer ${await t().createKey("reporter")}`;
  const file = async (authorization: string, text: string) => {
    const res = await t().app.inject({ method: "POST", url: "/v1/reports", headers: { authorization }, payload: { identifiers: [{ kind: "phone", value: NUMBER }], text } });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const withdraw = (authorization: string, id: string, payload: object = {}) =>
    t().app.inject({ method: "POST", url: `/v1/reports/${id}/withdrawal`, headers: { authorization }, payload });
  const lookup = async () => (await t().app.inject({ method: "GET", url: `/v1/lookup?kind=phone&value=${encodeURIComponent(NUMBER)}` })).json();
  const rangeEntry = async () => {
    const hash = identifierHash("phone", NUMBER) as string;
    return findInRange((await t().app.inject({ method: "GET", url: `/v1/lookup/range/${rangePrefix(hash)}` })).json(), hash);
  };

  it("refuses strangers (404 as for reading), bad bodies (400) and a second withdrawal (409); the effect goes, the audit stays", async () => {
    const [alice, bob] = [await bearer(), await bearer()];
    const mine = await file(alice, "自称京东客服要我共享屏幕");
    await file(bob, "京东金融客服说要注销账户");
    expect(await lookup()).toMatchObject({ distinctReporters: 2 });
    expect(await rangeEntry()).toMatchObject({ reporters: 2 });

    expect((await t().app.inject({ method: "POST", url: `/v1/reports/${mine}/withdrawal`, payload: {} })).statusCode).toBe(401);
    const stranger = await withdraw(bob, mine);
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().error.code).toBe("report_not_found");
    const long = await withdraw(alice, mine, { reason: "x".repeat(501) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toBe("reason: at most 500 characters");
    expect((await withdraw(alice, "rpt_nonexistent")).statusCode).toBe(404);

    const done = await withdraw(alice, mine, { reason: "wrong number, sorry" });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ id: mine, reason: "wrong number, sorry" });
    expect((await withdraw(alice, mine)).json().error.code).toBe("already_withdrawn");

    expect(await lookup()).toMatchObject({ distinctReporters: 1, reports: 1 });
    expect(await rangeEntry()).toMatchObject({ reporters: 1 });
    // The report is still there for its filer, marked.
    const read = await t().app.inject({ method: "GET", url: `/v1/reports/${mine}`, headers: { authorization: alice } });
    expect(read.json()).toMatchObject({ id: mine, text: "自称京东客服要我共享屏幕", withdrawnAt: done.json().withdrawnAt });
  });

  it("keeps the withdrawal after a restart, and the log of withdrawals is append-only", async () => {
    const other = await t().withEnv({});
    const answer = (await other.inject({ method: "GET", url: `/v1/lookup?kind=phone&value=${encodeURIComponent(NUMBER)}` })).json();
    expect(answer).toMatchObject({ distinctReporters: 1 });
    const refused = await t().ctx.database.db.execute("update report_withdrawals set reason = 'changed'" as never).then(() => null, (error: Error) => error);
    expect(String((refused?.cause as Error | undefined)?.message ?? refused?.message)).toMatch(/report_withdrawals is append-only/);
  });

  if (engine === "postgres") {
    it("reaches another server process on the same database by notification", async () => {
      const other = await t().withEnv({});
      const reporters = async () => (await other.inject({ method: "GET", url: `/v1/lookup?kind=phone&value=${encodeURIComponent(NUMBER)}` })).json().distinctReporters;
      const until = async (wanted: number) => {
        for (let i = 0; i < 100 && (await reporters()) !== wanted; i++) await new Promise((r) => setTimeout(r, 100));
        return reporters();
      };
      expect(await until(1)).toBe(1);
      const carol = await bearer();
      const id = await file(carol, "冒充银行客服");
      expect(await until(2)).toBe(2);
      expect((await withdraw(carol, id)).statusCode).toBe(200);
      expect(await until(1)).toBe(1);
    });
  }
});
