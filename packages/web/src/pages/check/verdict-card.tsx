/**
 * The answer to "is this a scam?", in the order a frightened person needs it: the verdict in one line
 * (colour + word + icon), the one thing to do now, the official number to call back, then why (the
 * evidence in the text), the identifiers and their reputation, and a text to send to family.
 */
import { FRAUD_MODES, PLAYBOOK_STAGES, RISK_LEVELS, readsAsWarning, type RiskLevel, SIGNAL_FAMILIES, type Verdict } from "@scamguard/contracts";
import { institutionById } from "../../components/institutions.js";
import { RiskBadge, Tel } from "../../components/risk.js";
import { useI18n } from "../../i18n/i18n.js";
import type { MessageKey } from "../../i18n/messages.js";
import { actionsFor } from "./actions.js";
import { HighlightedText } from "./highlighted-text.js";
import { IdentifierList } from "./identifier-list.js";
import type { CheckResult } from "./run-check.js";
import { ScreenShareHelp } from "./screen-share-help.js";
import { ShareWithFamily } from "./share-with-family.js";

const HEADLINES: Record<RiskLevel, MessageKey> = {
  critical: "verdict.headline.high",
  high: "verdict.headline.high",
  medium: "verdict.headline.medium",
  low: "verdict.headline.low",
};

/** Signals of a caller who shares or controls the screen: a meeting app, remote control, screen share. */
const SCREEN_SIGNALS = new Set(["channel:screen-share", "channel:meeting-app", "channel:remote-app"]);

/**
 * "How to stop screen sharing" only when the text is about sharing or controlling the screen, not for every
 * channel switch: a smishing text with a link is a channel switch too, and its reader shares no screen.
 */
export function showsScreenShareHelp(verdict: Verdict): boolean {
  return verdict.signals.some((s) => SCREEN_SIGNALS.has(s.id) || s.id.includes("screen"));
}

/**
 * A signal's description when it is written in the page's language, else nothing (the family name and
 * the quoted words still say what was found): a Chinese page never shows an English sentence.
 */
function inLanguage(text: string, lang: "zh" | "en"): string {
  const chinese = /[\u4e00-\u9fff]/.test(text);
  return chinese === (lang === "zh") ? text : "";
}

export function VerdictCard({ result }: { result: CheckResult }) {
  const { t, name, lang } = useI18n();
  const { verdict } = result;
  const institution = institutionById(verdict?.impersonating);
  const callBack = institution?.numbers[0];
  return (
    <section className={`verdict verdict-${verdict?.risk ?? "none"}`} data-testid="verdict" aria-labelledby="verdict-headline" aria-live="polite">
      {result.offlineReason !== null && (
        <p className="notice" role="status" data-testid="offline-note">
          📴 {t("check.offline")} {t("check.offlineReason", { reason: result.offlineReason })}
        </p>
      )}
      {verdict && (
        <>
          <h2 id="verdict-headline" className="headline">
            <RiskBadge risk={verdict.risk} testId="risk" /> <span>{t(readsAsWarning(verdict) ? "verdict.headline.warning" : HEADLINES[verdict.risk])}</span>
          </h2>
          {verdict.risk === "low" && <p className="low-note">{t("verdict.lowNote")}</p>}
          {(verdict.mode || verdict.stage) && (
            <dl className="facts">
              {verdict.mode && (
                <>
                  <dt>{t("verdict.mode")}</dt>
                  <dd data-testid="mode">{name(FRAUD_MODES.names[verdict.mode])}</dd>
                </>
              )}
              {verdict.stage && verdict.risk !== "low" && (
                <>
                  <dt>{t("verdict.stage")}</dt>
                  <dd data-testid="stage">{name(PLAYBOOK_STAGES.names[verdict.stage])}</dd>
                </>
              )}
            </dl>
          )}
          {actionsFor(verdict).length > 0 && (
            <div className="do-now">
              <h3>{t("verdict.doNow")}</h3>
              <ul>
                {actionsFor(verdict).map((key) => (
                  <li key={key} className="action">
                    {t(key)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {institution && callBack && verdict.risk !== "low" && (
            <p className="call-back" data-testid="call-back">
              📞 {t("verdict.callBack", { name: name(institution.name) })} <Tel number={callBack} />
              <br />
              <small>{t("verdict.callBackNote")}</small>
            </p>
          )}
          {showsScreenShareHelp(verdict) ? <ScreenShareHelp open /> : null}
          {verdict.advice.length > 0 && (
            <div className="advice">
              <h3>{t("verdict.advice")}</h3>
              <ul lang={verdict.lang === "zh" ? "zh-CN" : "en"}>
                {verdict.advice.map((advice) => (
                  <li key={advice.id}>{advice.text}</li>
                ))}
              </ul>
            </div>
          )}
          {verdict.signals.some((s) => s.family !== "protective") && (
            <div className="why">
              <h3>{t("verdict.why")}</h3>
              {/* A low verdict's cues are single words, not a scam's tell: "what gives it away" would contradict the headline. */}
              <p className="label">{t(readsAsWarning(verdict) ? "verdict.evidenceWarning" : verdict.risk === "low" ? "verdict.evidenceLow" : "verdict.evidence")}</p>
              <HighlightedText text={result.verdictOf === "identifier" ? result.identifier.trim() : result.text} signals={verdict.signals} />
              <ul className="signals">
                {verdict.signals
                  .filter((s) => s.family !== "protective")
                  .map((signal) => (
                    <li key={signal.id}>
                      <span className="family">{name(SIGNAL_FAMILIES.names[signal.family])}</span> {inLanguage(signal.description, lang)}
                      {signal.evidence[0] && <q>{signal.evidence[0].text}</q>}
                    </li>
                  ))}
              </ul>
            </div>
          )}
        </>
      )}
      <IdentifierList identifiers={result.identifiers} typedOnly={result.text.trim() === ""} />
      {verdict && verdict.risk !== "low" && (
        <ShareWithFamily
          text={t("verdict.shareText", {
            risk: name(RISK_LEVELS.names[verdict.risk]),
            mode: verdict.mode ? ` · ${name(FRAUD_MODES.names[verdict.mode])}` : "",
          })}
        />
      )}
    </section>
  );
}
