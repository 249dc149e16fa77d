/**
 * The report queue: newest first, filters (status, mode, channel, identifier kind, dates) and the keyset
 * cursor in the URL (`/console/reports?status=new&cursor=…`), so a view can be shared and Back works.
 * Keyboard: j/k move the selection, Enter opens the report.
 */
import { FRAUD_MODES, IDENTIFIER_KINDS, ReportChannelSchema, type ReportListResponse, ReportStatusSchema } from "@scamguard/contracts";
import { type FormEvent, useEffect, useState } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { query } from "../../api/client.js";
import { useI18n } from "../../i18n/i18n.js";
import { useLoad } from "./use-load.js";

const FILTERS = ["status", "mode", "channel", "kind", "from", "to"] as const;
type Filter = (typeof FILTERS)[number];

export function ReportQueue({ apiKey }: { apiKey: string }) {
  const { t, name, lang } = useI18n();
  const search = useSearch();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(search);
  const current = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ""])) as Record<Filter, string>;
  const cursor = params.get("cursor");
  const [draft, setDraft] = useState(current);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [focus, setFocus] = useState(0);
  const apiQuery = query({
    limit: 25,
    ...Object.fromEntries(FILTERS.map((f) => [f, f === "from" || f === "to" ? toIso(current[f]) : current[f]])),
    cursor,
  });
  const { data, error } = useLoad<ReportListResponse>(`/v1/reports${apiQuery}`, apiKey);
  const items = data?.items ?? [];

  // biome-ignore lint/correctness/useExhaustiveDependencies: re-read the filters when the URL changes
  useEffect(() => {
    setDraft(current);
    setFocus(0);
  }, [search]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) return;
      if (event.key === "j") setFocus((f) => Math.min(f + 1, items.length - 1));
      else if (event.key === "k") setFocus((f) => Math.max(f - 1, 0));
      else if (event.key === "Enter" && items[focus]) navigate(`/console/reports/${items[focus].id}`);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [items, focus, navigate]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/console/reports${query(draft)}`);
  };
  const toggle = (id: string) =>
    setSelected((all) => {
      const next = new Set(all);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section aria-labelledby="queue-title">
      <h2 id="queue-title">{t("queue.title")}</h2>
      <p className="small">{t("console.shortcuts")}</p>
      <form className="filters" onSubmit={apply}>
        <Select label={t("queue.status")} value={draft.status} onChange={(v) => setDraft({ ...draft, status: v })} options={ReportStatusSchema.options.map((s) => [s, t(`status.${s}`)])} />
        <Select label={t("queue.mode")} value={draft.mode} onChange={(v) => setDraft({ ...draft, mode: v })} options={FRAUD_MODES.ids.map((m) => [m, name(FRAUD_MODES.names[m])])} />
        <Select label={t("queue.channel")} value={draft.channel} onChange={(v) => setDraft({ ...draft, channel: v })} options={ReportChannelSchema.options.map((c) => [c, t(`channel.${c}`)])} />
        <Select label={t("queue.kind")} value={draft.kind} onChange={(v) => setDraft({ ...draft, kind: v })} options={IDENTIFIER_KINDS.ids.map((k) => [k, name(IDENTIFIER_KINDS.names[k])])} />
        <label>
          {t("queue.from")}
          <input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </label>
        <label>
          {t("queue.to")}
          <input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </label>
        <button type="submit" className="primary">
          {t("queue.apply")}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {data && items.length === 0 && <p>{t("queue.empty")}</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table data-testid="report-queue">
            <thead>
              <tr>
                <th scope="col">
                  <span className="sr-only">✓</span>
                </th>
                <th scope="col">{t("queue.filed")}</th>
                <th scope="col">{t("queue.status")}</th>
                <th scope="col">{t("queue.mode")}</th>
                <th scope="col">{t("queue.identifiers")}</th>
                <th scope="col">{t("queue.loss")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((report, index) => (
                <tr key={report.id} className={index === focus ? "focused" : undefined} aria-selected={index === focus}>
                  <td>
                    <input type="checkbox" aria-label={report.id} checked={selected.has(report.id)} onChange={() => toggle(report.id)} />
                  </td>
                  <td>
                    <Link href={`/console/reports/${report.id}`}>{new Date(report.createdAt).toLocaleString(lang === "zh" ? "zh-CN" : "en-GB")}</Link>
                  </td>
                  <td>{t(`status.${report.status}`)}</td>
                  <td>{report.mode ? name(FRAUD_MODES.names[report.mode]) : "—"}</td>
                  <td>
                    {report.identifiers.map((i) => (
                      <code key={`${i.kind}:${i.normalized}`}>{i.normalized} </code>
                    ))}
                  </td>
                  <td>{report.loss ? `${report.loss.amount.toLocaleString()} ${report.loss.currency}` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="row">
        {cursor && <Link href={`/console/reports${query(current)}`}>{t("queue.first")}</Link>}
        {data?.nextCursor && (
          <Link href={`/console/reports${query({ ...current, cursor: data.nextCursor })}`} data-testid="next-page">
            {t("queue.next")} →
          </Link>
        )}
        {selected.size > 0 && (
          <Link className="button" href={`/console/cases?new=1&reports=${[...selected].join(",")}`}>
            {t("queue.openCase")} ({t("queue.selected", { n: selected.size })})
          </Link>
        )}
      </div>
    </section>
  );
}

function Select({ label, value, onChange, options }: { label: string; value: string; onChange: (v: string) => void; options: [string, string][] }) {
  const { t } = useI18n();
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t("queue.any")}</option>
        {options.map(([id, text]) => (
          <option key={id} value={id}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A date input (YYYY-MM-DD) as the start of that day in UTC, what the API's from/to expect. */
function toIso(date: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : undefined;
}
