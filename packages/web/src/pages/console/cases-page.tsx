/**
 * Cases: the list (open / closed, newest first, keyset pages) and the form to open one from reports
 * (`/console/cases?new=1&reports=rpt_a,rpt_b` pre-fills the reports and their identifiers).
 */
import {
  type Case,
  type CaseListResponse,
  type CreateCaseRequest,
  IdentifierKindSchema,
  type IdentifierInput,
  type Report,
} from "@scamguard/contracts";
import { type FormEvent, useEffect, useState } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { ApiError, api, query } from "../../api/client.js";
import { useI18n } from "../../i18n/i18n.js";
import { useLoad } from "./use-load.js";

export function CasesPage({ apiKey }: { apiKey: string }) {
  const { t } = useI18n();
  const params = new URLSearchParams(useSearch());
  const status = params.get("status") ?? "";
  const cursor = params.get("cursor");
  const { data, error } = useLoad<CaseListResponse>(`/v1/cases${query({ limit: 25, status, cursor })}`, apiKey);
  const creating = params.get("new") === "1";
  return (
    <section>
      <h2>{t("cases.title")}</h2>
      {creating ? (
        <NewCaseForm apiKey={apiKey} reportIds={(params.get("reports") ?? "").split(",").filter(Boolean)} />
      ) : (
        <Link className="button" href="/console/cases?new=1">
          {t("cases.new")}
        </Link>
      )}
      <nav className="row" aria-label={t("queue.status")}>
        <Link href="/console/cases">{t("queue.any")}</Link>
        <Link href="/console/cases?status=open">{t("cases.open")}</Link>
        <Link href="/console/cases?status=closed">{t("cases.closed")}</Link>
      </nav>
      {error && <p className="error">{error}</p>}
      {data && data.items.length === 0 && <p>{t("cases.none")}</p>}
      {data && data.items.length > 0 && (
        <ul className="case-list" data-testid="case-list">
          {data.items.map((item: Case) => (
            <li key={item.id}>
              <Link href={`/console/cases/${item.id}`}>{item.title}</Link> · {item.status === "open" ? t("cases.open") : t("cases.closed")} · {item.victim.name}
              {item.loss ? ` · ${item.loss.amount.toLocaleString()} ${item.loss.currency}` : ""}
              <span className="small">
                {" "}
                · {t("cases.updated")} {new Date(item.updatedAt).toLocaleString()}
              </span>
            </li>
          ))}
        </ul>
      )}
      {data?.nextCursor && <Link href={`/console/cases${query({ status, cursor: data.nextCursor })}`}>{t("queue.next")} →</Link>}
    </section>
  );
}

function NewCaseForm({ apiKey, reportIds }: { apiKey: string; reportIds: string[] }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [title, setTitle] = useState("");
  const [reports, setReports] = useState(reportIds.join(", "));
  const [victim, setVictim] = useState("");
  const [contact, setContact] = useState("");
  const [amount, setAmount] = useState("");
  const [identifiers, setIdentifiers] = useState("");
  const [error, setError] = useState<string | null>(null);

  // Pre-fill the scammer's identifiers and the loss from the chosen reports.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, from the reports in the URL
  useEffect(() => {
    if (reportIds.length === 0) return;
    Promise.all(reportIds.map((id) => api<Report>(`/v1/reports/${encodeURIComponent(id)}`, { apiKey }))).then(
      (found) => {
        const lines = new Set(found.flatMap((r) => r.identifiers.map((i) => `${i.kind}:${i.value}`)));
        setIdentifiers([...lines].join("\n"));
        const loss = found.reduce((sum, r) => sum + (r.loss?.currency === "CNY" ? r.loss.amount : 0), 0);
        if (loss > 0) setAmount(String(loss));
        if (found[0]?.text) setTitle(found[0].text.slice(0, 60));
      },
      (caught: Error) => setError(caught.message),
    );
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const parsed = parseIdentifiers(identifiers);
    if (typeof parsed === "string") {
      setError(parsed);
      return;
    }
    const body: CreateCaseRequest = {
      title: title.trim(),
      reportIds: reports.split(/[\s,]+/).filter(Boolean),
      victim: { name: victim.trim(), ...(contact.trim() ? { contact: contact.trim() } : {}) },
      ...(amount.trim() ? { loss: { amount: Number(amount), currency: "CNY" } } : {}),
      identifiers: parsed,
    };
    try {
      const created = await api<Case>("/v1/cases", { body, apiKey });
      navigate(`/console/cases/${created.id}`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  };

  return (
    <form className="new-case" onSubmit={submit}>
      <h3>{t("cases.new")}</h3>
      <label htmlFor="case-title">{t("cases.caseTitle")}</label>
      <input id="case-title" type="text" required value={title} onChange={(e) => setTitle(e.target.value)} />
      <label htmlFor="case-reports">{t("cases.reportIds")}</label>
      <input id="case-reports" type="text" required value={reports} onChange={(e) => setReports(e.target.value)} />
      <label htmlFor="case-victim">{t("cases.victim")}</label>
      <input id="case-victim" type="text" required value={victim} onChange={(e) => setVictim(e.target.value)} />
      <label htmlFor="case-contact">{t("cases.victimContact")}</label>
      <input id="case-contact" type="text" value={contact} onChange={(e) => setContact(e.target.value)} />
      <label htmlFor="case-amount">{t("cases.loss")} (CNY)</label>
      <input id="case-amount" type="number" min="0" step="0.01" value={amount} onChange={(e) => setAmount(e.target.value)} />
      <label htmlFor="case-identifiers">{t("cases.identifiers")}</label>
      <textarea id="case-identifiers" rows={4} value={identifiers} onChange={(e) => setIdentifiers(e.target.value)} />
      <button type="submit" className="primary">
        {t("cases.create")}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** "kind:value" per line → identifiers; the first bad line is named. */
function parseIdentifiers(text: string): IdentifierInput[] | string {
  const out: IdentifierInput[] = [];
  for (const line of text.split("\n").map((l) => l.trim()).filter(Boolean)) {
    const at = line.indexOf(":");
    const kind = IdentifierKindSchema.safeParse(line.slice(0, at));
    if (at < 1 || !kind.success) return `"${line}": expected kind:value, kind one of ${IdentifierKindSchema.options.join(", ")}`;
    out.push({ kind: kind.data, value: line.slice(at + 1).trim() });
  }
  return out;
}
