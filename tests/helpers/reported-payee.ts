/** A bank account with a scam report filed through the API, as a payee a screening then holds. */
import { expect } from "vitest";
import type { TestApp } from "../../packages/server/src/testing/test-app.js";

export async function reportedPayee(t: TestApp, value: string): Promise<{ kind: "bank_account"; value: string }> {
  const payee = { kind: "bank_account" as const, value };
  const report = await t.app.inject({
    method: "POST",
    url: "/v1/reports",
    payload: { identifiers: [payee], text: "冒充客服让我转到这个安全账户", channel: "facetime" },
    headers: await t.authHeader("reporter"),
  });
  expect(report.statusCode).toBe(201);
  return payee;
}
