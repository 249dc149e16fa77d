/**
 * From a case, an emergency freeze / stop-payment request to a bank: which bank (the official
 * directory's banks and payment platforms), the payee account (the case's bank accounts first), the
 * amount and a deadline in minutes, as in the real workflow.
 */
import type { CaseDetail, CreateFreezeRequest } from "@scamguard/contracts";
import { DIRECTORY } from "@scamguard/detect/directory/data";
import { type FormEvent, useState } from "react";
import { ApiError, api } from "../../api/client.js";
import { useI18n } from "../../i18n/i18n.js";

const BANKS = DIRECTORY.filter((entry) => entry.kind === "bank" || entry.kind === "payment" || entry.kind === "loan");

export function FreezeForm({ caseItem, apiKey, onSent }: { caseItem: CaseDetail; apiKey: string; onSent(): void }) {
  const { t, name } = useI18n();
  const accounts = caseItem.identifiers.filter((i) => i.kind === "bank_account");
  const [institution, setInstitution] = useState(BANKS[0]?.id ?? "");
  const [payee, setPayee] = useState(accounts[0]?.normalized ?? "");
  const [amount, setAmount] = useState(caseItem.loss ? String(caseItem.loss.amount) : "");
  const [deadline, setDeadline] = useState("30");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const body: CreateFreezeRequest = {
      caseId: caseItem.id,
      institution,
      payee: { kind: "bank_account", value: payee.trim() },
      amount: { amount: Number(amount), currency: caseItem.loss?.currency ?? "CNY" },
      deadlineMinutes: Number(deadline),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    try {
      await api("/v1/freeze-requests", { body, apiKey });
      setNote("");
      onSent();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  };

  return (
    <form className="freeze-form" onSubmit={submit}>
      <h4>{t("case.requestFreeze")}</h4>
      <label htmlFor="freeze-bank">{t("case.bank")}</label>
      <select id="freeze-bank" value={institution} onChange={(e) => setInstitution(e.target.value)}>
        {BANKS.map((bank) => (
          <option key={bank.id} value={bank.id}>
            {name(bank.name)}
          </option>
        ))}
      </select>
      <label htmlFor="freeze-payee">{t("case.payee")}</label>
      <input id="freeze-payee" type="text" required list="freeze-accounts" value={payee} onChange={(e) => setPayee(e.target.value)} />
      <datalist id="freeze-accounts">
        {accounts.map((a) => (
          <option key={a.normalized} value={a.normalized} />
        ))}
      </datalist>
      <div className="row">
        <label>
          {t("case.amount")}
          <input type="number" min="0.01" step="0.01" required value={amount} onChange={(e) => setAmount(e.target.value)} />
        </label>
        <label>
          {t("case.deadline")}
          <input type="number" min="1" max="10080" required value={deadline} onChange={(e) => setDeadline(e.target.value)} />
        </label>
      </div>
      <label htmlFor="freeze-note">{t("case.noteOptional")}</label>
      <input id="freeze-note" type="text" value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" className="primary">
        {t("case.send")}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
