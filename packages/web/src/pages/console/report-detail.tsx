/**
 * One report as the analyst reviews it: the text with the engine's evidence marked, the verdict, the
 * filer's role, each identifier with its evidence level, the other reports naming it and what it was
 * named with, and the review controls. Keyboard: c / w choose confirm / withdraw on the first
 * identifier and move to its reason.
 */
import { FRAUD_MODES, IDENTIFIER_KINDS, PLAYBOOK_STAGES, type ReportDetail } from "@scamguard/contracts";
import { useEffect } from "react";
import { Link } from "wouter";
import { RiskBadge } from "../../components/risk.js";
import { useI18n } from "../../i18n/i18n.js";
import { HighlightedText } from "../check/highlighted-text.js";
import { ReviewControls } from "./review-controls.js";
import { useLoad } from "./use-load.js";

export function ReportDetailPage({ id, apiKey }: { id: string; apiKey: string }) {
  const { t, name } = useI18n();
  const { data: report, error, reload } = useLoad<ReportDetail>(`/v1/reports/${encodeURIComponent(id)}/detail`, apiKey);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) return;
      if (event.key !== "c" && event.key !== "w") return;
      const radio = document.querySelector<HTMLInputElement>(`[data-testid="review-form"] input[data-shortcut="${event.key}"]`);
      if (!radio) return;
      event.preventDefault();
      radio.click();
      radio.closest("form")?.querySelector<HTMLInputElement>('input[type="text"]')?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  if (error) return <p className="error">{error}</p>;
  if (!report) return <p>{t("common.loading")}</p>;
  return (
    <article className="report-detail" data-testid="report-detail">
      <p>
        <Link href="/console/reports">← {t("detail.back")}</Link>
      </p>
      <h2>{t("detail.title", { id: report.id })}</h2>
      <dl className="facts">
        <dt>{t("queue.status")}</dt>
        <dd>{t(`status.${report.status}`)}</dd>
        <dt>{t("detail.filer")}</dt>
        <dd>{t(`role.${report.filerRole}`)}</dd>
        <dt>{t("queue.filed")}</dt>
        <dd>{new Date(report.createdAt).toLocaleString()}</dd>
        {report.channel && (
          <>
            <dt>{t("queue.channel")}</dt>
            <dd>{t(`channel.${report.channel}`)}</dd>
          </>
        )}
        {report.loss && (
          <>
            <dt>{t("queue.loss")}</dt>
            <dd>
              {report.loss.amount.toLocaleString()} {report.loss.currency}
            </dd>
          </>
        )}
      </dl>
      {report.verdict && (
        <section>
          <h3>{t("detail.verdict")}</h3>
          <p>
            <RiskBadge risk={report.verdict.risk} /> {report.verdict.mode ? name(FRAUD_MODES.names[report.verdict.mode]) : ""}
            {report.verdict.stage ? ` · ${name(PLAYBOOK_STAGES.names[report.verdict.stage])}` : ""}
          </p>
        </section>
      )}
      {report.text && (
        <section>
          <h3>{t("detail.text")}</h3>
          <HighlightedText text={report.text} signals={report.verdict?.signals ?? []} />
        </section>
      )}
      <section>
        <h3>{t("detail.identifiers")}</h3>
        <ul className="related">
          {report.related.map((item) => (
            <li key={`${item.kind}:${item.normalized}`} className={`rep rep-${item.lookup.verdict}`} data-testid="related-identifier">
              <span className="kind">{name(IDENTIFIER_KINDS.names[item.kind])}</span> <code>{item.normalized}</code> · {t("review.level")}:{" "}
              <strong data-testid="evidence-level">{t(`lookup.${item.lookup.verdict}`)}</strong>
              {item.lookup.distinctReporters > 0 && <> · {t("verdict.reporters", { n: item.lookup.distinctReporters })}</>}
              {item.otherReportCount > 0 && (
                <p className="small">
                  {t("detail.otherReports", { n: item.otherReportCount })}:{" "}
                  {item.otherReports.map((other) => (
                    <Link key={other.id} href={`/console/reports/${other.id}`}>
                      {other.id}{" "}
                    </Link>
                  ))}
                </p>
              )}
              {item.coNamed.length > 0 && (
                <p className="small">
                  {t("detail.coNamed")}: {item.coNamed.map((c) => c.normalized).join(", ")}
                </p>
              )}
              <ReviewControls identifier={item} verdict={item.lookup.verdict} apiKey={apiKey} onChange={reload} />
            </li>
          ))}
        </ul>
      </section>
      <section>
        {report.caseIds.length > 0 && (
          <p>
            {t("detail.cases")}:{" "}
            {report.caseIds.map((caseId) => (
              <Link key={caseId} href={`/console/cases/${caseId}`}>
                {caseId}{" "}
              </Link>
            ))}
          </p>
        )}
        <Link className="button" href={`/console/cases?new=1&reports=${report.id}`}>
          {t("detail.openCase")}
        </Link>
      </section>
    </article>
  );
}
