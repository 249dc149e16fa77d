/**
 * "Is it really them, right now?" (`POST /v1/contacts/verify`): who the caller says they are, how and
 * from what number they reached you, and your own number or e-mail — hashed on this device, never sent
 * as it is. The institution either declared this contact to you (verified), did not (hang up), or does
 * not declare its calls (then only the directory's word on their number is known).
 */
import { type OutboundChannel, OutboundChannelSchema, type VerifyContactRequest, type VerifyContactResponse } from "@scamguard/contracts";
import { type FormEvent, useState } from "react";
import { api } from "../../api/client.js";
import { Tel } from "../../components/risk.js";
import { useI18n } from "../../i18n/i18n.js";
import { errorText } from "../../api/error-text.js";

export function ReallyThem() {
  const { t, lang, name } = useI18n();
  const [institution, setInstitution] = useState("");
  const [channel, setChannel] = useState<OutboundChannel>("phone");
  const [from, setFrom] = useState("");
  const [mine, setMine] = useState("");
  const [answer, setAnswer] = useState<VerifyContactResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const { ownContactHash } = await import("./private-lookup.js");
    const toHash = ownContactHash(mine);
    if (toHash === null) {
      setError(t("really.badMine"));
      return;
    }
    const body: VerifyContactRequest = { institution: institution.trim(), channel, from: from.trim(), toHash, lang };
    try {
      setAnswer(await api<VerifyContactResponse>("/v1/contacts/verify", { body }));
    } catch (caught) {
      setAnswer(null);
      setError(errorText(caught, t));
    }
  };
  const who = answer?.institution ? name(answer.institution.name) : institution;

  return (
    <details className="really-them">
      <summary>{t("really.title")}</summary>
      <p className="small">{t("really.intro")}</p>
      <form onSubmit={submit}>
        <label htmlFor="really-institution">{t("directory.claimed")}</label>
        <input id="really-institution" type="text" required value={institution} onChange={(e) => setInstitution(e.target.value)} placeholder="京东金融 / WeBank" />
        <label htmlFor="really-channel">{t("directory.channel")}</label>
        <select id="really-channel" value={channel} onChange={(e) => setChannel(e.target.value as OutboundChannel)}>
          {OutboundChannelSchema.options.map((option) => (
            <option key={option} value={option}>
              {t(`outbound.${option}`)}
            </option>
          ))}
        </select>
        <label htmlFor="really-from">{t("really.from")}</label>
        <input id="really-from" type="text" required value={from} onChange={(e) => setFrom(e.target.value)} />
        <label htmlFor="really-mine">{t("really.mine")}</label>
        <p className="hint" id="really-mine-hint">
          🔒 {t("really.mineHint")}
        </p>
        <input id="really-mine" type="text" required aria-describedby="really-mine-hint" value={mine} onChange={(e) => setMine(e.target.value)} />
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
        <div className={`verify-answer really-${answer.result}`} data-testid="really-answer" role="status">
          <p className="headline">
            {answer.result === "verified" && <>✅ {t("really.verified", { name: who })}</>}
            {answer.result === "not_verified" && <>⛔ {t("really.notVerified", { name: who })}</>}
            {answer.result === "not_participating" &&
              (answer.directory === "official" ? (
                <>❔ {t("really.officialOnly", { name: who })}</>
              ) : answer.directory === "mismatch" ? (
                <>⛔ {t("directory.mismatch", { name: who })}</>
              ) : (
                <>❔ {t("directory.unknown")}</>
              ))}
          </p>
          {answer.purpose && (
            <p>
              {t("really.purpose")}
              {t("punct.colon")}
              {answer.purpose}
            </p>
          )}
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
          <ul>
            {answer.advice[lang].map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <ul className="small">
            {answer.reasons[lang].map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </details>
  );
}
