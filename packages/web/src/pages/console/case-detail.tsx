/**
 * A case as a timeline: victim, loss, identifiers, reports; freeze requests with their countdowns and
 * answers; every audit event with who and when. Actions: a note, an emergency freeze request to a bank,
 * closing (with a reason); the evidence packet as a printable page or JSON.
 */
import { type CaseActionRequest, type CaseDetail, IDENTIFIER_KINDS } from "@scamguard/contracts";
import { type FormEvent, useState } from "react";
import { Link } from "wouter";
import { ApiError, api } from "../../api/client.js";
import { useI18n } from "../../i18n/i18n.js";
import { CaseTrail } from "./case-trail.js";
import { FreezeForm } from "./freeze-form.js";
import { FreezeList } from "./freeze-list.js";
import { useLoad } from "./use-load.js";

export function CaseDetailPage({ id, apiKey }: { id: string; apiKey: string }) {
  const { t, name } = useI18n();
  const { data: item, error, reload } = useLoad<CaseDetail>(`/v1/cases/${encodeURIComponent(id)}`, apiKey);
  if (error) return <p className="error">{error}</p>;
  if (!item) return <p>{t("common.loading")}</p>;
  const open = item.status === "open";
  return (
    <article className="case-detail" data-testid="case-detail">
      <h2>
        {item.title} <span className="small">({open ? t("cases.open") : t("cases.closed")})</span>
      </h2>
      <dl className="facts">
        <dt>{t("case.victim")}</dt>
        <dd>
          {item.victim.name}
          {item.victim.contact ? ` · ${item.victim.contact}` : ""}
        </dd>
        {item.loss && (
          <>
            <dt>{t("case.loss")}</dt>
            <dd>
              {item.loss.amount.toLocaleString()} {item.loss.currency}
            </dd>
          </>
        )}
        <dt>{t("case.identifiers")}</dt>
        <dd>
          {item.identifiers.map((i) => (
            <span key={`${i.kind}:${i.normalized}`}>
              {name(IDENTIFIER_KINDS.names[i.kind])} <code>{i.normalized}</code>{" "}
            </span>
          ))}
        </dd>
        <dt>{t("case.reports")}</dt>
        <dd>
          {item.reportIds.map((reportId) => (
            <Link key={reportId} href={`/console/reports/${reportId}`}>
              {reportId}{" "}
            </Link>
          ))}
        </dd>
      </dl>
      <p className="row">
        <Link className="button" href={`/console/cases/${item.id}/packet`}>
          🖨 {t("case.packet")}
        </Link>
      </p>

      <section aria-labelledby="freezes-title">
        <h3 id="freezes-title">{t("case.freezes")}</h3>
        <FreezeList items={item.freezeRequests} />
        {open && <FreezeForm caseItem={item} apiKey={apiKey} onSent={reload} />}
      </section>

      <section aria-labelledby="trail-title">
        <h3 id="trail-title">{t("case.trail")}</h3>
        <CaseTrail item={item} />
      </section>

      {open && <CaseActions caseId={item.id} apiKey={apiKey} onDone={reload} />}
    </article>
  );
}

function CaseActions({ caseId, apiKey, onDone }: { caseId: string; apiKey: string; onDone(): void }) {
  const { t } = useI18n();
  const [note, setNote] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const act = async (action: CaseActionRequest, clear: () => void) => {
    setError(null);
    try {
      await api(`/v1/cases/${encodeURIComponent(caseId)}/actions`, { body: action, apiKey });
      clear();
      onDone();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  };
  const addNote = (event: FormEvent) => {
    event.preventDefault();
    void act({ type: "note", text: note.trim() }, () => setNote(""));
  };
  const close = (event: FormEvent) => {
    event.preventDefault();
    void act({ type: "close", reason: reason.trim() }, () => setReason(""));
  };
  return (
    <section className="case-actions no-print">
      <form onSubmit={addNote}>
        <label htmlFor="case-note">{t("case.note")}</label>
        <div className="row">
          <input id="case-note" type="text" required value={note} onChange={(e) => setNote(e.target.value)} />
          <button type="submit">{t("case.noteButton")}</button>
        </div>
      </form>
      <form onSubmit={close}>
        <label htmlFor="case-close">{t("case.closeReason")}</label>
        <div className="row">
          <input id="case-close" type="text" required minLength={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit">{t("case.close")}</button>
        </div>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
