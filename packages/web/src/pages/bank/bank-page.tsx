/**
 * The bank officer's freeze inbox (institution key bound to the bank): only this bank's requests,
 * overdue first, then by deadline, each with its countdown and one form to answer: frozen (amount),
 * partially frozen (amount), rejected (reason) or not our account.
 */
import { type FreezeAnswerRequest, type FreezeOutcome, FreezeOutcomeSchema, type FreezeRequest, type FreezeRequestListResponse } from "@scamguard/contracts";
import { type FormEvent, useState } from "react";
import { api, query } from "../../api/client.js";
import { useApiKey } from "../../api/keys.js";
import { KeyForm } from "../../components/key-form.js";
import { useI18n } from "../../i18n/i18n.js";
import { FreezeList } from "../console/freeze-list.js";
import { useLoad } from "../console/use-load.js";
import { errorText } from "../../api/error-text.js";

/** Overdue first, then unanswered by nearest deadline, then answered ones, newest first. */
export function inboxOrder(items: FreezeRequest[]): FreezeRequest[] {
  const rank = (r: FreezeRequest) => (r.overdue ? 0 : r.answer === null ? 1 : 2);
  return [...items].sort((a, b) => rank(a) - rank(b) || (rank(a) < 2 ? a.deadlineAt.localeCompare(b.deadlineAt) : b.createdAt.localeCompare(a.createdAt)));
}

export default function BankPage() {
  const { t } = useI18n();
  const [apiKey, setApiKey] = useApiKey("institution");
  const { data, error, reload } = useLoad<FreezeRequestListResponse>(apiKey ? `/v1/freeze-requests${query({ limit: 200 })}` : null, apiKey);
  return (
    <div className="page bank">
      <h1>{t("bank.title")}</h1>
      <KeyForm slot="institution" apiKey={apiKey} setApiKey={setApiKey} label="bank.key" hint="bank.keyHint" />
      {apiKey && (
        <>
          <p className="intro">{t("bank.intro")}</p>
          {error && <p className="error">{error}</p>}
          {data && (
            <FreezeList
              items={inboxOrder(data.items)}
              actions={(request) =>
                request.answer === null ? (
                  <>
                    {request.state === "sent" && <AcknowledgeButton request={request} apiKey={apiKey} onDone={reload} />}
                    <AnswerForm request={request} apiKey={apiKey} onDone={reload} />
                  </>
                ) : null
              }
            />
          )}
        </>
      )}
    </div>
  );
}

/** "We have it and are working on it": moves the request to acknowledged, so the centre sees it was read. */
function AcknowledgeButton({ request, apiKey, onDone }: { request: FreezeRequest; apiKey: string; onDone(): void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const acknowledge = async () => {
    try {
      await api(`/v1/freeze-requests/${encodeURIComponent(request.id)}/acknowledge`, { method: "POST", body: {}, apiKey });
      onDone();
    } catch (caught) {
      setError(errorText(caught, t));
    }
  };
  return (
    <p>
      <button type="button" onClick={acknowledge}>
        {t("bank.acknowledge")}
      </button>
      {error && <span className="error"> {error}</span>}
    </p>
  );
}

function AnswerForm({ request, apiKey, onDone }: { request: FreezeRequest; apiKey: string; onDone(): void }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<FreezeOutcome>("frozen");
  const [amount, setAmount] = useState(String(request.amount.amount));
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const needsAmount = outcome === "frozen" || outcome === "partially_frozen";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const body: FreezeAnswerRequest =
      outcome === "frozen" || outcome === "partially_frozen"
        ? { outcome, amount: Number(amount) }
        : outcome === "rejected"
          ? { outcome, reason: reason.trim() }
          : { outcome, ...(reason.trim() ? { reason: reason.trim() } : {}) };
    try {
      await api(`/v1/freeze-requests/${encodeURIComponent(request.id)}/answer`, { body, apiKey });
      onDone();
    } catch (caught) {
      setError(errorText(caught, t));
    }
  };
  const id = `answer-${request.id}`;
  return (
    <form className="answer" onSubmit={submit} data-testid="answer-form">
      <label htmlFor={`${id}-outcome`}>{t("bank.outcome")}</label>
      <select id={`${id}-outcome`} value={outcome} onChange={(e) => setOutcome(e.target.value as FreezeOutcome)}>
        {FreezeOutcomeSchema.options.map((o) => (
          <option key={o} value={o}>
            {t(`freeze.state.${o}`)}
          </option>
        ))}
      </select>
      {needsAmount ? (
        <>
          <label htmlFor={`${id}-amount`}>
            {t("bank.amountFrozen")} ({request.amount.currency})
          </label>
          <input id={`${id}-amount`} type="number" min="0.01" step="0.01" required value={amount} onChange={(e) => setAmount(e.target.value)} />
        </>
      ) : (
        <>
          <label htmlFor={`${id}-reason`}>{t("bank.reason")}</label>
          <input id={`${id}-reason`} type="text" required={outcome === "rejected"} minLength={outcome === "rejected" ? 3 : 0} value={reason} onChange={(e) => setReason(e.target.value)} />
        </>
      )}
      <button type="submit" className="primary">
        {t("bank.answer")}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
