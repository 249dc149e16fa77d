/** A risk level as a person reads it: colour AND word AND icon, never colour alone. */
import { RISK_LEVELS, type RiskLevel } from "@scamguard/contracts";
import { useI18n } from "../i18n/i18n.js";

const ICONS: Record<RiskLevel, string> = { critical: "⛔", high: "⚠️", medium: "❗", low: "ℹ️" };

export function RiskBadge({ risk, testId }: { risk: RiskLevel; testId?: string }) {
  const { name } = useI18n();
  return (
    <span className={`risk risk-${risk}`} data-testid={testId}>
      <span aria-hidden="true">{ICONS[risk]}</span> {name(RISK_LEVELS.names[risk])}
    </span>
  );
}

/** A phone number as a link that dials it; only ever official numbers, never one from the text. */
export function Tel({ number, label }: { number: string; label?: string }) {
  return (
    <a className="tel" href={`tel:${number.replace(/[^\d+]/g, "")}`}>
      {label ?? number}
    </a>
  );
}
