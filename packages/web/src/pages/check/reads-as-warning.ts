import type { Verdict } from "@scamguard/contracts";

/**
 * A low verdict on a text recognised as an anti-fraud warning that names the tactics it warns about (a police
 * or bank reminder: "凡是要求您共享屏幕、转账到安全账户的，都是诈骗"). Its cues are the tactics described, so
 * the page says so first, instead of "no scam tactics found" above a list of "asks to transfer to a safe
 * account" that a reader takes for what the text asks of them.
 */
export function readsAsWarning(verdict: Pick<Verdict, "risk" | "signals">): boolean {
  return (
    verdict.risk === "low" &&
    verdict.signals.some((s) => s.id === "protective:anti-fraud-warning") &&
    verdict.signals.some((s) => s.family !== "protective")
  );
}
