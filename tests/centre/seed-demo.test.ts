/**
 * The demo seed (`scamguard seed-demo` runs the same function): everything it creates goes through the public
 * routes, so the console's statistics and the case show exactly what was seeded.
 */
import { expect, it } from "vitest";
import { DEMO_REPORTS, seedCentreDemo } from "../../packages/server/src/demo/seed-centre.js";
import { describeBothEngines } from "../../packages/server/src/testing/test-app.js";

describeBothEngines("demo seed for the anti-fraud centre", (t) => {
  it("seeds reports, a case confirming its payee and an answered freeze request, visible through the API", async () => {
    const seeded = await seedCentreDemo(t().app);
    const analyst = { authorization: `Bearer ${seeded.keys.analyst}` };
    const modes = (await t().app.inject({ method: "GET", url: "/v1/stats/modes", headers: analyst })).json();
    expect(modes.total).toBe(DEMO_REPORTS.length);
    const losses = (await t().app.inject({ method: "GET", url: "/v1/stats/losses?bucket=month", headers: analyst })).json();
    const total = losses.points.reduce((n: number, p: { lossAmount: number }) => n + p.lossAmount, 0);
    expect(total).toBe(DEMO_REPORTS.reduce((n, r) => n + r.loss, 0));
    const detail = (await t().app.inject({ method: "GET", url: `/v1/cases/${seeded.caseId}`, headers: analyst })).json();
    expect(detail.freezeRequests).toMatchObject([{ id: seeded.freezeRequestId, state: "partially_frozen", answer: { amount: 32000 } }]);
    const lookup = (await t().app.inject({ method: "GET", url: `/v1/lookup?kind=bank_account&value=${DEMO_REPORTS[0].payee}` })).json();
    expect(lookup).toMatchObject({ verdict: "scam", distinctReporters: 3, confirmation: { caseId: seeded.caseId } });
    const bank = await t().app.inject({ method: "GET", url: "/v1/freeze-requests", headers: { authorization: `Bearer ${seeded.keys.bank}` } });
    expect(bank.json().items).toHaveLength(1);
  });
});
