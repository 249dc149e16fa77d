/**
 * Report: one form for the scammer's identifiers, the story, the channel and the loss; below it, the
 * reporter's own reports. Both need a reporter key, pasted once and kept in this tab only.
 */
import {
  type CreateReportRequest,
  type CreateReportResponse,
  IDENTIFIER_KINDS,
  type IdentifierKind,
  type ReportChannel,
  ReportChannelSchema,
} from "@scamguard/contracts";
import { type FormEvent, useState } from "react";
import { ApiError, api } from "../../api/client.js";
import { useApiKey } from "../../api/keys.js";
import { KeyForm } from "../../components/key-form.js";
import { useI18n } from "../../i18n/i18n.js";
import { guessIdentifierKind } from "./guess-kind.js";
import { MyReports } from "./my-reports.js";
import { errorText } from "../../api/error-text.js";

interface IdentifierDraft {
  kind: IdentifierKind;
  value: string;
  /** The person picked the kind: stop guessing it from what they type. */
  kindChosen?: boolean;
}

const CURRENCIES = ["CNY", "HKD", "USD", "EUR", "GBP"];

export function ReportPage() {
  const { t, name, lang } = useI18n();
  const [apiKey, setApiKey] = useApiKey("reporter");
  // A key pasted above but not yet confirmed with "Use this key": sending the report uses it (a new user who
  // pasted the key and pressed "Send report" was told "Enter your reporter key first").
  const [pendingKey, setPendingKey] = useState("");
  const [identifiers, setIdentifiers] = useState<IdentifierDraft[]>([{ kind: "phone", value: "" }]);
  const [story, setStory] = useState("");
  const [channel, setChannel] = useState<ReportChannel | "">("");
  const [amount, setAmount] = useState("");
  // Until the person picks one, the currency follows the page's language: an English reader who lost "$300"
  // and left the select alone was recorded as 300 CNY.
  const [chosenCurrency, setCurrency] = useState<string | null>(null);
  const currency = chosenCurrency ?? (lang === "en" ? "USD" : "CNY");
  const [when, setWhen] = useState("");
  const [outcome, setOutcome] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);

  const update = (index: number, patch: Partial<IdentifierDraft>) =>
    setIdentifiers((all) => all.map((item, i) => (i === index ? { ...item, ...patch } : item)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setOutcome(null);
    setError(null);
    const key = apiKey ?? (pendingKey.trim() || null);
    if (!key) {
      setError(t("report.needKey"));
      return;
    }
    if (!apiKey) {
      setApiKey(key);
      setPendingKey("");
    }
    const body: CreateReportRequest = {
      identifiers: identifiers.filter((i) => i.value.trim() !== "").map((i) => ({ kind: i.kind, value: i.value.trim() })),
      ...(story.trim() ? { text: story.trim() } : {}),
      ...(channel ? { channel } : {}),
      ...(amount.trim() ? { loss: { amount: Number(amount), currency } } : {}),
      ...(when ? { occurredAt: new Date(when).toISOString() } : {}),
    };
    try {
      const created = await api<CreateReportResponse>("/v1/reports", { body, apiKey: key });
      setOutcome(created.duplicate ? t("report.duplicate", { id: created.id }) : t("report.sent", { id: created.id }));
      setRefresh((n) => n + 1);
    } catch (caught) {
      // A refused identifier is named in the page's language (the server's message is English and technical).
      const refused = caught instanceof ApiError && caught.code === "invalid_identifier" ? /^identifiers\.(\d+)\./.exec(caught.message) : null;
      const item = refused ? body.identifiers[Number(refused[1])] : undefined;
      setError(
        item
          ? t("report.badIdentifier", { kind: name(IDENTIFIER_KINDS.names[item.kind]), value: item.value })
          : errorText(caught, t),
      );
    }
  };

  return (
    <div className="page report">
      <h1>{t("report.title")}</h1>
      <p className="intro">{t("report.intro")}</p>
      <KeyForm slot="reporter" apiKey={apiKey} setApiKey={setApiKey} label="report.key" hint="report.keyHint" onDraft={setPendingKey} />
      <form onSubmit={submit} className="report-form">
        <fieldset>
          <legend>{t("report.identifiers")}</legend>
          {identifiers.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, never reordered
            <div className="row identifier-row" key={index}>
              <label>
                <span className="sr-only">{t("report.kind")}</span>
                <select value={item.kind} onChange={(e) => update(index, { kind: e.target.value as IdentifierKind, kindChosen: true })} aria-label={t("report.kind")}>
                  {IDENTIFIER_KINDS.ids.map((kind) => (
                    <option key={kind} value={kind}>
                      {name(IDENTIFIER_KINDS.names[kind])}
                    </option>
                  ))}
                </select>
              </label>
              <input
                type="text"
                aria-label={t("report.value")}
                placeholder={t("report.value")}
                value={item.value}
                onChange={(e) => {
                  const guessed = item.kindChosen ? null : guessIdentifierKind(e.target.value);
                  update(index, { value: e.target.value, ...(guessed ? { kind: guessed } : {}) });
                }}
              />
              {identifiers.length > 1 && (
                <button type="button" onClick={() => setIdentifiers((all) => all.filter((_, i) => i !== index))}>
                  {t("report.remove")}
                </button>
              )}
            </div>
          ))}
          <button type="button" onClick={() => setIdentifiers((all) => [...all, { kind: "phone", value: "" }])}>
            {t("report.add")}
          </button>
        </fieldset>
        <label htmlFor="report-story">{t("report.story")}</label>
        <textarea id="report-story" rows={5} value={story} onChange={(e) => setStory(e.target.value)} />
        <label htmlFor="report-channel">{t("report.channel")}</label>
        <select id="report-channel" value={channel} onChange={(e) => setChannel(e.target.value as ReportChannel | "")}>
          <option value="">—</option>
          {ReportChannelSchema.options.map((option) => (
            <option key={option} value={option}>
              {t(`channel.${option}`)}
            </option>
          ))}
        </select>
        <label htmlFor="report-amount">{t("report.loss")}</label>
        <div className="row">
          <input id="report-amount" type="number" min="0" step="0.01" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
          <select aria-label={t("report.currency")} value={currency} onChange={(e) => setCurrency(e.target.value)}>
            {CURRENCIES.map((code) => (
              <option key={code}>{code}</option>
            ))}
          </select>
        </div>
        <label htmlFor="report-when">{t("report.when")}</label>
        <input id="report-when" type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />
        <button type="submit" className="primary">
          {t("report.submit")}
        </button>
        {outcome && (
          <p className="ok" role="status" data-testid="report-outcome">
            ✅ {outcome}
          </p>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </form>
      {apiKey && <MyReports apiKey={apiKey} refresh={refresh} />}
    </div>
  );
}
