/** Check a caller: who they claim to be + the number or e-mail they used → match / mismatch, and the number to call back. */
import type { ContactChannel, VerifyRequest, VerifyResponse } from "@scamguard/contracts";
import { type FormEvent, useState } from "react";
import { api } from "../../api/client.js";
import { Tel } from "../../components/risk.js";
import { useI18n } from "../../i18n/i18n.js";
import { typedIdentifierKind } from "@scamguard/detect/identifiers/typed-kind";

export function VerifyForm({ channels }: { channels: readonly ContactChannel[] }) {
  const { t, name, lang } = useI18n();
  const [claimed, setClaimed] = useState("");
  const [contact, setContact] = useState("");
  const [channel, setChannel] = useState<ContactChannel | "">("");
  const [answer, setAnswer] = useState<VerifyResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: VerifyRequest = {
      claimed: claimed.trim(),
      contact: { kind: typedIdentifierKind(contact), value: contact.trim() },
      ...(channel ? { channel } : {}),
      // The reasons under the answer in the page's language, not the server's default.
      lang,
    };
    try {
      setAnswer(await api<VerifyResponse>("/v1/directory/verify", { body }));
      setError(null);
    } catch (caught) {
      setAnswer(null);
      setError((caught as Error).message);
    }
  };
  const institutionName = answer?.institution ? name(answer.institution.name) : claimed;

  return (
    <section aria-labelledby="verify-title" className="verify">
      <h2 id="verify-title">{t("directory.verify")}</h2>
      <form onSubmit={submit}>
        <label htmlFor="verify-claimed">{t("directory.claimed")}</label>
        <input id="verify-claimed" type="text" required placeholder="京东金融 / WeBank" value={claimed} onChange={(e) => setClaimed(e.target.value)} />
        <label htmlFor="verify-contact">{t("directory.contact")}</label>
        <input id="verify-contact" type="text" required value={contact} onChange={(e) => setContact(e.target.value)} />
        <label htmlFor="verify-channel">{t("directory.channel")}</label>
        <select id="verify-channel" value={channel} onChange={(e) => setChannel(e.target.value as ContactChannel | "")}>
          <option value="">—</option>
          {channels.map((option) => (
            <option key={option} value={option}>
              {t(`contactChannel.${option}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="primary">
          {t("directory.verifyButton")}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {answer && (
        <div className={`verify-answer verify-${answer.result}`} data-testid="verify-answer" role="status">
          <p className="headline">
            {answer.result === "match" && <>✅ {t("directory.match", { name: institutionName })}</>}
            {answer.result === "mismatch" && <>⛔ {t("directory.mismatch", { name: institutionName })}</>}
            {answer.result === "unknown" && <>❔ {t("directory.unknown")}</>}
          </p>
          {answer.result === "match" && <p>{t("directory.matchNote")}</p>}
          {answer.callBack.length > 0 && (
            <p>
              📞 {t("directory.callBack")}{" "}
              {answer.callBack.map((number) => (
                <span key={number}>
                  <Tel number={number} />{" "}
                </span>
              ))}
            </p>
          )}
          <ul className="small">
            {answer.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
