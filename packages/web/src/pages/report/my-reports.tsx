/** The reporter's own reports, newest first, a page at a time (keyset cursor from the server). */
import { FRAUD_MODES, type Report, type ReportListResponse } from "@scamguard/contracts";
import { useEffect, useState } from "react";
import { api, query } from "../../api/client.js";
import { useI18n } from "../../i18n/i18n.js";
import { errorText } from "../../api/error-text.js";

/** A report's review status, when the server gives one (the analyst's decision on its identifiers). */
type WithStatus = Report & { status?: string };

export function MyReports({ apiKey, refresh }: { apiKey: string; refresh: number }) {
  const { t, name, lang } = useI18n();
  const [items, setItems] = useState<WithStatus[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `refresh` is the parent's "a report was just filed" tick: it re-reads the list.
  useEffect(() => {
    let live = true;
    api<ReportListResponse>(`/v1/reports${query({ limit: 20 })}`, { apiKey }).then(
      (page) => {
        if (!live) return;
        setItems(page.items);
        setNext(page.nextCursor);
        setError(null);
      },
      (caught: Error) => live && setError(errorText(caught, t)),
    );
    return () => {
      live = false;
    };
  }, [apiKey, refresh]);

  const more = async () => {
    if (!next) return;
    const page = await api<ReportListResponse>(`/v1/reports${query({ limit: 20, cursor: next })}`, { apiKey });
    setItems((known) => [...known, ...page.items]);
    setNext(page.nextCursor);
  };

  return (
    <section aria-labelledby="my-reports" className="my-reports">
      <h2 id="my-reports">{t("report.mine")}</h2>
      {error && <p className="error">{error}</p>}
      {error ? null : items.length === 0 ? (
        <p>{t("report.noneYet")}</p>
      ) : (
        <ul data-testid="my-reports">
          {items.map((report) => (
            <li key={report.id}>
              <code>{report.identifiers.map((i) => i.value).join(", ")}</code> · {report.mode ? name(FRAUD_MODES.names[report.mode]) : "—"}
              {report.status && (
                <>
                  {" "}
                  · {t("report.status")}
                  {t("punct.colon")}
                  <strong>{t(`status.${report.status}`)}</strong>
                </>
              )}
              <br />
              <small>
                {t("report.filed")} {new Date(report.createdAt).toLocaleString(lang === "zh" ? "zh-CN" : "en-GB")} · {report.id}
              </small>
            </li>
          ))}
        </ul>
      )}
      {next && (
        <button type="button" onClick={more}>
          {t("report.more")}
        </button>
      )}
    </section>
  );
}
