/** Every freeze request the centre sent, newest first; filter by state or overdue (kept in the URL). */
import { FreezeStateSchema, type FreezeRequestListResponse } from "@scamguard/contracts";
import { Link, useSearch } from "wouter";
import { query } from "../../api/client.js";
import { useI18n } from "../../i18n/i18n.js";
import { FreezeList } from "./freeze-list.js";
import { useLoad } from "./use-load.js";

export function FreezesPage({ apiKey }: { apiKey: string }) {
  const { t } = useI18n();
  const params = new URLSearchParams(useSearch());
  const state = params.get("state") ?? "";
  const overdue = params.get("overdue") ?? "";
  const cursor = params.get("cursor");
  const { data, error } = useLoad<FreezeRequestListResponse>(`/v1/freeze-requests${query({ limit: 50, state, overdue, cursor })}`, apiKey);
  return (
    <section>
      <h2>{t("freeze.all")}</h2>
      <nav className="row" aria-label={t("queue.status")}>
        <Link href="/console/freezes">{t("queue.any")}</Link>
        <Link href="/console/freezes?overdue=true">⏰ {t("freeze.onlyOverdue")}</Link>
        {FreezeStateSchema.options.map((s) => (
          <Link key={s} href={`/console/freezes?state=${s}`}>
            {t(`freeze.state.${s}`)}
          </Link>
        ))}
      </nav>
      {error && <p className="error">{error}</p>}
      {data && (
        <FreezeList
          items={data.items}
          actions={(request) => (
            <Link href={`/console/cases/${request.caseId}`} className="small">
              {request.caseId}
            </Link>
          )}
        />
      )}
      {data?.nextCursor && <Link href={`/console/freezes${query({ state, overdue, cursor: data.nextCursor })}`}>{t("queue.next")} →</Link>}
    </section>
  );
}
