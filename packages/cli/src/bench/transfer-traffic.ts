/**
 * The transfer-screening bench's traffic, one definition for `bench transfers` and scripts/ab-bench-transfer.ts:
 * 20,000 request bodies drawn with a fixed seed (5,000 payers, 2,000 payees, 30 % round sums, 30 % new payees)
 * and the first 40 payees reported by three reporters each, as the reputation index holds them after real reports.
 */
import { normalizeIdentifier } from "@scamguard/detect/identifiers/index";
import type { ReportMark } from "@scamguard/server/services/lookup-index";

export const PAYEES = 2_000;
export const REPORTED = 40;
export const PAYERS = 5_000;

/** Deterministic pseudo-random numbers, so every run screens the same traffic. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const payees = Array.from({ length: PAYEES }, (_, i) => `62220${String(100000000000 + i * 7919).padStart(14, "0")}`);

/** The request bodies, as JSON text. */
export function transferBodies(count = 20_000): string[] {
  const random = lcg(42);
  return Array.from({ length: count }, () => {
    const payee = payees[Math.floor(random() * PAYEES)] as string;
    const round = random() < 0.3;
    return JSON.stringify({
      payer: { kind: "bank_account", value: `cust-${Math.floor(random() * PAYERS)}` },
      payee: { kind: "bank_account", value: payee },
      amount: round ? Math.ceil(random() * 50) * 1000 : Math.round(random() * 500000) / 100 + 1,
      currency: "CNY",
      channel: "mobile_app",
      payeeKnown: random() < 0.7,
    });
  });
}

/** What seeding needs of an app: its reputation index (any checkout's). */
interface ReputationIndexHolder {
  ctx: { services: { reputation: { index: { applyReport(report: ReportMark): unknown } } } };
}

/** Reports the first REPORTED payees from three reporters each, straight into the app's reputation index. */
export function seedReportedPayees(app: ReputationIndexHolder): void {
  for (const value of payees.slice(0, REPORTED)) {
    const key = normalizeIdentifier("bank_account", value);
    if (!key.ok) throw new Error(`bench payee ${value}: ${key.error}`);
    for (let r = 0; r < 3; r++) {
      app.ctx.services.reputation.index.applyReport({
        kind: "bank_account",
        normalized: key.normalized,
        reporterId: `k${r}`,
        role: "reporter",
        atMs: Date.now(),
        mode: "impersonate_customer_service",
      });
    }
  }
}
