/** Freeze requests as a list: bank, payee, amount, state in words, countdown or answer. Used by cases, the console and the bank inbox. */
import type { FreezeRequest } from "@scamguard/contracts";
import type { ReactNode } from "react";
import { Countdown } from "../../components/countdown.js";
import { institutionById } from "../../components/institutions.js";
import { useI18n } from "../../i18n/i18n.js";

export function FreezeList({ items, actions }: { items: FreezeRequest[]; actions?: (request: FreezeRequest) => ReactNode }) {
  const { t, name } = useI18n();
  if (items.length === 0) return <p>{t("freeze.none")}</p>;
  return (
    <ul className="freeze-list" data-testid="freeze-list">
      {items.map((request) => {
        const bank = institutionById(request.institution);
        const final = request.answer !== null;
        return (
          <li key={request.id} className={`freeze ${request.overdue ? "is-overdue" : ""}`} data-testid="freeze-request">
            <p>
              <strong>{bank ? name(bank.name) : request.institution}</strong> · <code>{request.payee.normalized}</code> · {request.amount.amount.toLocaleString()}{" "}
              {request.amount.currency}
            </p>
            <p>
              <span className={`state state-${request.state}`} data-testid="freeze-state">
                {t(`freeze.state.${request.state}`)}
              </span>{" "}
              <Countdown deadline={request.deadlineAt} done={final} />
              {request.answer && (
                <span className="small">
                  {" "}
                  · {request.answer.amount !== null ? `${request.answer.amount.toLocaleString()} ${request.amount.currency} · ` : ""}
                  {request.answer.reason ? `${request.answer.reason} · ` : ""}
                  {t("freeze.answeredIn", { minutes: Math.round(request.answer.minutesToAnswer) })}
                  {request.answer.late ? ` · ${t("freeze.overdue")}` : ""}
                </span>
              )}
            </p>
            {request.note && <p className="small">{request.note}</p>}
            <p className="small">
              {request.id} · {new Date(request.createdAt).toLocaleString()}
            </p>
            {actions?.(request)}
          </li>
        );
      })}
    </ul>
  );
}
