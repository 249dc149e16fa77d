/** Large money amounts named in the text (any language): weak on their own, telling beside a transfer. */
import type { Signal } from "@scamguard/contracts";
import { findAmounts } from "../text/amount.js";
import { toOriginalSpan } from "../text/normalize.js";
import type { Detector } from "../types.js";
import { signalLabel } from "./labels.js";

/** Amounts at or above this (yuan or dollars alike) count as large. @example findAmounts("两万元")[0].value >= LARGE_AMOUNT // true */
export const LARGE_AMOUNT = 10_000;

/**
 * Emits `money:large-amount` for every amount ≥ {@link LARGE_AMOUNT} ("1.63万元", "¥20,000", "两万块").
 * @example amountDetector.detect({ text: normalize("转账两万元"), lang: "zh" })[0].id // "money:large-amount"
 */
export const amountDetector: Detector = {
  id: "amount",
  applies: () => true,
  detect(ctx) {
    const large = findAmounts(ctx.text.normalized).filter((a) => a.value >= LARGE_AMOUNT);
    if (large.length === 0) return [];
    const signal: Signal = {
      id: "money:large-amount",
      family: "money",
      stage: null,
      weight: 0.2,
      description: signalLabel("money:large-amount", ctx.lang, "Names a large amount of money"),
      evidence: large.slice(0, 8).map((a) => toOriginalSpan(ctx.text, a.start, a.end)),
    };
    return [signal];
  },
};
