/**
 * Holds and blocks of `POST /v1/transfers/screen` are durable once answered: their screening row and
 * guardian alert are committed before the response (not written behind it), so a crash right after the
 * answer loses neither; if they cannot be written the caller gets a 503, never an unrecorded hold.
 */
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { createTransferScreeningService } from "../../packages/server/src/services/transfer-screening.js";
import { describeBothEngines } from "../../packages/server/src/testing/test-app.js";
import { reportedPayee as reportPayee } from "../helpers/reported-payee.js";

describeBothEngines("transfer screening durability", (t) => {
  const reportedPayee = (value: string) => reportPayee(t(), value);
  const body = (payee: object, payer: string) => ({
    payer: { kind: "bank_account", value: payer },
    payee,
    amount: 5000,
    currency: "CNY",
    channel: "mobile_app",
  });

  it("a hold is in the database the moment it is answered, and a new app instance sees its alert", async () => {
    const payee = await reportedPayee("6230580000777766665");
    const headers = await t().authHeader("institution");
    const res = await t().app.inject({ method: "POST", url: "/v1/transfers/screen", payload: body(payee, "6222000011112222"), headers });
    expect(res.statusCode).toBe(200);
    expect(["hold", "block"]).toContain(res.json().decision);
    // No flush, no timer, no close: what was acknowledged must already be committed.
    const rows = await t().ctx.database.rows<{ decision: string }>(
      sql`select decision from transfer_screenings where payer = '6222000011112222'`,
    );
    expect(rows.map((r) => r.decision)).toEqual([res.json().decision]);
    const second = await t().withEnv({});
    const alerts = await second.inject({ method: "GET", url: "/v1/alerts?limit=50", headers });
    const mine = alerts.json().items.filter((a: { subject: string }) => a.subject === "6222000011112222");
    expect(mine.map((a: { source: string; decision: string }) => `${a.source}:${a.decision}`)).toEqual([`transfer:${res.json().decision}`]);
  });

  it("answers 503 instead of a hold that could not be recorded", async () => {
    const payee = await reportedPayee("6230580000555544443");
    const failing = await t().withEnv(
      {},
      {
        services: {
          transfers: (db, ctx) => {
            const real = createTransferScreeningService(db, ctx);
            const writer = Object.create(real.writer) as typeof real.writer;
            writer.persist = () => Promise.reject(new Error("disk full"));
            return { ...real, writer };
          },
        },
      },
    );
    const headers = await t().authHeader("institution");
    const res = await failing.inject({ method: "POST", url: "/v1/transfers/screen", payload: body(payee, "6222000033334444"), headers });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe("screening_not_recorded");
    const allowed = await failing.inject({
      method: "POST",
      url: "/v1/transfers/screen",
      payload: { ...body({ kind: "bank_account", value: "6222020000111100009" }, "6222000055556666"), payeeKnown: true },
      headers,
    });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json().decision).toBe("allow");
  });
});
