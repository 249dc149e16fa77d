/**
 * Domain counters on `/metrics`, beside the HTTP ones (same per-app registry): verdicts by risk, reports filed,
 * guard decisions (holds and blocks among them) by source, review actions, freeze requests sent, and freeze
 * requests by state — a gauge read from the database at scrape time, so it is right across processes.
 * Counters are per process (Prometheus sums them across instances).
 */
import { Counter, Gauge, Registry } from "prom-client";
import type { CoreContext } from "../context.js";
import type { Db } from "../db/client.js";
import { createCaseStore } from "./case-store.js";

export interface DomainMetrics {
  verdict(risk: string): void;
  reportFiled(): void;
  /** A guard decision (`allow` … `block`) answered for a session event or a transfer screening. */
  decision(source: "session" | "transfer", decision: string): void;
  review(action: string): void;
  freezeRequested(): void;
}

function build(ctx: CoreContext): DomainMetrics {
  // The registry installMetrics (http/metrics.ts) exposes: one per app.
  const registry = ctx.singleton("metrics-registry", () => new Registry());
  const registers = [registry];
  const verdicts = new Counter({ name: "scamguard_verdicts_total", help: "Texts analysed, by risk level of the verdict", labelNames: ["risk"], registers });
  const reports = new Counter({ name: "scamguard_reports_total", help: "Reports filed (duplicates not counted)", registers });
  const decisions = new Counter({
    name: "scamguard_guard_decisions_total",
    help: "Guard decisions answered (hold and block are the interventions), by source: session events or transfer screening",
    labelNames: ["source", "decision"],
    registers,
  });
  const reviews = new Counter({ name: "scamguard_reviews_total", help: "Review actions of the anti-fraud centre that changed a status", labelNames: ["action"], registers });
  const freezes = new Counter({ name: "scamguard_freeze_requests_created_total", help: "Freeze requests sent to banks", registers });
  const store = createCaseStore(ctx.rootDb);
  new Gauge({
    name: "scamguard_freeze_requests",
    help: "Freeze requests by state, from the database at scrape time",
    labelNames: ["state"],
    registers,
    async collect() {
      this.reset();
      for (const { state, count } of await store.freezeCountsByState()) this.set({ state }, count);
    },
  });
  return {
    verdict: (risk) => verdicts.inc({ risk }),
    reportFiled: () => reports.inc(),
    decision: (source, decision) => decisions.inc({ source, decision }),
    review: (action) => reviews.inc({ action }),
    freezeRequested: () => freezes.inc(),
  };
}

export function createDomainMetrics(_db: Db, ctx: CoreContext): DomainMetrics {
  return ctx.singleton("domain-metrics", () => build(ctx));
}
